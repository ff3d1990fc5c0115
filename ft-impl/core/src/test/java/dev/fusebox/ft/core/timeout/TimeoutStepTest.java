package dev.fusebox.ft.core.timeout;

import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Ticker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.time.Scheduler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The watcher's scan is run by the test, from another thread, at the moment the test chooses: no
 * sleeping. The deadline (1 us after the call starts, on the system clock) has passed by then.
 */
class TimeoutStepTest {

    /** Holds the scheduled scan until the test runs it. */
    private static final class ManualScheduler implements Scheduler {
        final AtomicReference<Runnable> watcher = new AtomicReference<>();
        final AtomicInteger scheduled = new AtomicInteger();

        @Override
        public Scheduled schedule(Runnable task, long delayNanos) {
            watcher.set(task);
            scheduled.incrementAndGet();
            return () -> { };
        }

        void fireFromAnotherThread() throws InterruptedException {
            Thread thread = new Thread(watcher.get(), "watcher");
            thread.start();
            thread.join(5_000);
        }
    }

    private final ManualScheduler scheduler = new ManualScheduler();
    private final TimeoutStep step = new TimeoutStep(invocation -> invocation.proceed(), "slow", 1_000,
            new DeadlineWatcher(scheduler, Ticker.system()),
            Rejections.plain(), Ticker.system(), MethodMetrics.NONE);

    @Test
    void aCallInTimeKeepsItsResultAndLaterCallsScheduleNothing() throws Exception {
        assertThat(step.call(() -> "fast")).isEqualTo("fast");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        for (int i = 0; i < 100; i++) {
            assertThat(step.call(() -> "fast")).isEqualTo("fast");
        }
        assertThat(scheduler.scheduled).as("one scan, due at the first deadline, covers the later ones").hasValue(1);
    }

    @Test
    void anOverrunningCallIsInterruptedAndGetsTheTimeout() {
        assertThatThrownBy(() -> step.call(() -> {
            scheduler.fireFromAnotherThread();
            new CountDownLatch(1).await(5, TimeUnit.SECONDS);
            return "never";
        })).hasMessageContaining("timed out").satisfies(e ->
                assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(InterruptedException.class));
        assertThat(Thread.currentThread().isInterrupted()).as("no interrupt leaks to the caller").isFalse();
    }

    @Test
    void aCallThatIgnoresTheInterruptStillTimesOut() {
        assertThatThrownBy(() -> step.call(() -> {
            scheduler.fireFromAnotherThread();
            return "finished anyway";
        })).hasMessageContaining("timed out after 1000 ns: slow");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aWatcherFiringAfterTheCallFinishedDoesNothing() throws Exception {
        assertThat(step.call(() -> "done")).isEqualTo("done");
        scheduler.fireFromAnotherThread();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
