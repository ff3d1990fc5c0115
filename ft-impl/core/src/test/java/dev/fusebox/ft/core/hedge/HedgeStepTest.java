package dev.fusebox.ft.core.hedge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.retry.RetryAllowance;
import dev.fusebox.ft.core.time.ExecutorScheduler;
import dev.fusebox.ft.core.time.Ticker;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The synchronous hedge on real threads: the caller waits while attempts run on workers; the first
 * attempt hangs until interrupted, the hedge answers. Asserts what happens, never how fast.
 */
class HedgeStepTest {

    private static final long MS = 1_000_000L;

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws InterruptedException {
        workers.shutdownNow();
        timer.shutdownNow();
        assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private HedgeStep step(dev.fusebox.ft.core.invocation.SyncStep next) {
        Hedge hedge = new Hedge("sync", new HedgePolicy(20 * MS, 1, 0), RetryAllowance.UNLIMITED);
        return new HedgeStep(next, hedge, new ExecutorScheduler(timer), workers, Ticker.system());
    }

    @Test
    void theHedgeAnswersAndTheHangingFirstAttemptIsInterrupted() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch firstInterrupted = new CountDownLatch(1);
        Object result = step(invocation -> {
            if (attempts.incrementAndGet() == 1) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException interrupted) {
                    firstInterrupted.countDown();
                    throw interrupted;
                }
            }
            return "hedge";
        }).call(() -> null);
        assertThat(result).isEqualTo("hedge");
        assertThat(firstInterrupted.await(10, TimeUnit.SECONDS)).as("the loser interrupted").isTrue();
    }

    @Test
    void theMethodsExceptionIsThrownAsItIs() {
        IOException failure = new IOException("own");
        assertThatThrownBy(() -> step(invocation -> {
            throw failure;
        }).call(() -> null)).isSameAs(failure);
    }

    @Test
    void anInterruptedCallerCancelsItsAttempts() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch attemptInterrupted = new CountDownLatch(1);
        HedgeStep step = step(invocation -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException interrupted) {
                attemptInterrupted.countDown();
                throw interrupted;
            }
            return "never";
        });
        Thread caller = Thread.currentThread();
        workers.execute(() -> {
            try {
                started.await();
                caller.interrupt();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        assertThatThrownBy(() -> step.call(() -> null)).isInstanceOf(InterruptedException.class);
        assertThat(attemptInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
    }
}
