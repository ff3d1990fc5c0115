package dev.fusebox.samples.chaos;

import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.StateTransition;
import dev.fusebox.samples.chaos.analysis.BreakerTransition;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * Follows the shop's circuit breakers' transitions over JMX: the one whose opening marks detection,
 * and every other one (a fault on one dependency may open another's breaker: the report shows it).
 * Each breaker's MXBean keeps its most recent transitions with their times, and {@link #poll()}
 * merges them into the run's lists, so a transition that came and went between two polls is still
 * seen, with the breaker's own time stamp. Times are put on the run's time line through the wall
 * clock (the shop and the runner share a host, or their clocks). Not thread-safe: the runner's
 * thread polls.
 */
final class BreakerWatch {

    /** Breakers followed at most: a shop with more is followed for its first ones, by name. */
    static final int MAX_BREAKERS = 50;

    private final String detection;
    private final Map<String, CircuitBreakerMXBean> breakers;
    private final Map<String, Set<StateTransition>> seen = new TreeMap<>();

    private BreakerWatch(String detection, Map<String, CircuitBreakerMXBean> breakers) {
        this.detection = detection;
        this.breakers = breakers;
        breakers.keySet().forEach(name -> seen.put(name, new LinkedHashSet<>()));
    }

    /**
     * Finds the shop's breakers, among them the one named {@code detection} ({@code <bean class>#<method>}).
     *
     * @throws IllegalArgumentException if {@code detection} is not among them (or is there twice), listing them
     */
    static BreakerWatch of(MBeanServerConnection connection, String detection) throws IOException {
        Map<String, ObjectName> found = new TreeMap<>();
        int named = 0;
        for (ObjectName objectName : connection.queryNames(ManagementNames.all(ManagementNames.CIRCUIT_BREAKER), null)) {
            String name = ManagementNames.raw(objectName.getKeyProperty("bean")) + "#"
                    + ManagementNames.raw(objectName.getKeyProperty("method"));
            named += name.equals(detection) ? 1 : 0;
            found.put(name, objectName);
        }
        if (named != 1) {
            throw new IllegalArgumentException((named == 0 ? "no" : named) + " circuit breaker named " + detection
                    + " at the shop; its breakers are " + (found.isEmpty() ? "none" : found.keySet()));
        }
        Map<String, CircuitBreakerMXBean> breakers = new LinkedHashMap<>();
        breakers.put(detection, JMX.newMXBeanProxy(connection, found.get(detection), CircuitBreakerMXBean.class));
        found.forEach((name, objectName) -> {
            if (breakers.size() < MAX_BREAKERS) {
                breakers.putIfAbsent(name, JMX.newMXBeanProxy(connection, objectName, CircuitBreakerMXBean.class));
            }
        });
        BreakerWatch watch = new BreakerWatch(detection, breakers);
        watch.poll();
        return watch;
    }

    /** Reads every breaker's recent transitions and keeps those not seen before. */
    void poll() {
        breakers.forEach((name, breaker) -> seen.get(name).addAll(breaker.getTransitions()));
    }

    /** The detection breaker's state now. */
    String state() {
        return breakers.get(detection).getState();
    }

    /** The detection breaker's transitions, in time order, on the time line of a run whose second 0 is {@code t0EpochMillis}. */
    List<BreakerTransition> transitions(long t0EpochMillis) {
        return onTimeLine(seen.get(detection), t0EpochMillis);
    }

    /** The other breakers' transitions since {@code t0EpochMillis}, by breaker; breakers without any are left out. */
    Map<String, List<BreakerTransition>> others(long t0EpochMillis) {
        Map<String, List<BreakerTransition>> others = new TreeMap<>();
        seen.forEach((name, transitions) -> {
            List<BreakerTransition> since = onTimeLine(transitions, t0EpochMillis).stream()
                    .filter(t -> t.atMillis() >= 0).toList();
            if (!name.equals(detection) && !since.isEmpty()) {
                others.put(name, since);
            }
        });
        return others;
    }

    private static List<BreakerTransition> onTimeLine(Set<StateTransition> transitions, long t0EpochMillis) {
        return transitions.stream().sorted((a, b) -> Long.compare(a.atEpochMillis(), b.atEpochMillis()))
                .map(t -> new BreakerTransition(t.atEpochMillis() - t0EpochMillis, t.from(), t.to(),
                        String.valueOf(t.cause())))
                .toList();
    }
}
