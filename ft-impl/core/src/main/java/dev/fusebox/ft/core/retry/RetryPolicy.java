package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.metrics.MethodMetrics.RetryOutcome;
import java.util.random.RandomGenerator;

/**
 * The parameters of one retry policy, validated. Immutable.
 *
 * @param maxRetries       retries after the first attempt; -1 for no limit
 * @param delayNanos       wait between attempts, at least 0
 * @param maxDurationNanos time after the first attempt's start past which no retry starts; 0 for no limit
 * @param jitterNanos      each wait is moved by a random amount in [-jitter, +jitter], at least 0
 * @param retryOn          which failures are retried (abortOn excluded)
 */
public record RetryPolicy(int maxRetries, long delayNanos, long maxDurationNanos, long jitterNanos,
                          ExceptionClassifier retryOn) {

    public RetryPolicy {
        if (maxRetries < -1) {
            throw new IllegalArgumentException("maxRetries must be -1 or more: " + maxRetries);
        }
        if (delayNanos < 0 || maxDurationNanos < 0 || jitterNanos < 0) {
            throw new IllegalArgumentException("delay, maxDuration and jitter must not be negative");
        }
        if (maxDurationNanos != 0 && maxDurationNanos <= delayNanos) {
            throw new IllegalArgumentException("maxDuration must be greater than delay");
        }
    }

    /**
     * Why no retry may follow a failure after {@code retriesDone} retries, {@code elapsedNanos}
     * after the first attempt started, with {@code nextDelay} to wait; null when one may.
     */
    RetryOutcome stopReason(Throwable failure, int retriesDone, long elapsedNanos, long nextDelay) {
        if (!retryOn.test(failure)) {
            return RetryOutcome.EXCEPTION_NOT_RETRYABLE;
        }
        if (!allowsAnotherRetry(retriesDone)) {
            return RetryOutcome.MAX_RETRIES_REACHED;
        }
        if (outOfTime(elapsedNanos) || outOfTime(saturatedSum(elapsedNanos, nextDelay))) {
            return RetryOutcome.MAX_DURATION_REACHED;
        }
        return null;
    }

    /** Whether a retry may follow attempt number {@code retriesDone + 1}. */
    boolean allowsAnotherRetry(int retriesDone) {
        return maxRetries == -1 || retriesDone < maxRetries;
    }

    /** Whether the time since the first attempt has passed the maximum duration. */
    boolean outOfTime(long elapsedNanos) {
        return maxDurationNanos != 0 && elapsedNanos >= maxDurationNanos;
    }

    /**
     * The next wait: the delay moved by uniform jitter, never negative, at most Long.MAX_VALUE.
     * The shift is drawn from [-jitter - 1, jitter) and moved up by one, so even the largest jitter
     * names a non-empty range.
     */
    long nextDelay(RandomGenerator random) {
        if (jitterNanos == 0) {
            return delayNanos;
        }
        long shift = random.nextLong(-jitterNanos - 1, jitterNanos) + 1;
        return Math.max(0, saturatedSum(delayNanos, shift));
    }

    /** {@code a + b}, or Long.MAX_VALUE where it would overflow ({@code a >= 0}). */
    private static long saturatedSum(long a, long b) {
        return b > 0 && a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
}
