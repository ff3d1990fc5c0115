package dev.fusebox.ft.guard;

import static org.assertj.core.api.Assertions.assertThat;

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
        GuardEngines engines = new GuardEngines("threads", retry, RetryAllowance.UNLIMITED, null, null, null, 0, null,
                null, ExceptionClassifier.all(), new MethodCounters());
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
}
