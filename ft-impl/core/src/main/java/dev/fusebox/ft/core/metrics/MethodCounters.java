package dev.fusebox.ft.core.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of one guarded method for operators (read over JMX), kept apart from the metrics
 * libraries so they exist whether or not one is present. Each event is one {@link LongAdder}
 * increment: no allocation, and no contention between threads. Durations are not kept, so steps
 * read no clock for these counters ({@link #recordsDurations()} is false). Thread-safe.
 */
public final class MethodCounters implements MethodMetrics {

    private final LongAdder breakerSuccesses = new LongAdder();
    private final LongAdder breakerFailures = new LongAdder();
    private final LongAdder breakerRejections = new LongAdder();
    private final LongAdder breakerOpened = new LongAdder();
    private final LongAdder bulkheadAccepted = new LongAdder();
    private final LongAdder bulkheadRejected = new LongAdder();
    private final LongAdder retries = new LongAdder();
    private final LongAdder retrySucceededFirstTime = new LongAdder();
    private final LongAdder retrySucceededAfterRetries = new LongAdder();
    private final LongAdder retryFailed = new LongAdder();
    private final LongAdder timedOut = new LongAdder();
    private final LongAdder inTime = new LongAdder();

    /** False: these counters keep no durations. */
    @Override
    public boolean recordsDurations() {
        return false;
    }

    /** False: operators read no invocation totals here (the metrics backends keep those). */
    @Override
    public boolean countsInvocations() {
        return false;
    }

    @Override
    public void circuitBreakerCall(BreakerOutcome outcome) {
        switch (outcome) {
            case SUCCESS -> breakerSuccesses.increment();
            case FAILURE -> breakerFailures.increment();
            default -> breakerRejections.increment();
        }
    }

    @Override
    public void circuitBreakerOpened() {
        breakerOpened.increment();
    }

    @Override
    public void bulkheadCall(boolean accepted) {
        (accepted ? bulkheadAccepted : bulkheadRejected).increment();
    }

    @Override
    public void retried() {
        retries.increment();
    }

    @Override
    public void retryFinished(boolean retried, RetryOutcome outcome) {
        if (outcome != RetryOutcome.VALUE_RETURNED) {
            retryFailed.increment();
        } else {
            (retried ? retrySucceededAfterRetries : retrySucceededFirstTime).increment();
        }
    }

    @Override
    public void timeoutFinished(boolean timedOut, long nanos) {
        (timedOut ? this.timedOut : inTime).increment();
    }

    /** Calls the breaker admitted or rejected. */
    public long breakerCalls() {
        return breakerSuccesses.sum() + breakerFailures.sum() + breakerRejections.sum();
    }

    public long breakerSuccesses() {
        return breakerSuccesses.sum();
    }

    public long breakerFailures() {
        return breakerFailures.sum();
    }

    public long breakerRejections() {
        return breakerRejections.sum();
    }

    /** Times the breaker opened on its own (operators' forcing not included). */
    public long breakerOpened() {
        return breakerOpened.sum();
    }

    public long bulkheadAccepted() {
        return bulkheadAccepted.sum();
    }

    public long bulkheadRejected() {
        return bulkheadRejected.sum();
    }

    /** Attempts after the first. */
    public long retries() {
        return retries.sum();
    }

    public long retrySucceededFirstTime() {
        return retrySucceededFirstTime.sum();
    }

    public long retrySucceededAfterRetries() {
        return retrySucceededAfterRetries.sum();
    }

    /** Calls that failed after the retry policy gave up (or did not retry the exception). */
    public long retryFailed() {
        return retryFailed.sum();
    }

    public long timedOut() {
        return timedOut.sum();
    }

    public long inTime() {
        return inTime.sum();
    }
}
