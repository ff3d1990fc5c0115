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
}
