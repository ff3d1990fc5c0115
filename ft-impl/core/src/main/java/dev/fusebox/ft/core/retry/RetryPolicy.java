package dev.fusebox.ft.core.retry;

import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The parameters of one retry policy, validated. Immutable (the predicates, backoff and hook it
 * holds are thread-safe objects made once per method).
 *
 * <p>The five-value constructor makes the specification's policy: a constant delay with additive
 * jitter, failures classified by retryOn/abortOn, results never retried, no hook. The {@code with}
 * methods add issue 16's options to it.
 *
 * @param maxRetries       retries after the first attempt; -1 for no limit
 * @param delayNanos       wait between attempts (the first wait of a growing backoff), at least 0
 * @param maxDurationNanos time after the first attempt's start past which no retry starts, nor one
 *                         whose wait would end there; 0 for no limit
 * @param jitterNanos      each constant wait is moved by a random amount in [-jitter, +jitter], at
 *                         least 0; other backoffs ignore it (they have their own {@link Jitter})
 * @param retryOn          which failures are retried (abortOn excluded), unless retryOnException is set
 * @param backoff          how the waits grow; {@link Backoff#CONSTANT} for the specification's
 * @param retryOnResult    which results are retried like failures; null for none
 * @param retryOnException which failures are retried, replacing retryOn; null to use retryOn
 * @param beforeRetry      called before every retry; null for none
 */
public record RetryPolicy(int maxRetries, long delayNanos, long maxDurationNanos, long jitterNanos,
                          ExceptionClassifier retryOn, Backoff backoff, Predicate<Object> retryOnResult,
                          Predicate<? super Throwable> retryOnException, BeforeRetry beforeRetry) {

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
        Objects.requireNonNull(retryOn, "retryOn");
        Objects.requireNonNull(backoff, "backoff (Backoff.CONSTANT for the specification's)");
        long maxDelay = maxDelayNanos(backoff);
        if (maxDelay != 0 && maxDelay < delayNanos) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + " ns) must not be less than delay ("
                    + delayNanos + " ns), the first wait");
        }
    }

    /** The specification's policy: constant delay, additive jitter, retryOn/abortOn, no result retries, no hook. */
    public RetryPolicy(int maxRetries, long delayNanos, long maxDurationNanos, long jitterNanos,
                       ExceptionClassifier retryOn) {
        this(maxRetries, delayNanos, maxDurationNanos, jitterNanos, retryOn, Backoff.CONSTANT, null, null, null);
    }

    /** This policy with its waits chosen by {@code backoff}. */
    public RetryPolicy withBackoff(Backoff backoff) {
        return new RetryPolicy(maxRetries, delayNanos, maxDurationNanos, jitterNanos, retryOn, backoff,
                retryOnResult, retryOnException, beforeRetry);
    }

    /** This policy, also retrying a call whose result {@code retryOnResult} holds for (null: none). */
    public RetryPolicy withRetryOnResult(Predicate<Object> retryOnResult) {
        return new RetryPolicy(maxRetries, delayNanos, maxDurationNanos, jitterNanos, retryOn, backoff,
                retryOnResult, retryOnException, beforeRetry);
    }

    /** This policy retrying exactly the failures {@code retryOnException} holds for, retryOn ignored (null: retryOn). */
    public RetryPolicy withRetryOnException(Predicate<? super Throwable> retryOnException) {
        return new RetryPolicy(maxRetries, delayNanos, maxDurationNanos, jitterNanos, retryOn, backoff,
                retryOnResult, retryOnException, beforeRetry);
    }

    /** This policy calling {@code beforeRetry} before every retry (null: none). */
    public RetryPolicy withBeforeRetry(BeforeRetry beforeRetry) {
        return new RetryPolicy(maxRetries, delayNanos, maxDurationNanos, jitterNanos, retryOn, backoff,
                retryOnResult, retryOnException, beforeRetry);
    }

    /** Whether {@code failure} is one this policy retries: by retryOnException when set, else by retryOn. */
    boolean retries(Throwable failure) {
        return retryOnException != null ? retryOnException.test(failure) : retryOn.test(failure);
    }

    /** Whether a retry may follow attempt number {@code retriesDone + 1}. */
    boolean allowsAnotherRetry(int retriesDone) {
        return maxRetries == -1 || retriesDone < maxRetries;
    }

    /** Whether the time since the first attempt has passed the maximum duration. */
    boolean outOfTime(long elapsedNanos) {
        return maxDurationNanos != 0 && elapsedNanos >= maxDurationNanos;
    }

    /** Whether a wait of {@code delay} starting {@code elapsedNanos} after the first attempt ends past the maximum duration. */
    boolean waitEndsOutOfTime(long elapsedNanos, long delay) {
        return outOfTime(elapsedNanos) || outOfTime(saturatedSum(elapsedNanos, delay));
    }

    /**
     * The next constant wait: the delay moved by uniform jitter, never negative, at most
     * Long.MAX_VALUE. The shift is drawn from [-jitter - 1, jitter) and moved up by one, so even
     * the largest jitter names a non-empty range.
     */
    long nextDelay(RandomGenerator random) {
        if (jitterNanos == 0) {
            return delayNanos;
        }
        long shift = random.nextLong(-jitterNanos - 1, jitterNanos) + 1;
        return Math.max(0, saturatedSum(delayNanos, shift));
    }

    /** {@code a + b}, or Long.MAX_VALUE where it would overflow ({@code a >= 0}). */
    static long saturatedSum(long a, long b) {
        return b > 0 && a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    private static long maxDelayNanos(Backoff backoff) {
        if (backoff instanceof ExponentialBackoff exponential) {
            return exponential.maxDelayNanos();
        }
        if (backoff instanceof FibonacciBackoff fibonacci) {
            return fibonacci.maxDelayNanos();
        }
        return 0;
    }
}
