package dev.fusebox.ft.cdi.metrics;

import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import java.util.function.LongSupplier;

/**
 * The engines of one guarded method that gauges read: its breaker, and how many calls its
 * bulkhead runs and queues now. Absent parts are {@code null}.
 * Thread-safety: immutable; the gauges it holds read thread-safe engines, from any thread.
 */
public record MetricSources(CircuitBreaker breaker, LongSupplier bulkheadRunning, LongSupplier bulkheadWaiting) {
}
