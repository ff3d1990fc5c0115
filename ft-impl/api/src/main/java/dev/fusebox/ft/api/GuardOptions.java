package dev.fusebox.ft.api;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The options of each policy of a {@link Guard}, set in the builder's callbacks. Every option has
 * the default of the matching annotation; values are checked when the guard is built. Not
 * thread-safe: used by the building thread only.
 */
public final class GuardOptions {

    private GuardOptions() {
    }

    /** As {@code @CircuitBreaker}: defaults 20, 0.5, 5 s, 1, failOn all, skipOn none. */
    public interface CircuitBreaker {
        CircuitBreaker requestVolumeThreshold(int calls);

        CircuitBreaker failureRatio(double ratio);

        CircuitBreaker delay(Duration delay);

        CircuitBreaker successThreshold(int calls);

        CircuitBreaker failOn(Class<?>... failures);

        CircuitBreaker skipOn(Class<?>... failures);

        /** Shadow mode: counts the calls it would reject, rejects none (see docs/guards.md). */
        CircuitBreaker shadow(boolean on);
    }

    /** As {@code @Retry}: defaults 3 retries, 0 delay, 180 s max duration, 200 ms jitter, retryOn all. */
    public interface Retry {
        Retry maxRetries(int retries);

        Retry delay(Duration delay);

        Retry maxDuration(Duration maxDuration);

        Retry jitter(Duration jitter);

        Retry retryOn(Class<?>... failures);

        Retry abortOn(Class<?>... failures);

        /** As {@link ExponentialBackoff}: waits delay, delay x factor, ..., up to maxDelay (zero: no cap). */
        Retry exponentialBackoff(int factor, Duration maxDelay, Jitter jitter);

        /** As {@link FibonacciBackoff}: waits delay x 1, 2, 3, 5, ..., up to maxDelay (zero: no cap). */
        Retry fibonacciBackoff(Duration maxDelay, Jitter jitter);

        /** As {@link CustomBackoff}: {@code strategies} gives a new strategy per guarded call. */
        Retry customBackoff(Supplier<? extends CustomBackoffStrategy> strategies);

        /** As {@link RetryWhen#result()}: also retry a call whose result {@code predicate} holds for. */
        Retry whenResult(Predicate<Object> predicate);

        /** As {@link RetryWhen#exception()}: retry exactly the failures it holds for (not with retryOn/abortOn). */
        Retry whenException(Predicate<Throwable> predicate);

        /** As {@link BeforeRetry}: called before each retry, after its wait. */
        Retry beforeRetry(BeforeRetryHandler handler);
    }

    /** As {@link dev.fusebox.ft.api.RetryBudget}: defaults ratio 0.2, ttl 10 s, 10 retries per second. */
    public interface RetryBudget {
        RetryBudget ratio(double ratio);

        RetryBudget ttl(Duration ttl);

        RetryBudget minRetriesPerSecond(int retries);
    }

    /** As {@link dev.fusebox.ft.api.RateLimit}: defaults 100 per 1 s, FIXED, no spacing. */
    public interface RateLimit {
        RateLimit limit(int calls);

        RateLimit window(Duration window);

        RateLimit type(RateLimitType type);

        RateLimit minSpacing(Duration spacing);

        /** Shadow mode: counts the calls it would reject, rejects none. */
        RateLimit shadow(boolean on);
    }

    /** As {@code @Bulkhead}: defaults 10 concurrent calls, 10 waiting stages. */
    public interface Bulkhead {
        Bulkhead limit(int calls);

        /** Stages waiting for a slot (stages only; a synchronous call never waits). */
        Bulkhead waitingTaskQueue(int stages);

        /** Shadow mode: counts the calls it would reject, rejects none. */
        Bulkhead shadow(boolean on);
    }

    /**
     * As {@link dev.fusebox.ft.api.AdaptiveBulkhead}: defaults GRADIENT, an initial limit of 20
     * within [1, 200], windows of at least 1 s and 10 calls, a live reserve of 0.1, LIVE calls.
     * Serves synchronous calls and stages alike (it never queues).
     */
    public interface AdaptiveBulkhead {
        AdaptiveBulkhead algorithm(AdaptiveAlgorithm algorithm);

        /** The limit before the first window closes; within [minLimit, maxLimit]. */
        AdaptiveBulkhead initialLimit(int calls);

        /** The least the limit falls to; at least 1. */
        AdaptiveBulkhead minLimit(int calls);

        /** The most the limit grows to; at most 10,000. */
        AdaptiveBulkhead maxLimit(int calls);

        /** How long a sampling window lasts at least; 1 ms to 1 hour. */
        AdaptiveBulkhead window(Duration window);

        /** How many calls must end in a window before it closes; 1 to 10,000. */
        AdaptiveBulkhead minSamples(int calls);

        /** The share of the limit only live calls may use; 0 to 0.9. */
        AdaptiveBulkhead liveReserve(double share);

        /** The priority of every call through this guard. */
        AdaptiveBulkhead priority(CallPriority priority);
    }

    /**
     * As {@link dev.fusebox.ft.api.Hedge}: defaults a fixed delay of 100 ms, 1 further attempt, a
     * budget of 0.1 further attempts per call over 10 s plus 1 per second. A synchronous call's
     * attempts all run on the guards' worker threads while the caller waits (see docs/guards.md).
     */
    public interface Hedge {
        /** The wait before each further attempt (until enough latencies are known, with a percentile); 1 ms to 1 hour. */
        Hedge delay(Duration delay);

        /** 0 for the fixed delay, or the share of recent first attempts that answer before a hedge starts, 0.5 to 0.999. */
        Hedge percentile(double percentile);

        /** How many further attempts a call may start; 1 to 4. */
        Hedge maxHedges(int hedges);

        /** Further attempts allowed per call, over the last 10 seconds; 0 to 10. */
        Hedge budget(double hedgesPerCall);

        /** Further attempts allowed per second on top of the budget; 0 to 100,000. */
        Hedge minHedgesPerSecond(int hedges);
    }
}
