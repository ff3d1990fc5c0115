package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.async.ThreadOffload;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Scheduler;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A caller's {@code cancel(true)} interrupts the attempt that runs now, on real threads, whatever
 * the worker of the previous attempt does meanwhile. The worker of a failed attempt completes the
 * attempt's stage (which schedules the retry) before it leaves the call; the scheduler here holds
 * it there until the next attempt has started on another worker, as a preemption at that point
 * would. Latches order every step; the waits are bounds, not timing.
 */
class AsyncRetryInterruptTest {

    private static final long HANG_MILLIS = 30_000;
    private static final long PATIENCE_SECONDS = 10;

    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ExecutorService timer = Executors.newSingleThreadExecutor();

    @AfterEach
    void stopThreads() throws InterruptedException {
        pool.shutdownNow();
        timer.shutdownNow();
        assertThat(pool.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the pool stopped").isTrue();
        assertThat(timer.awaitTermination(PATIENCE_SECONDS, TimeUnit.SECONDS)).as("the timer stopped").isTrue();
    }

    @Test
    void aCancelWithInterruptReachesTheNextAttemptAfterThePreviousWorkerLeft() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch firstMayFail = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch secondInterrupted = new CountDownLatch(1);
        Invocation method = () -> {
            if (attempts.incrementAndGet() == 1) {
                firstMayFail.await();
                throw new IOException("attempt 1 fails, to be retried");
            }
            secondStarted.countDown();
            try {
                Thread.sleep(HANG_MILLIS);
            } catch (InterruptedException expected) {
                secondInterrupted.countDown();
                throw expected;
            }
            return "attempt 2 was not interrupted";
        };
        // the retry is scheduled from the stage callback on the first worker; hold that worker until attempt 2 runs
        Scheduler holdingTheFailedWorker = (task, delayNanos) -> {
            timer.execute(task);
            awaitOrFail(secondStarted, "the second attempt started");
            return () -> { };
        };
        CountDownLatch firstWorkerLeft = new CountDownLatch(1);
        Executor offloadPool = task -> pool.execute(() -> {
            task.run();
            firstWorkerLeft.countDown(); // only attempt 1's task ends before the cancel: attempt 2 hangs
        });
        RetryPolicy oneRetry = new RetryPolicy(1, 0, 0, 0, ExceptionClassifier.all());
        AsyncCall call = new AsyncCall(method);
        new AsyncRetryStep(new ThreadOffload(offloadPool, false), oneRetry, System::nanoTime, holdingTheFailedWorker,
                pool, MethodMetrics.NONE).call(call);

        firstMayFail.countDown();
        awaitOrFail(secondStarted, "the second attempt started");
        awaitOrFail(firstWorkerLeft, "the first attempt's worker left the call");
        call.cancel(true);

        assertThat(secondInterrupted.await(PATIENCE_SECONDS, TimeUnit.SECONDS))
                .as("the running second attempt was interrupted by cancel(true) within %d s", PATIENCE_SECONDS).isTrue();
    }

    private static void awaitOrFail(CountDownLatch latch, String what) {
        try {
            assertThat(latch.await(PATIENCE_SECONDS, TimeUnit.SECONDS)).as(what + " within %d s", PATIENCE_SECONDS).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting until " + what, e);
        }
    }
}
