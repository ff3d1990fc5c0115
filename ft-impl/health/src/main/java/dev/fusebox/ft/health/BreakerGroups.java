package dev.fusebox.ft.health;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * The breaker groups of a container as the JMX module and the console know them: each
 * {@code fusebox.groups.<name>=<breaker names or globs, comma-separated>} ({@code *} any
 * characters, {@code ?} one), named {@code group:<name>} where a breaker can be named. The same
 * reading as the JMX module's selection (which lives in {@code fusebox-ft-jmx}, a module this one
 * does not depend on). Read once, at deployment. Immutable.
 */
final class BreakerGroups {

    static final String PREFIX = "fusebox.groups.";
    static final String SELECTOR = "group:";

    /** Group name to its definition as configured. */
    private final Map<String, String> definitions;

    private BreakerGroups(Map<String, String> definitions) {
        this.definitions = definitions;
    }

    /** The groups {@code config} defines. */
    static BreakerGroups of(Config config) {
        Map<String, String> found = new TreeMap<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(PREFIX) && key.length() > PREFIX.length()) {
                config.getOptionalValue(key, String.class).ifPresent(value -> found.put(key.substring(PREFIX.length()), value));
            }
        }
        return new BreakerGroups(found);
    }

    /** The group names, sorted. */
    List<String> names() {
        return List.copyOf(definitions.keySet());
    }

    /** The definition of {@code group}, or null when there is no such group. */
    String definition(String group) {
        return definitions.get(group);
    }

    /** The breakers among {@code breakers} that {@code group}'s definition matches, in their order. */
    List<String> members(String group, List<String> breakers) {
        List<Pattern> patterns = Stream.of(definitions.get(group).split(",")).map(String::trim)
                .filter(member -> !member.isEmpty()).map(BreakerGroups::glob).toList();
        return breakers.stream().filter(name -> patterns.stream().anyMatch(p -> p.matcher(name).matches())).toList();
    }

    /** {@code glob} as a pattern: {@code *} any characters, {@code ?} one, everything else literal. */
    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        int literalStart = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (i > literalStart) {
                    regex.append(Pattern.quote(glob.substring(literalStart, i)));
                }
                regex.append(c == '*' ? ".*" : ".");
                literalStart = i + 1;
            }
        }
        if (literalStart < glob.length()) {
            regex.append(Pattern.quote(glob.substring(literalStart)));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
