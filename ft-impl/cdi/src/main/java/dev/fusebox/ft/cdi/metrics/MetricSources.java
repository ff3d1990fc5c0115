package dev.fusebox.ft.cdi.metrics;

import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * What the gauges of one guarded method read: how long its breaker has spent in each state, how
 * many calls its bulkhead runs and queues now, and the {@link EngineReading readings} of Fusebox's
 * own engines (the adaptive limit, the hedge). Absent parts are {@code null} (the readings list is
 * empty). A method's are its engines' own; a programmatic guard's read the guard live under its
 * name, so a guard built again under a name reports through the same gauges.
 * Thread-safety: immutable; the gauges it holds read thread-safe engines, from any thread.
 */
public record MetricSources(BreakerTimes breaker, LongSupplier bulkheadRunning, LongSupplier bulkheadWaiting,
                            List<EngineReading> readings) {

    public MetricSources {
        readings = List.copyOf(readings);
    }

    /** Without engine readings. */
    public MetricSources(BreakerTimes breaker, LongSupplier bulkheadRunning, LongSupplier bulkheadWaiting) {
        this(breaker, bulkheadRunning, bulkheadWaiting, List.of());
    }

    /** Nanoseconds a breaker has spent in a state ({@code CircuitBreaker#nanosIn}). */
    @FunctionalInterface
    public interface BreakerTimes {
        long nanosIn(CircuitState state);
    }
}
