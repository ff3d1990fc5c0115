package dev.fusebox.console.feed;

import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetMember;
import java.util.List;
import java.util.Map;

/**
 * What the console knows of a fleet registered in a ZooKeeper ensemble at one moment: every
 * application with its registered instances (their breakers' states) and its fleet-wide forcings,
 * whether the ensemble is reachable now, and the nodes that were refused (corrupt or hostile).
 * While the ensemble is unreachable the last known applications stay, with {@code connected} false.
 *
 * <p>Thread-safety: an immutable record (the collections are copied); safe on any thread.
 *
 * @param connected    whether the ensemble answers now
 * @param connection   the connection in words, e.g. {@code fleet at 127.0.0.1:2181/fusebox as alice}
 *                     or {@code unreachable since 03:12:09: ...}
 * @param applications application name to what is registered for it
 * @param problems     one sentence per refused node
 * @param writeRefusal why this login may not write fleet actions (a viewer, a wrong password), as the
 *                     ensemble answered a probe that writes nothing; empty when it may, or before the
 *                     probe answered
 */
public record EnsembleSnapshot(boolean connected, String connection, Map<String, Application> applications,
                               List<String> problems, String writeRefusal) {

    /**
     * One application in the ensemble.
     *
     * @param name    as its instances register it
     * @param members its registered instances
     * @param forced  target (breaker or {@code group:<name>}) to the fleet-wide forcing in force
     */
    public record Application(String name, List<FleetMember> members, Map<String, FleetForcing> forced) {

        public Application {
            members = List.copyOf(members);
            forced = Map.copyOf(forced);
        }
    }

    public EnsembleSnapshot {
        applications = Map.copyOf(applications);
        problems = List.copyOf(problems);
        writeRefusal = writeRefusal == null ? "" : writeRefusal;
    }

    /** Not connected (yet), nothing known: {@code why} says what happens. */
    public static EnsembleSnapshot none(String why) {
        return new EnsembleSnapshot(false, why, Map.of(), List.of(), "");
    }
}
