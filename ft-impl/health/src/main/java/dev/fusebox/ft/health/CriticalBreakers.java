package dev.fusebox.ft.health;

import dev.fusebox.ft.cdi.config.KeyDistance;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The breakers the application marks critical, resolved from {@value #KEY} once, at deployment:
 * a comma-separated list whose entries are breaker names ({@code <bean class>#<method>}, the one
 * name JMX, the console and the logs use) or {@code group:<name>} for a group of
 * {@code fusebox.groups.<name>} ({@link BreakerGroups}). Every entry must name at least one circuit
 * breaker of the container: a misspelt name would otherwise leave a dependency silently out of
 * readiness, so a wrong entry fails deployment, with a message naming the entry, why, and the
 * nearest valid name ({@link KeyDistance}). Immutable.
 */
final class CriticalBreakers {

    /** The MicroProfile Config key of the critical list. */
    static final String KEY = "fusebox.health.critical";

    private final Set<String> names;

    private CriticalBreakers(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /** No breaker is critical: the check stays UP and only reports states. */
    static CriticalBreakers none() {
        return new CriticalBreakers(Set.of());
    }

    /**
     * Resolves {@code list}, the value of {@value #KEY}.
     *
     * @param breakers the names of the container's circuit breakers
     * @param guarded  the names of all its guarded methods (with a breaker or without)
     * @throws IllegalArgumentException naming every wrong entry, one per line
     */
    static CriticalBreakers resolve(String list, List<String> breakers, Collection<String> guarded,
                                    BreakerGroups groups) {
        Set<String> critical = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        for (String raw : list.split(",", -1)) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                problems.add("an empty entry (entries are separated by commas)");
            } else if (entry.startsWith(BreakerGroups.SELECTOR)) {
                String problem = group(entry.substring(BreakerGroups.SELECTOR.length()), breakers, groups, critical);
                if (problem != null) {
                    problems.add(problem);
                }
            } else if (breakers.contains(entry)) {
                critical.add(entry);
            } else if (guarded.contains(entry)) {
                problems.add("'" + entry + "' is guarded but has no @CircuitBreaker, so it is never open");
            } else {
                problems.add("'" + entry + "' names no circuit breaker; " + nearest(entry, breakers)
                        .map(name -> "did you mean '" + name + "'?")
                        .orElse("breakers are named <bean class>#<method>, e.g. "
                                + breakers.stream().findFirst().orElse("(this application has none)")));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(KEY + "=" + list + " is wrong:\n  - " + String.join("\n  - ", problems));
        }
        return new CriticalBreakers(critical);
    }

    private static String group(String group, List<String> breakers, BreakerGroups groups, Set<String> critical) {
        String definition = groups.definition(group);
        if (definition == null) {
            List<String> names = groups.names();
            return "no breaker group '" + group + "': " + nearest(group, names)
                    .map(name -> "did you mean '" + BreakerGroups.SELECTOR + name + "'?")
                    .orElse(names.isEmpty() ? "no group is configured (define one as " + BreakerGroups.PREFIX
                            + "<name>=<breaker names or globs>)" : "configured groups: " + String.join(", ", names));
        }
        List<String> members = groups.members(group, breakers);
        if (members.isEmpty()) {
            return "breaker group '" + group + "' (" + BreakerGroups.PREFIX + group + "=" + definition
                    + ") matches no circuit breaker";
        }
        critical.addAll(members);
        return null;
    }

    /** The name among {@code valid} nearest to {@code written}, if one is near enough to be a typo of it. */
    private static Optional<String> nearest(String written, List<String> valid) {
        return valid.stream().filter(name -> KeyDistance.near(written, name))
                .min(Comparator.comparingInt(name -> KeyDistance.between(written, name)));
    }

    boolean contains(String breaker) {
        return names.contains(breaker);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }
}
