package dev.fusebox.ft.jmx;

import dev.fusebox.ft.management.BreakerGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.Config;

/**
 * Turns a selector into breaker names: {@code group:<name>} for a group configured as
 * {@code fusebox.groups.<name>=<names or globs, comma-separated>}, or a glob over breaker names
 * ({@code *} any characters, {@code ?} one). Groups are resolved once, at start-up. Immutable.
 */
final class BreakerSelection {

    static final String GROUPS_PREFIX = "fusebox.groups.";
    static final String GROUP_SELECTOR = "group:";

    private final List<String> breakers;
    private final Map<String, List<String>> groups;

    BreakerSelection(List<String> breakers, Map<String, String> groupDefinitions) {
        this.breakers = List.copyOf(breakers);
        Map<String, List<String>> resolved = new TreeMap<>();
        groupDefinitions.forEach((name, members) -> resolved.put(name, resolve(members)));
        this.groups = java.util.Collections.unmodifiableMap(resolved);
    }

    /** The group definitions in {@code config}. */
    static Map<String, String> groupDefinitions(Config config) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String key : config.getPropertyNames()) {
            if (key.startsWith(GROUPS_PREFIX) && key.length() > GROUPS_PREFIX.length()) {
                config.getOptionalValue(key, String.class)
                        .ifPresent(value -> found.put(key.substring(GROUPS_PREFIX.length()), value));
            }
        }
        return found;
    }

    List<BreakerGroup> groups() {
        List<BreakerGroup> all = new ArrayList<>(groups.size());
        groups.forEach((name, members) -> all.add(new BreakerGroup(name, members)));
        return all;
    }

    /**
     * The breakers {@code selector} names, sorted by name.
     *
     * @throws IllegalArgumentException for an unknown group or a selector that names no breaker
     */
    List<String> select(String selector) {
        if (selector == null || selector.isBlank()) {
            throw new IllegalArgumentException("a selector is required: group:<name> or a glob over breaker names"
                    + " such as com.example.Payments#*");
        }
        String trimmed = selector.trim();
        if (trimmed.startsWith(GROUP_SELECTOR)) {
            String group = trimmed.substring(GROUP_SELECTOR.length());
            List<String> members = groups.get(group);
            if (members == null) {
                throw new IllegalArgumentException("no breaker group '" + group + "'; configured groups: "
                        + (groups.isEmpty() ? "none (define one as " + GROUPS_PREFIX + "<name>=<breakers or globs>)"
                        : String.join(", ", groups.keySet())));
            }
            if (members.isEmpty()) {
                throw new IllegalArgumentException("breaker group '" + group + "' matches no circuit breaker");
            }
            return members;
        }
        List<String> matched = match(trimmed);
        if (matched.isEmpty()) {
            throw new IllegalArgumentException("selector '" + trimmed + "' matches no circuit breaker");
        }
        return matched;
    }

    private List<String> resolve(String members) {
        Set<String> found = new LinkedHashSet<>();
        for (String member : members.split(",")) {
            if (!member.isBlank()) {
                found.addAll(match(member.trim()));
            }
        }
        return List.copyOf(found);
    }

    private List<String> match(String glob) {
        Pattern pattern = glob(glob);
        return breakers.stream().filter(name -> pattern.matcher(name).matches()).toList();
    }

    static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?') {
                if (!literal.isEmpty()) {
                    regex.append(Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (!literal.isEmpty()) {
            regex.append(Pattern.quote(literal.toString()));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
