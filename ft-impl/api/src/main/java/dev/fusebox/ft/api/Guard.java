package dev.fusebox.ft.api;

import dev.fusebox.ft.api.spi.GuardFactory;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fault tolerance for code without CDI: a named set of policies, applied around a call in the
 * specification's order, outermost first: fallback, retry, circuit breaker, rate limit, hedge,
 * timeout, bulkhead or adaptive bulkhead. Built once with {@link #builder(String)} and shared: a guard is thread-safe, and
 * several call sites may use one guard (a breaker per dependency, not per method), each with a
 * result type of its own. The fallback is given at the call site, since it has the call's type.
 *
 * <pre>{@code
 * Guard inventory = Guard.builder("inventory")
 *         .retry(r -> r.maxRetries(3).exponentialBackoff(2, Duration.ofSeconds(1), Jitter.FULL))
 *         .circuitBreaker(cb -> cb.requestVolumeThreshold(20).failureRatio(0.5).delay(Duration.ofSeconds(5)))
 *         .timeout(Duration.ofMillis(300))
 *         .build();
 * Stock stock = inventory.call(() -> client.stock(sku), failure -> Stock.UNKNOWN);
 * }</pre>
 *
 * <p>Rejections are the specification's exceptions ({@code CircuitBreakerOpenException},
 * {@code BulkheadException}, {@code TimeoutException}) and Fusebox's {@link RateLimitException}.
 * A guard with a bulkhead serves either synchronous calls or stages, not both (its bulkhead is one
 * or the other kind; an adaptive bulkhead serves both); the first call decides and a call of the other kind is refused with an
 * {@link IllegalStateException}. Names are 1 to 100 of {@code A-Z a-z 0-9 _ -} and unique among
 * the live guards of a class loader; {@link #close()} gives the name back. See docs/guards.md.
 */
public interface Guard extends AutoCloseable {

    /** The most characters of a guard's name. */
    int MAX_NAME_LENGTH = 100;

    /**
     * A builder of a guard named {@code name}, from the implementation on the class path (Fusebox's
     * {@code fusebox-ft-guard}).
     *
     * @throws IllegalArgumentException when the name is not 1 to 100 of {@code A-Z a-z 0-9 _ -}
     * @throws IllegalStateException    when no implementation is on the class path
     */
    static Builder builder(String name) {
        return GuardFactory.installed().builder(name);
    }

    /** This guard's name: in metrics, JMX and the console. */
    String name();

    /** Calls {@code action} under this guard's policies; a failure that is not recovered is thrown. */
    <T> T call(Callable<T> action) throws Exception;

    /**
     * Calls {@code action} under this guard's policies; when the outcome is a failure the builder's
     * fallback rules apply to, returns {@code fallback}'s result for it instead.
     */
    <T> T call(Callable<T> action, Function<Throwable, ? extends T> fallback) throws Exception;

    /**
     * Calls {@code action} (on the calling thread) and applies this guard's policies to the stage it
     * returns: a retry calls it again, a timeout fails the returned stage. A throw of {@code action}
     * is a failed attempt, as a failed stage is. Never throws: a rejection fails the returned stage.
     */
    <T> CompletionStage<T> callStage(Supplier<? extends CompletionStage<T>> action);

    /** As {@link #callStage(Supplier)}, with {@code fallback}'s stage replacing a failure it applies to. */
    <T> CompletionStage<T> callStage(Supplier<? extends CompletionStage<T>> action,
                                     Function<Throwable, ? extends CompletionStage<T>> fallback);

    /**
     * Takes this guard out of management and frees its name; calls through it keep working with
     * their policies, so a caller still holding it is not broken.
     */
    @Override
    void close();

    /** Collects a guard's policies; each policy at most once. Not thread-safe: one thread builds. */
    interface Builder {

        /** A circuit breaker with the specification's defaults, changed by {@code options}. */
        Builder circuitBreaker(Consumer<GuardOptions.CircuitBreaker> options);

        /** A retry with the specification's defaults, changed by {@code options}. */
        Builder retry(Consumer<GuardOptions.Retry> options);

        /** A retry budget for this guard's retries (needs a retry); Finagle's defaults as {@link RetryBudget}'s. */
        Builder retryBudget(Consumer<GuardOptions.RetryBudget> options);

        /** A rate limit with {@link RateLimit}'s defaults, changed by {@code options}. */
        Builder rateLimit(Consumer<GuardOptions.RateLimit> options);

        /** A timeout of each attempt; positive. */
        Builder timeout(Duration timeout);

        /**
         * A bulkhead with the specification's defaults (10, queue 10 for stages), changed by {@code options}.
         *
         * @throws IllegalStateException when an adaptive bulkhead is set: a guard has one bulkhead
         */
        Builder bulkhead(Consumer<GuardOptions.Bulkhead> options);

        /**
         * A bulkhead whose limit moves with the calls' latency and drops, with {@link AdaptiveBulkhead}'s
         * defaults, changed by {@code options}; in the bulkhead's place.
         *
         * @throws IllegalStateException when a bulkhead is set: a guard has one bulkhead
         */
        Builder adaptiveBulkhead(Consumer<GuardOptions.AdaptiveBulkhead> options);

        /**
         * Hedged calls with {@link Hedge}'s defaults, changed by {@code options}: a late call gets a
         * further attempt and the first success answers. Each attempt passes the timeout and the
         * bulkhead on its own; the retry, the breaker and the rate limit see one call.
         */
        Builder hedge(Consumer<GuardOptions.Hedge> options);

        /**
         * Which failures a call site's fallback replaces: those of {@code applyOn} (all by default)
         * that are not of {@code skipOn} (none by default), as {@code @Fallback}'s members.
         */
        Builder fallbackOn(Class<?>[] applyOn, Class<?>[] skipOn);

        /**
         * The guard. Its policies are checked here: a bad value is refused with an
         * {@link IllegalArgumentException} naming the guard, the policy and the value.
         *
         * @throws IllegalStateException when a guard of that name is live in this class loader
         */
        Guard build();
    }
}
