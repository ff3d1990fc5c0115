package dev.fusebox.ft.benchmarks.resilience4j;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Resilience4j decorators around the same trivial calls as the CDI benchmarks, with no CDI and no
 * interceptor: what the policies cost when the application wires them by hand. Each decorated
 * supplier is built once per trial, as an interceptor-based implementation builds its chain once
 * per method. Method names are those of the CDI benchmarks with an {@code r4j} prefix, so run.sh
 * can put them on the same row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Resilience4jBenchmarks {

    private static final IllegalStateException DOWN = new IllegalStateException("dependency down");

    private ScheduledThreadPoolExecutor scheduler;
    private Supplier<String> circuitBreakerClosed;
    private Supplier<String> retrySucceeds;
    private Supplier<String> bulkhead;
    private Supplier<CompletionStage<String>> timeoutNotReached;
    private Supplier<String> fallbackNotUsed;
    private Supplier<CompletionStage<String>> allFiveCombined;
    private Supplier<String> openBreakerFailsFast;
    private Supplier<String> openBreakerWithFallback;

    @Setup(Level.Trial)
    public void decorate() {
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "r4j-benchmark-timer");
            thread.setDaemon(true);
            return thread;
        });
        // a cancelled timeout leaves the queue at once instead of one second later
        scheduler.setRemoveOnCancelPolicy(true);
        TimeLimiter oneSecond = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(1)).build());

        circuitBreakerClosed = CircuitBreaker.decorateSupplier(CircuitBreaker.ofDefaults("closed"), () -> "ok");
        retrySucceeds = Retry.decorateSupplier(Retry.ofDefaults("retry"), () -> "ok");
        bulkhead = Bulkhead.decorateSupplier(Bulkhead.ofDefaults("bulkhead"), () -> "ok");
        timeoutNotReached = oneSecond.decorateCompletionStage(scheduler, () -> CompletableFuture.completedFuture("ok"));
        fallbackNotUsed = Decorators.ofSupplier(() -> "ok").withFallback(failure -> "degraded").decorate();
        // innermost first, in MicroProfile's order: Fallback(Retry(CircuitBreaker(Timeout(Bulkhead(call)))))
        allFiveCombined = Decorators.ofCompletionStage(() -> CompletableFuture.completedFuture("ok"))
                .withBulkhead(Bulkhead.ofDefaults("combined"))
                .withTimeLimiter(oneSecond, scheduler)
                .withCircuitBreaker(CircuitBreaker.ofDefaults("combined"))
                .withRetry(Retry.ofDefaults("combined"), scheduler)
                .withFallback(failure -> "degraded")
                .decorate();

        Supplier<String> failing = () -> {
            throw DOWN;
        };
        openBreakerFailsFast = CircuitBreaker.decorateSupplier(openedBreaker("open", failing), failing);
        openBreakerWithFallback = Decorators.ofSupplier(failing).withCircuitBreaker(openedBreaker("openWithFallback", failing))
                .withFallback(failure -> "degraded").decorate();
    }

    /** A breaker opened by failing calls, as in the CDI benchmarks: four failures, open for a day. */
    private static CircuitBreaker openedBreaker(String name, Supplier<String> failing) {
        CircuitBreaker breaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom().slidingWindowSize(4)
                .minimumNumberOfCalls(4).failureRateThreshold(50).waitDurationInOpenState(Duration.ofDays(1)).build());
        Supplier<String> guarded = CircuitBreaker.decorateSupplier(breaker, failing);
        for (int call = 0; call < 4; call++) {
            try {
                guarded.get();
            } catch (IllegalStateException expected) {
                // counted as a failure
            }
        }
        if (breaker.getState() != CircuitBreaker.State.OPEN) {
            throw new IllegalStateException("breaker " + name + " did not open: " + breaker.getState());
        }
        return breaker;
    }

    @TearDown(Level.Trial)
    public void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Benchmark
    public String r4jCircuitBreakerClosed() {
        return circuitBreakerClosed.get();
    }

    @Benchmark
    public String r4jRetrySucceeds() {
        return retrySucceeds.get();
    }

    @Benchmark
    public String r4jBulkhead() {
        return bulkhead.get();
    }

    @Benchmark
    public String r4jTimeoutNotReached() {
        return timeoutNotReached.get().toCompletableFuture().join();
    }

    @Benchmark
    public String r4jFallbackNotUsed() {
        return fallbackNotUsed.get();
    }

    @Benchmark
    public String r4jAllFiveCombined() {
        return allFiveCombined.get().toCompletableFuture().join();
    }

    @Benchmark
    public Object r4jOpenBreakerFailsFast() {
        try {
            return openBreakerFailsFast.get();
        } catch (CallNotPermittedException rejected) {
            return rejected;
        }
    }

    @Benchmark
    public String r4jOpenBreakerWithFallback() {
        return openBreakerWithFallback.get();
    }
}
