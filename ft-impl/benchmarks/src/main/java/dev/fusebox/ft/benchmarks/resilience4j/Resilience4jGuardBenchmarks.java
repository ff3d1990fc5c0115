package dev.fusebox.ft.benchmarks.resilience4j;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.decorators.Decorators;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
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
 * Resilience4j's counterpart of the programmatic-guard rows ({@code GuardBenchmarks}): decorators
 * built once per trial, innermost first in MicroProfile's order (bulkhead, timeout, rate limit,
 * circuit breaker, retry), around the same constant call and the same completed stage. Named
 * {@code r4j} + the guard rows' names so run.sh puts them on the same row.
 *
 * <p>Not quite like for like: Resilience4j has no timeout for a call on the caller's thread (its
 * {@code TimeLimiter} works on futures and stages), so the synchronous row has no timeout; and its
 * semaphore {@code Bulkhead} has no queue (limit 10, no wait) in both rows. The stage row's
 * {@code TimeLimiter} schedules and cancels a timer task per call, as the guards' timeouts do.
 * The rate limiter admits a million per millisecond and never waits ({@code timeoutDuration} 0),
 * so a refusal would throw; the tear-down fails the trial if any call was retried.
 * Thread-safe: the decorators are shared by all benchmark threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class Resilience4jGuardBenchmarks {

    private static final CompletionStage<String> DONE = CompletableFuture.completedFuture("ok");

    private ScheduledThreadPoolExecutor scheduler;
    private Retry syncRetry;
    private Retry stageRetry;
    private Supplier<String> syncCombined;
    private Supplier<CompletionStage<String>> stageCombined;

    @Setup(Level.Trial)
    public void decorate() {
        scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "r4j-guard-benchmark-timer");
            thread.setDaemon(true);
            return thread;
        });
        // a cancelled timeout leaves the queue at once instead of one second later
        scheduler.setRemoveOnCancelPolicy(true);
        syncRetry = retry("guardSync");
        stageRetry = retry("guardStage");

        syncCombined = Decorators.ofSupplier(() -> "ok")
                .withBulkhead(bulkhead("guardSync"))
                .withRateLimiter(rateLimiter("guardSync"))
                .withCircuitBreaker(CircuitBreaker.ofDefaults("guardSync"))
                .withRetry(syncRetry)
                .decorate();
        stageCombined = Decorators.ofCompletionStage(() -> DONE)
                .withBulkhead(bulkhead("guardStage"))
                .withTimeLimiter(TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(1)).build()),
                        scheduler)
                .withRateLimiter(rateLimiter("guardStage"))
                .withCircuitBreaker(CircuitBreaker.ofDefaults("guardStage"))
                .withRetry(stageRetry, scheduler)
                .decorate();
        if (!"ok".equals(syncCombined.get()) || !"ok".equals(stageCombined.get().toCompletableFuture().join())) {
            throw new IllegalStateException("the decorators do not answer");
        }
    }

    private static Retry retry(String name) {
        // maxAttempts counts the first call: 3 retries
        return Retry.of(name, RetryConfig.custom().maxAttempts(4).waitDuration(Duration.ZERO).build());
    }

    private static Bulkhead bulkhead(String name) {
        return Bulkhead.of(name, BulkheadConfig.custom().maxConcurrentCalls(10).maxWaitDuration(Duration.ZERO).build());
    }

    private static RateLimiter rateLimiter(String name) {
        return RateLimiter.of(name, RateLimiterConfig.custom().limitForPeriod(1_000_000)
                .limitRefreshPeriod(Duration.ofMillis(1)).timeoutDuration(Duration.ZERO).build());
    }

    @TearDown(Level.Trial)
    public void stopScheduler() {
        scheduler.shutdownNow();
        long retried = syncRetry.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()
                + syncRetry.getMetrics().getNumberOfFailedCallsWithRetryAttempt()
                + stageRetry.getMetrics().getNumberOfSuccessfulCallsWithRetryAttempt()
                + stageRetry.getMetrics().getNumberOfFailedCallsWithRetryAttempt();
        if (retried != 0) {
            throw new IllegalStateException(retried + " calls were retried: something refused or failed them");
        }
    }

    @Benchmark
    public String r4jGuardSyncCombined() {
        return syncCombined.get();
    }

    @Benchmark
    public String r4jGuardStageCombined() {
        return stageCombined.get().toCompletableFuture().join();
    }
}
