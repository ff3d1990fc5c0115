package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.jmx.ApplicationControl;
import dev.fusebox.ft.management.Forcing;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetRelease;
import dev.fusebox.ft.management.fleet.FleetReset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies the fleet's forcings and resets to this instance's breakers, through the same operator
 * actions as JMX (audited, kept in the local forced-state store), under the name
 * {@code fleet:<operator>}, and answers each action. The latest action wins: a fleet forcing
 * replaces whatever forcing a breaker has; a JMX forcing made later on this instance replaces the
 * fleet's there, and the fleet's release then keeps it (answered "kept the local forcing by ...").
 * A node that cannot be read is refused (logged, counted) and the forcing in force stays.
 * After the first full read, a kept forcing of a fleet operator that the fleet no longer has is
 * released (it was released while this instance was down).
 *
 * <p>Implementation notes. Every method but {@link #count} and {@link #actionOf} runs on the
 * agent's one thread, in the order ZooKeeper's cache saw the nodes change, so {@code nodes} needs
 * no lock. {@code actions} (breaker to the fleet action whose forcing it holds) is also read by the
 * member's publication: a concurrent map; a read racing an apply sees the action before or after
 * it, and the publication that follows the apply's own transition sees it after.
 */
final class FleetForcings {

    static final String BY_FLEET = "fleet:";
    private static final System.Logger LOG = System.getLogger(FleetForcings.class.getName());

    private final ApplicationControl control;
    private final FleetAnswers acks;
    private final FleetStatus status;
    private final Map<String, FleetForcing> nodes = new HashMap<>();
    private final Map<String, String> actions = new ConcurrentHashMap<>();

    FleetForcings(ApplicationControl control, FleetAnswers acks, FleetStatus status) {
        this.control = control;
        this.acks = acks;
        this.status = status;
    }

    /** The forced node of {@code target} was created or changed. */
    void forced(String target, byte[] data) {
        FleetForcing forcing;
        try {
            forcing = FleetForcing.parse(data == null ? new byte[0] : data, target);
        } catch (IllegalArgumentException corrupt) {
            status.problem("refused the fleet forcing node of " + target + ": " + corrupt.getMessage()
                    + "; the forcing in force stays");
            return;
        }
        nodes.put(target, forcing);
        if (forcing.untilEpochMillis() != 0 && forcing.untilEpochMillis() <= System.currentTimeMillis()) {
            acks.ack(forcing.actionId(), false, "ran out at " + Instant.ofEpochMilli(forcing.untilEpochMillis()));
            return;
        }
        List<String> breakers;
        try {
            breakers = control.select(target);
        } catch (IllegalArgumentException none) {
            acks.ack(forcing.actionId(), false, none.getMessage());
            return;
        }
        boolean open = "OPEN".equals(forcing.state());
        String by = BY_FLEET + forcing.by();
        String reason = forcing.reason().isBlank() ? "fleet action " + forcing.actionId() : forcing.reason();
        List<String> refused = new ArrayList<>();
        for (String breaker : breakers) {
            Forcing now = control.forcing(breaker);
            if (forcing.actionId().equals(actions.get(breaker)) && now != null && now.by().equals(by)) {
                continue; // this very forcing is in force here already
            }
            try {
                actions.put(breaker, forcing.actionId());
                control.force(breaker, open, by, reason, forcing.untilEpochMillis());
            } catch (IllegalArgumentException refusal) {
                actions.remove(breaker);
                refused.add(breaker + ": " + refusal.getMessage());
            }
        }
        String what = "forced " + forcing.state() + " " + (breakers.size() - refused.size()) + " of " + breakers.size()
                + " breakers";
        acks.ack(forcing.actionId(), refused.isEmpty(), refused.isEmpty() ? what : what + "; refused " + refused);
        status.read();
    }

    /** The forced node of {@code target} was deleted: released where this forcing is still in force. */
    void released(String target, byte[] lastData) {
        FleetForcing was = nodes.remove(target);
        if (was == null) {
            try {
                was = FleetForcing.parse(lastData == null ? new byte[0] : lastData, target);
            } catch (IllegalArgumentException unknown) {
                status.problem("the fleet forcing of " + target + " was deleted, but its last value could not be"
                        + " read (" + unknown.getMessage() + "); nothing released");
                return;
            }
        }
        FleetRelease release = acks.release(target);
        if (release != null && !release.forcingId().equals(was.actionId())) {
            // a later force and release of the same target came meanwhile: that release is answered when
            // its own deletion is seen; this deletion's release (if any) is no longer known here
            LOG.log(System.Logger.Level.INFO, "the forcing " + was.actionId() + " of " + target + " was deleted; the"
                    + " last release read, " + release.actionId() + ", released " + release.forcingId()
                    + ": this deletion is not answered");
            release = null;
        }
        String by = release == null ? "fleet" : BY_FLEET + release.by();
        List<String> kept = new ArrayList<>();
        int released = 0;
        for (Map.Entry<String, String> held : List.copyOf(actions.entrySet())) {
            if (!held.getValue().equals(was.actionId())) {
                continue;
            }
            String breaker = held.getKey();
            actions.remove(breaker);
            Forcing now = control.forcing(breaker);
            if (now == null) {
                continue; // ran out, or reset
            }
            if (!now.by().startsWith(BY_FLEET)) {
                kept.add(breaker + " (kept the local forcing by " + now.by() + ")");
                continue;
            }
            control.release(breaker, by);
            released++;
        }
        status.read();
        if (release != null) {
            acks.ack(release.actionId(), kept.isEmpty(), "released " + released + " breakers"
                    + (kept.isEmpty() ? "" : "; " + String.join(", ", kept)));
        }
    }

    /** After the first full read: a kept fleet forcing the fleet no longer has is released. */
    void reconcile() {
        for (String breaker : control.breakers()) {
            Forcing now = control.forcing(breaker);
            if (now != null && now.by().startsWith(BY_FLEET) && !actions.containsKey(breaker)) {
                LOG.log(System.Logger.Level.INFO, "releasing the kept forcing of " + breaker + " by " + now.by()
                        + ": the fleet no longer has it");
                control.release(breaker, "fleet");
            }
        }
        status.read();
    }

    /** A reset node was written (not on the first read: a starting instance's breakers are fresh). */
    void reset(String target, byte[] data) {
        FleetReset reset;
        try {
            reset = FleetReset.parse(data == null ? new byte[0] : data, target);
        } catch (IllegalArgumentException corrupt) {
            status.problem("refused the fleet reset node of " + target + ": " + corrupt.getMessage());
            return;
        }
        List<String> breakers;
        try {
            breakers = control.select(target);
        } catch (IllegalArgumentException none) {
            acks.ack(reset.actionId(), false, none.getMessage());
            return;
        }
        List<String> kept = new ArrayList<>();
        for (String breaker : breakers) {
            Forcing now = control.forcing(breaker);
            if (now != null) {
                kept.add(breaker + " (forced " + now.state() + " by " + now.by() + ")");
                continue;
            }
            control.reset(breaker, BY_FLEET + reset.by(), reset.reason());
        }
        acks.ack(reset.actionId(), kept.isEmpty(), "reset " + (breakers.size() - kept.size()) + " of "
                + breakers.size() + " breakers" + (kept.isEmpty() ? "" : "; a forcing stays: " + kept));
    }

    /** How many breakers a fleet forcing holds now. Any thread. */
    int count() {
        int held = 0;
        for (String breaker : actions.keySet()) {
            Forcing now = control.forcing(breaker);
            if (now != null && now.by().startsWith(BY_FLEET)) {
                held++;
            }
        }
        return held;
    }

    /** The fleet action whose forcing {@code breaker} holds, or empty (none, or a local one). Any thread. */
    String actionOf(String breaker, Forcing now) {
        String action = actions.get(breaker);
        return action != null && now != null && now.by().startsWith(BY_FLEET) ? action : "";
    }
}
