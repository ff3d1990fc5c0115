package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.BeforeRetryHandler;
import dev.fusebox.ft.api.CustomBackoffStrategy;
import dev.fusebox.ft.api.GuardOptions;
import dev.fusebox.ft.api.Jitter;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.retry.Backoff;
import dev.fusebox.ft.core.retry.ExponentialBackoff;
import dev.fusebox.ft.core.retry.FibonacciBackoff;
import dev.fusebox.ft.core.retry.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A guard's retry options, with {@code @Retry}'s defaults and Fusebox's additions (backoffs, retry
 * on result, hook), checked as the CDI layer checks the annotations. Not thread-safe: the builder's.
 */
final class RetryOptions implements GuardOptions.Retry {

    private int maxRetries = 3;
    private long delayNanos;
    private long maxDurationNanos = 180_000_000_000L;
    private long jitterNanos = 200_000_000L;
    private List<Class<? extends Throwable>> retryOn = List.of(Exception.class);
    private List<Class<? extends Throwable>> abortOn = List.of();
    private boolean classified;
    private int factor;
    private long maxDelayNanos;
    private Jitter jitter;
    private Supplier<? extends CustomBackoffStrategy> custom;
    private int backoffs;
    private Predicate<Object> whenResult;
    private Predicate<Throwable> whenException;
    private BeforeRetryHandler beforeRetry;

    @Override
    public RetryOptions maxRetries(int retries) {
        maxRetries = retries;
        return this;
    }

    @Override
    public RetryOptions delay(Duration delay) {
        delayNanos = Durations.nanos("delay", delay);
        return this;
    }

    @Override
    public RetryOptions maxDuration(Duration maxDuration) {
        maxDurationNanos = Durations.nanos("maxDuration", maxDuration);
        return this;
    }

    @Override
    public RetryOptions jitter(Duration jitter) {
        jitterNanos = Durations.nanos("jitter", jitter);
        return this;
    }

    @Override
    public RetryOptions retryOn(Class<?>... failures) {
        retryOn = Durations.throwables("retryOn", failures);
        classified = true;
        return this;
    }

    @Override
    public RetryOptions abortOn(Class<?>... failures) {
        abortOn = Durations.throwables("abortOn", failures);
        classified = true;
        return this;
    }

    @Override
    public RetryOptions exponentialBackoff(int factor, Duration maxDelay, Jitter jitter) {
        if (factor < 1) {
            throw new IllegalArgumentException("exponentialBackoff factor must be at least 1: " + factor);
        }
        this.factor = factor;
        return growing(maxDelay, jitter);
    }

    @Override
    public RetryOptions fibonacciBackoff(Duration maxDelay, Jitter jitter) {
        factor = 0;
        return growing(maxDelay, jitter);
    }

    private RetryOptions growing(Duration maxDelay, Jitter jitter) {
        maxDelayNanos = Durations.nanos("maxDelay", maxDelay);
        this.jitter = Objects.requireNonNull(jitter, "jitter must not be null");
        backoffs++;
        return this;
    }

    @Override
    public RetryOptions customBackoff(Supplier<? extends CustomBackoffStrategy> strategies) {
        custom = Objects.requireNonNull(strategies, "customBackoff needs a supplier of strategies");
        backoffs++;
        return this;
    }

    @Override
    public RetryOptions whenResult(Predicate<Object> predicate) {
        whenResult = Objects.requireNonNull(predicate, "whenResult needs a predicate");
        return this;
    }

    @Override
    public RetryOptions whenException(Predicate<Throwable> predicate) {
        whenException = Objects.requireNonNull(predicate, "whenException needs a predicate");
        return this;
    }

    @Override
    public RetryOptions beforeRetry(BeforeRetryHandler handler) {
        beforeRetry = Objects.requireNonNull(handler, "beforeRetry needs a handler");
        return this;
    }

    /** The engine's policy; refused as the annotations are when the options contradict each other. */
    RetryPolicy policy(String guard) {
        if (backoffs > 1) {
            throw new IllegalArgumentException("retry takes one backoff (exponential, Fibonacci or custom), not "
                    + backoffs);
        }
        if (whenException != null && classified) {
            throw new IllegalArgumentException("retry whenException replaces retryOn and abortOn, which are set too;"
                    + " use one or the other");
        }
        RetryPolicy policy = new RetryPolicy(maxRetries, delayNanos, maxDurationNanos, jitterNanos,
                new ExceptionClassifier(retryOn, abortOn));
        if (custom != null) {
            policy = policy.withBackoff(CustomBackoffs.of(custom, "of guard " + guard));
        } else if (jitter != null) {
            if (maxDurationNanos != 0 && maxDelayNanos >= maxDurationNanos) {
                throw new IllegalArgumentException("retry maxDelay (" + maxDelayNanos
                        + " ns) must be less than maxDuration (" + maxDurationNanos + " ns)");
            }
            dev.fusebox.ft.core.retry.Jitter kind = dev.fusebox.ft.core.retry.Jitter.valueOf(jitter.name());
            Backoff backoff = factor > 0 ? new ExponentialBackoff(factor, maxDelayNanos, kind)
                    : new FibonacciBackoff(maxDelayNanos, kind);
            policy = policy.withBackoff(backoff);
        }
        policy = policy.withRetryOnResult(whenResult).withRetryOnException(whenException);
        BeforeRetryHandler hook = beforeRetry;
        return hook == null ? policy : policy.withBeforeRetry((invocation, retry, cause) -> hook.beforeRetry(retry, cause));
    }
}
