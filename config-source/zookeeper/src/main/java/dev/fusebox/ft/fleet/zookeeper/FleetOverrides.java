package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.jmx.ApplicationControl;
import dev.fusebox.ft.management.OverridesFormat;
import dev.fusebox.ft.management.fleet.FleetOverridesAction;
import java.time.Instant;
import java.util.Map;

/**
 * Takes the fleet's overrides node whole or not at all: at most {@value #MAX_BYTES} bytes, the
 * overrides file's format ({@link OverridesFormat}), and every entry checked as the overrides file's
 * validator checks it (the policy of a guarded method must resolve with it). A node that passes
 * replaces what the {@link FleetConfigSource} answers and every policy is resolved again and
 * applied in place (audited by management); one that fails is refused with its first problem
 * (logged, counted) and the last good one stays. A deleted node empties the source. Answers the
 * action that wrote the text, which its first line names ({@link FleetOverridesAction}; a node
 * written by hand has none and is applied without an answer). Confined to the agent's thread.
 */
final class FleetOverrides {

    /** The largest overrides node taken. */
    static final int MAX_BYTES = 512 * 1024;

    private final ApplicationControl control;
    private final FleetConfigSource source;
    private final FleetAnswers acks;
    private final FleetStatus status;
    private final String path;

    /** {@code source}: null when the application's configuration has no fleet ConfigSource. */
    FleetOverrides(ApplicationControl control, FleetConfigSource source, FleetAnswers acks, FleetStatus status,
                   String path) {
        this.control = control;
        this.source = source;
        this.acks = acks;
        this.status = status;
        this.path = path;
    }

    /**
     * The node changed ({@code data}), or was deleted (null). Answered also on the first read (an
     * instance that starts later answers the configuration in force, as it answers the forcings).
     */
    void changed(byte[] data) {
        FleetOverridesAction action = FleetOverridesAction.of(data);
        String refusal = refusal(data);
        if (refusal == null && source == null) {
            refusal = "the application's configuration has no " + FleetConfigSource.class.getSimpleName()
                    + " (it is discovered through META-INF/services; add it when building a Config by hand)";
        }
        if (refusal != null) {
            status.problem("refused the fleet overrides node " + path + ": " + refusal
                    + "; the overrides read before stay in force");
            if (action != null) {
                acks.ack(action.actionId(), false, refusal);
            }
            return;
        }
        Map<String, String> entries = data == null ? Map.of() : entries(data);
        source.replace(entries, "read at " + Instant.now() + " from " + path);
        control.reconfigure(action == null ? "fleet" : FleetForcings.BY_FLEET + action.by(),
                "fleet-wide override" + (action == null ? "" : " (fleet action " + action.actionId() + ")"));
        status.read();
        if (action != null) {
            acks.ack(action.actionId(), true, "applied " + entries.size() + " fleet overrides");
        }
    }

    /** Why the node is refused, or null when it is taken. */
    private String refusal(byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > MAX_BYTES) {
            return "it is " + data.length + " bytes; at most " + MAX_BYTES + " are taken";
        }
        Map<String, String> entries;
        try {
            entries = entries(data);
        } catch (IllegalArgumentException corrupt) {
            return corrupt.getMessage();
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            String problem = control.configurationProblem(entry.getKey(), entry.getValue());
            if (problem != null) {
                return entry.getKey() + "=" + excerpt(entry.getValue()) + ": " + problem;
            }
        }
        return null;
    }

    private static Map<String, String> entries(byte[] data) {
        OverridesFormat.Parsed parsed = OverridesFormat.parse(data);
        if (parsed.corrupt()) {
            throw new IllegalArgumentException(parsed.problem());
        }
        return parsed.entries();
    }

    private static String excerpt(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }
}
