package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetMember;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a fleet view saw at one moment: every application with its instances and fleet-wide
 * forcings, whether the ensemble was reachable (when not, this is what was read last), and the
 * nodes it skipped because they did not parse, each with its message.
 * Thread-safety: immutable.
 *
 * @param connected    whether the ensemble was reachable
 * @param connection   which ensemble, as whom, and its state, for display
 * @param applications by name, sorted
 * @param problems     one line per node skipped: its path and why
 */
public record FleetSnapshot(boolean connected, String connection, Map<String, FleetApplication> applications,
                            List<String> problems) {

    public FleetSnapshot {
        applications = Collections.unmodifiableMap(new TreeMap<>(applications));
        problems = List.copyOf(problems);
    }

    /** One row per application and breaker across its instances (also a forced target no instance has), sorted. */
    public List<MethodRow> byMethod() {
        List<MethodRow> rows = new ArrayList<>();
        for (FleetApplication application : applications.values()) {
            TreeSet<String> breakers = new TreeSet<>(application.forced().keySet());
            application.members().forEach(member -> breakers.addAll(member.breakers().keySet()));
            for (String breaker : breakers) {
                rows.add(row(application, breaker));
            }
        }
        return rows;
    }

    private static MethodRow row(FleetApplication application, String breaker) {
        int instances = 0;
        int open = 0;
        int halfOpen = 0;
        int closed = 0;
        int forcedOpen = 0;
        int forcedClosed = 0;
        for (FleetMember member : application.members()) {
            FleetMember.BreakerState state = member.breakers().get(breaker);
            if (state == null) {
                continue;
            }
            instances++;
            switch (state.state()) {
                case "OPEN" -> open++;
                case "HALF_OPEN" -> halfOpen++;
                default -> closed++;
            }
            if ("OPEN".equals(state.forced())) {
                forcedOpen++;
            } else if ("CLOSED".equals(state.forced())) {
                forcedClosed++;
            }
        }
        FleetForcing forcing = application.forced().get(breaker);
        String fleetForcing = forcing == null ? "" : forcing.state() + " by " + forcing.by()
                + (forcing.untilEpochMillis() == 0 ? ""
                : " until " + Instant.ofEpochMilli(forcing.untilEpochMillis()).truncatedTo(ChronoUnit.SECONDS))
                + (forcing.reason().isEmpty() ? "" : ": " + forcing.reason());
        return new MethodRow(application.name(), breaker, instances, open, halfOpen, closed, forcedOpen, forcedClosed,
                fleetForcing);
    }
}
