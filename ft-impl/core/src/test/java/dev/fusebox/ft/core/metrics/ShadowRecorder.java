package dev.fusebox.ft.core.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * Keeps the breaker and bulkhead decisions a step reports, in order (for replays in one thread), and
 * counts them (for races): what the shadow-mode tests compare. Thread-safe.
 */
public final class ShadowRecorder implements MethodMetrics {

    private final List<String> decisions = new ArrayList<>();
    private final LongAdder breakerShadowed = new LongAdder();
    private final LongAdder bulkheadShadowed = new LongAdder();
    private final LongAdder bulkheadAccepted = new LongAdder();
    private final LongAdder bulkheadRejected = new LongAdder();
    private final LongAdder durations = new LongAdder();

    @Override
    public synchronized void circuitBreakerCall(BreakerOutcome outcome) {
        decisions.add(outcome.name());
    }

    @Override
    public void bulkheadCall(boolean accepted) {
        (accepted ? bulkheadAccepted : bulkheadRejected).increment();
    }

    @Override
    public void bulkheadRan(long nanos) {
        durations.increment();
    }

    @Override
    public void shadowWouldReject(ShadowedPolicy policy) {
        if (policy == ShadowedPolicy.CIRCUIT_BREAKER) {
            breakerShadowed.increment();
            synchronized (this) {
                decisions.add("WOULD_REJECT");
            }
        } else {
            bulkheadShadowed.increment();
        }
    }

    /** The breaker's decisions in the order reported: SUCCESS, FAILURE, CIRCUIT_BREAKER_OPEN, WOULD_REJECT. */
    public synchronized List<String> decisions() {
        return List.copyOf(decisions);
    }

    public long breakerShadowed() {
        return breakerShadowed.sum();
    }

    public long bulkheadShadowed() {
        return bulkheadShadowed.sum();
    }

    public long bulkheadAccepted() {
        return bulkheadAccepted.sum();
    }

    public long bulkheadRejected() {
        return bulkheadRejected.sum();
    }

    /** How many slot-holding durations were reported ({@link #bulkheadRan}). */
    public long durations() {
        return durations.sum();
    }
}
