package dev.fusebox.samples.chaos;

import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.StateTransition;
import dev.fusebox.samples.chaos.analysis.BreakerTransition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * Follows one circuit breaker's transitions over JMX: its MXBean keeps its most recent transitions
 * with their times, and {@link #poll()} merges them into the run's list, so a transition that came
 * and went between two polls is still seen, with the breaker's own time stamp. Times are put on the
 * run's time line through the wall clock (the shop and the runner share a host, or their clocks).
 * Not thread-safe: the runner's thread polls.
 */
final class BreakerWatch {

    private final CircuitBreakerMXBean breaker;
    private final Set<StateTransition> seen = new LinkedHashSet<>();

    private BreakerWatch(CircuitBreakerMXBean breaker) {
        this.breaker = breaker;
    }

    /**
     * Finds the breaker named {@code <bean class>#<method>} in any application of the connection.
     *
     * @throws IllegalArgumentException if there is none or more than one, listing what there is
     */
    static BreakerWatch of(MBeanServerConnection connection, String name) throws IOException {
        List<ObjectName> matches = new ArrayList<>();
        Set<String> known = new TreeSet<>();
        for (ObjectName objectName : connection.queryNames(ManagementNames.all(ManagementNames.CIRCUIT_BREAKER), null)) {
            String found = ManagementNames.raw(objectName.getKeyProperty("bean")) + "#"
                    + ManagementNames.raw(objectName.getKeyProperty("method"));
            known.add(found);
            if (found.equals(name)) {
                matches.add(objectName);
            }
        }
        if (matches.size() != 1) {
            throw new IllegalArgumentException((matches.isEmpty() ? "no" : matches.size()) + " circuit breaker"
                    + " named " + name + " at the shop; its breakers are " + (known.isEmpty() ? "none" : known));
        }
        BreakerWatch watch = new BreakerWatch(JMX.newMXBeanProxy(connection, matches.get(0),
                CircuitBreakerMXBean.class));
        watch.poll();
        return watch;
    }

    /** Reads the breaker's recent transitions and keeps those not seen before. */
    void poll() {
        seen.addAll(breaker.getTransitions());
    }

    String state() {
        return breaker.getState();
    }

    /** Every transition seen, in time order, on the time line of a run whose second 0 is {@code t0EpochMillis}. */
    List<BreakerTransition> transitions(long t0EpochMillis) {
        return seen.stream().sorted((a, b) -> Long.compare(a.atEpochMillis(), b.atEpochMillis()))
                .map(t -> new BreakerTransition(t.atEpochMillis() - t0EpochMillis, t.from(), t.to(),
                        String.valueOf(t.cause())))
                .toList();
    }
}
