package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetMember;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One application as a fleet view sees it: its registered instances, its fleet-wide forcings and
 * its fleet-wide overrides' text.
 * Thread-safety: immutable.
 *
 * @param name      the application
 * @param members   its registered instances, by instance id
 * @param forced    target (breaker or {@code group:<name>}) to the fleet's forcing, sorted by target
 * @param overrides the text of its overrides node ({@code key=value} lines), empty when none
 */
public record FleetApplication(String name, List<FleetMember> members, Map<String, FleetForcing> forced,
                               String overrides) {

    public FleetApplication {
        members = members.stream().sorted(Comparator.comparing(FleetMember::instanceId)).toList();
        forced = Collections.unmodifiableMap(new TreeMap<>(forced));
    }
}
