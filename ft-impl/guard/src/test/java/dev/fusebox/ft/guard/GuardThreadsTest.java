package dev.fusebox.ft.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.retry.RetryAllowance;
import dev.fusebox.ft.core.retry.RetryPolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The guards' threads run a stage's retries, then end by themselves once idle: nothing to close, no leak. */
class GuardThreadsTest {

    @Test
    void threadsStartForWorkAndAllEndWhenIdle() throws Exception {
        GuardThreads threads = new GuardThreads(100);
        assertThat(threads.alive()).as("nothing runs before there is work").isZero();
        RetryPolicy retry = new RetryPolicy(3, 10_000_000L, 0, 0, ExceptionClassifier.all());
        GuardEngines engines = new GuardEngines("threads", retry, RetryAllowance.UNLIMITED, null, null, null, null, null,
                0, null, null, null, null, ExceptionClassifier.all(), new MethodCounters());
        FuseboxGuard guard = GuardBuilder.assemble(engines, new MicroProfileRejections(false), threads,
                engines.counters());
        AtomicInteger attempts = new AtomicInteger();
        String result = guard.<String>callStage(() -> attempts.incrementAndGet() < 3
                ? CompletableFuture.failedFuture(new IOException("down"))
                : CompletableFuture.completedFuture("stock")).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(result).isEqualTo("stock");
        assertThat(threads.alive()).as("the retries' waits ran on the timer, the attempts on a worker").isPositive();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (threads.alive() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(threads.alive()).as("idle threads end").isZero();
    }

    @Test
    void theSharedThreadsEndSoonAfterTheLastGuardIsClosed() throws Exception {
        Guard guard = Guard.builder("lingering").retry(r -> r.maxRetries(1).delay(Duration.ofMillis(5))
                .jitter(Duration.ZERO)).build();
        AtomicInteger attempts = new AtomicInteger();
        guard.<String>callStage(() -> attempts.incrementAndGet() < 2
                ? CompletableFuture.failedFuture(new IOException("down"))
                : CompletableFuture.completedFuture("ok")).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(GuardThreads.shared().alive()).isPositive();
        guard.close();
        assertThat(ManagedGuards.live()).as("this test runs with no other guard live").isEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        while (GuardThreads.shared().alive() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(GuardThreads.shared().alive()).as("no guard is live: the idle threads end").isZero();
    }
}
