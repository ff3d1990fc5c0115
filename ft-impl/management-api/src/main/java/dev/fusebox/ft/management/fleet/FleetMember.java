package dev.fusebox.ft.management.fleet;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One running instance of an application, as it registers itself in the ephemeral node
 * {@code <root>/apps/<app>/instances/<instance id>}: who and where it is, and the state of each of
 * its breakers. The instance rewrites the node when a breaker changes state (coalesced: several
 * transitions close together make one write), never per call, so a fleet view needs one connection
 * and one watch per application.
 * Thread-safety: immutable (the map is copied).
 *
 * @param application      the application (as in its JMX names)
 * @param instanceId       unique in the application, e.g. {@code host:pid:start}
 * @param host             the host name it gave
 * @param jmxAddress       the JMX service URL to drill down with, or empty when it serves none
 * @param version          Fusebox's version (or the application's, when configured)
 * @param startedEpochMillis when it registered first
 * @param fleetStatus      how it sees the store, e.g. {@code connected} or {@code reconnected after expiry}
 * @param breakers         breaker name to its state
 */
public record FleetMember(String application, String instanceId, String host, String jmxAddress, String version,
                          long startedEpochMillis, String fleetStatus, Map<String, BreakerState> breakers) {

    /** The largest node taken (ZooKeeper's own default limit is 1 MiB). */
    public static final int MAX_BYTES = 256 * 1024;
    /** The most breakers one node may list. */
    public static final int MAX_BREAKERS = 2000;
    private static final String BREAKER = "breaker.";

    /**
     * One breaker's state.
     *
     * @param state    CLOSED, OPEN or HALF_OPEN
     * @param forced   OPEN or CLOSED when forced, else empty
     * @param actionId the fleet action whose forcing is in force, or empty (not forced, or forced over JMX)
     */
    public record BreakerState(String state, String forced, String actionId) {

        public BreakerState {
            if (!"CLOSED".equals(state) && !"OPEN".equals(state) && !"HALF_OPEN".equals(state)) {
                throw new IllegalArgumentException("a breaker state must be CLOSED, OPEN or HALF_OPEN, but is '"
                        + (state == null ? "null" : FleetText.excerpt(state)) + "'");
            }
            if (!"".equals(forced) && !"OPEN".equals(forced) && !"CLOSED".equals(forced)) {
                throw new IllegalArgumentException("a breaker's forcing must be OPEN, CLOSED or empty, but is '"
                        + (forced == null ? "null" : FleetText.excerpt(forced)) + "'");
            }
            if (!actionId.isEmpty()) {
                FleetFields.actionId(actionId, "a breaker state");
            }
        }

        String text() {
            return state + "|" + forced + "|" + actionId;
        }

        static BreakerState parse(String text, String what) {
            String[] parts = text.split("\\|", -1);
            if (parts.length != 3) {
                throw new IllegalArgumentException(what + ": '" + FleetText.excerpt(text)
                        + "' is not <state>|<forced>|<action id>");
            }
            try {
                return new BreakerState(parts[0], parts[1], parts[2]);
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException(what + ": " + invalid.getMessage());
            }
        }
    }

    public FleetMember {
        FleetFields.name(application, FleetLayout.MAX_NAME, "the application", "a fleet member");
        FleetFields.name(instanceId, FleetLayout.MAX_NAME, "the instance id", "a fleet member");
        FleetFields.instant(startedEpochMillis, "started", "a fleet member");
        FleetFields.text(host, 255, "the host", "a fleet member");
        FleetFields.text(jmxAddress, 1000, "the JMX address", "a fleet member");
        FleetFields.text(version, 100, "the version", "a fleet member");
        FleetFields.text(fleetStatus, 500, "the fleet status", "a fleet member");
        if (breakers.size() > MAX_BREAKERS) {
            throw new IllegalArgumentException("a fleet member lists " + breakers.size() + " breakers; at most "
                    + MAX_BREAKERS + " are taken");
        }
        breakers = Map.copyOf(breakers);
    }

    public byte[] toBytes() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("application", application);
        fields.put("instance", instanceId);
        fields.put("host", host);
        fields.put("jmx", jmxAddress);
        fields.put("version", version);
        fields.put("started", Long.toString(startedEpochMillis));
        fields.put("status", fleetStatus);
        new java.util.TreeMap<>(breakers).forEach((name, state) -> fields.put(BREAKER + name, state.text()));
        byte[] bytes = FleetText.encode(fields);
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("the fleet member " + instanceId + " would be " + bytes.length
                    + " bytes, more than the limit of " + MAX_BYTES);
        }
        return bytes;
    }

    public static FleetMember parse(byte[] data, String node) {
        FleetText.Fields member = FleetText.read(data, MAX_BYTES, "the fleet member " + FleetText.excerpt(node));
        Map<String, BreakerState> breakers = new LinkedHashMap<>();
        member.all().forEach((key, value) -> {
            if (key.startsWith(BREAKER) && key.length() > BREAKER.length()) {
                breakers.put(key.substring(BREAKER.length()), BreakerState.parse(value, member.what() + ", " + key));
            }
        });
        return member.record(() -> new FleetMember(member.required("application"), member.required("instance"),
                member.optional("host"), member.optional("jmx"), member.optional("version"), member.millis("started"),
                member.optional("status"), breakers));
    }
}
