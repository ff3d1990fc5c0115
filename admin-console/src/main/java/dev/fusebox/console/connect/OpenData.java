package dev.fusebox.console.connect;

import dev.fusebox.console.feed.LimitWindowReading;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import dev.fusebox.ft.management.CircuitBreakerSettings;
import dev.fusebox.ft.management.Forcing;
import dev.fusebox.ft.management.StateTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.management.openmbean.CompositeData;

/**
 * Reads the management API's records back from the open data an MXBean attribute arrives as over
 * {@code getAttributes} (a record is a {@link CompositeData} whose items are its components; a list
 * is an array). Reading attributes in bulk costs one round trip per MBean, where an MXBean proxy
 * would cost one per attribute. A list the server may make long is clipped to what the console keeps.
 *
 * <p>Thread-safety: stateless; safe on any thread.
 */
final class OpenData {

    private OpenData() {
    }

    static Forcing forcing(Object value) {
        if (!(value instanceof CompositeData cd)) {
            return null;
        }
        return new Forcing(string(cd, "state"), string(cd, "by"), string(cd, "reason"),
                number(cd, "sinceEpochMillis").longValue(), number(cd, "untilEpochMillis").longValue());
    }

    static CircuitBreakerSettings settings(Object value) {
        if (!(value instanceof CompositeData cd)) {
            return null;
        }
        return new CircuitBreakerSettings(number(cd, "requestVolumeThreshold").intValue(),
                number(cd, "failureRatio").doubleValue(), number(cd, "delayMillis").longValue(),
                number(cd, "successThreshold").intValue());
    }

    static List<StateTransition> transitions(Object value) {
        List<StateTransition> list = new ArrayList<>();
        if (value instanceof CompositeData[] items) {
            for (CompositeData cd : items) {
                list.add(new StateTransition(string(cd, "from"), string(cd, "to"),
                        number(cd, "atEpochMillis").longValue(), string(cd, "cause"), string(cd, "forcedBy"),
                        cd.containsKey("failureRatio") ? number(cd, "failureRatio").doubleValue()
                                : StateTransition.NO_RATIO));
            }
        }
        return list;
    }

    static List<BreakerGroup> groups(Object value) {
        List<BreakerGroup> list = new ArrayList<>();
        if (value instanceof CompositeData[] items) {
            for (CompositeData cd : items) {
                Object members = cd.get("members");
                list.add(new BreakerGroup(string(cd, "name"),
                        members instanceof String[] names ? List.of(names) : List.of()));
            }
        }
        return list;
    }

    static List<AuditEntry> auditLog(Object value) {
        List<AuditEntry> list = new ArrayList<>();
        if (value instanceof CompositeData[] items) {
            for (CompositeData cd : items) {
                list.add(new AuditEntry(number(cd, "atEpochMillis").longValue(), string(cd, "principal"),
                        string(cd, "action"), string(cd, "target"), string(cd, "reason"),
                        string(cd, "previousState"), string(cd, "newState"),
                        cd.containsKey("succeeded") && Boolean.TRUE.equals(cd.get("succeeded")),
                        string(cd, "detail")));
            }
        }
        return list;
    }

    /**
     * An adaptive bulkhead's windows ({@code LimitWindow} items), oldest first: at most the newest
     * {@code max} of them, whatever length the server sent; anything but an array of composite data
     * reads as none.
     */
    static List<LimitWindowReading> limitWindows(Object value, int max) {
        List<LimitWindowReading> list = new ArrayList<>();
        if (value instanceof CompositeData[] items) {
            for (int i = Math.max(0, items.length - max); i < items.length; i++) {
                CompositeData cd = items[i];
                if (cd != null) {
                    list.add(new LimitWindowReading(number(cd, "number").longValue(),
                            number(cd, "endedEpochMillis").longValue(), number(cd, "limit").intValue(),
                            number(cd, "samples").longValue(), number(cd, "averageRttMillis").doubleValue(),
                            number(cd, "maxInflight").intValue(), Boolean.TRUE.equals(item(cd, "dropped"))));
                }
            }
        }
        return list;
    }

    static String string(Map<String, Object> attributes, String name) {
        Object v = attributes.get(name);
        return v == null ? "" : v.toString();
    }

    static long longValue(Map<String, Object> attributes, String name) {
        return attributes.get(name) instanceof Number n ? n.longValue() : 0L;
    }

    static int intValue(Map<String, Object> attributes, String name) {
        return attributes.get(name) instanceof Number n ? n.intValue() : 0;
    }

    static double doubleValue(Map<String, Object> attributes, String name) {
        return attributes.get(name) instanceof Number n ? n.doubleValue() : 0.0;
    }

    static boolean booleanValue(Map<String, Object> attributes, String name) {
        return Boolean.TRUE.equals(attributes.get(name));
    }

    private static String string(CompositeData cd, String item) {
        if (!cd.containsKey(item)) {
            return null;
        }
        Object v = cd.get(item);
        return v == null ? null : v.toString();
    }

    private static Object item(CompositeData cd, String item) {
        return cd.containsKey(item) ? cd.get(item) : null;
    }

    private static Number number(CompositeData cd, String item) {
        return cd.containsKey(item) && cd.get(item) instanceof Number n ? n : 0;
    }
}
