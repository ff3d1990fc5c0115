package dev.fusebox.ft.health;

import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the readiness check says at one moment: DOWN while any critical breaker is
 * {@linkplain ReportedState#notReady() not ready}, and the data a person reads, bounded however
 * many breakers the application has. The data, in this order:
 * <ul>
 *   <li>{@code breakers}: how many circuit breakers the application has;</li>
 *   <li>{@code down} (only when DOWN): the critical breakers that hold it down, comma-separated;</li>
 *   <li>{@code unlisted} (only when some are left out): how many breakers are not listed;</li>
 *   <li>one entry per breaker, its name to its {@link ReportedState}, at most {@value #MAX_LISTED}:
 *       first those that hold it down, then the others that are not closed, then the closed
 *       ones, each part in name order; so what is left out is closed breakers first.</li>
 * </ul>
 * Each breaker is read once (one snapshot); breakers read at slightly different moments, as any
 * report of many engines is. Immutable.
 *
 * @param up   whether the instance is ready
 * @param data the check's data, in the order above (String and Long values)
 */
record ReadinessReport(boolean up, Map<String, Object> data) {

    /** The most breakers listed by name (and the most named in {@code down}). */
    static final int MAX_LISTED = 100;

    ReadinessReport {
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    private record Reading(String name, ReportedState state, int rank) {
    }

    /** The report over {@code breakers} (all the application's), {@code critical} among them. */
    static ReadinessReport of(List<CircuitBreaker> breakers, CriticalBreakers critical) {
        List<Reading> readings = new ArrayList<>(breakers.size());
        List<String> down = new ArrayList<>();
        for (CircuitBreaker breaker : breakers) {
            ReportedState state = ReportedState.of(breaker.snapshot());
            boolean holdsDown = state.notReady() && critical.contains(breaker.name());
            if (holdsDown) {
                down.add(breaker.name());
            }
            readings.add(new Reading(breaker.name(), state, holdsDown ? 0 : state == ReportedState.CLOSED ? 2 : 1));
        }
        readings.sort(Comparator.comparingInt(Reading::rank).thenComparing(Reading::name));
        Collections.sort(down);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("breakers", (long) breakers.size());
        if (!down.isEmpty()) {
            data.put("down", String.join(", ", down.subList(0, Math.min(down.size(), MAX_LISTED)))
                    + (down.size() > MAX_LISTED ? ", and " + (down.size() - MAX_LISTED) + " more" : ""));
        }
        if (readings.size() > MAX_LISTED) {
            data.put("unlisted", (long) (readings.size() - MAX_LISTED));
        }
        readings.stream().limit(MAX_LISTED).forEach(reading -> data.put(reading.name(), reading.state().name()));
        return new ReadinessReport(down.isEmpty(), data);
    }
}
