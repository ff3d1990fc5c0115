package dev.fusebox.ft.core.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.retry.RetryPolicy;
import dev.fusebox.ft.core.retry.RetryStep;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The synchronous timeout with its watcher on virtual time. A task the clock runs runs on the
 * thread that advances it: when the guarded method itself takes virtual time, the watcher fires on
 * the caller's own thread; when another thread advances the clock, it fires from there.
 */
class TimeoutInVirtualTimeTest {

    private static final long SECOND = 1_000_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final DeadlineWatcher watcher = new DeadlineWatcher(time, time);
    private final AtomicInteger attempts = new AtomicInteger();

    private TimeoutStep timeout(SyncStep next) {
        return new TimeoutStep(next, "tick", SECOND, watcher, Rejections.plain(), time, MethodMetrics.NONE);
    }

    private TimeoutStep timeout() {
        return timeout(invocation -> invocation.proceed());
    }

    @Test
    void aMethodThatSleepsPastTheDeadlineIsInterruptedAndGetsTheTimeout() {
        assertThatThrownBy(() -> timeout().call(() -> {
            time.sleep(2 * SECOND);
            return "never";
        })).isInstanceOf(IllegalStateException.class).hasMessage("timed out after 1000000000 ns: tick")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aMethodThatIgnoresTheInterruptAndReturnsLateStillGetsTheTimeout() {
        assertThatThrownBy(() -> timeout().call(() -> {
            time.advance(Duration.ofSeconds(2));
            return "late";
        })).hasMessage("timed out after 1000000000 ns: tick");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aMethodThatFailsInTimeKeepsItsOwnFailureAndTheWatcherLeavesItAlone() {
        IOException failure = new IOException("own");
        assertThatThrownBy(() -> timeout().call(() -> {
            time.advance(Duration.ofMillis(999));
            throw failure;
        })).isSameAs(failure);
        time.advance(Duration.ofSeconds(5));
        assertThat(time.pending()).as("the scan ran at the deadline, found nothing armed, and did not reschedule").isZero();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aMethodThatEndsJustBeforeTheDeadlineKeepsItsResultAndIsNotInterruptedLater() throws Exception {
        assertThat(timeout().call(() -> {
            time.advance(Duration.ofNanos(SECOND - 1));
            return "in time";
        })).isEqualTo("in time");
        time.advance(Duration.ofSeconds(5));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aWatcherFiredFromAnotherThreadInterruptsTheBlockedCaller() throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch started = new CountDownLatch(1);
            AtomicBoolean interruptLeaked = new AtomicBoolean(true);
            Future<Throwable> outcome = caller.submit(() -> {
                Throwable thrown = null;
                try {
                    timeout().call(() -> {
                        started.countDown();
                        new CountDownLatch(1).await();
                        return "never";
                    });
                } catch (Throwable t) {
                    thrown = t;
                }
                interruptLeaked.set(Thread.currentThread().isInterrupted());
                return thrown;
            });
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            time.advance(Duration.ofSeconds(1));
            assertThat(outcome.get(10, TimeUnit.SECONDS)).hasMessage("timed out after 1000000000 ns: tick")
                    .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class));
            assertThat(interruptLeaked).isFalse();
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void aRetryAroundTheTimeoutRetriesEachTimedOutAttempt() {
        RetryStep retry = new RetryStep(timeout(), new RetryPolicy(2, SECOND / 10, 0, 0, ExceptionClassifier.all()),
                time, time, MethodMetrics.NONE);
        assertThatThrownBy(() -> retry.call(() -> {
            attempts.incrementAndGet();
            time.sleep(2 * SECOND);
            return "never";
        })).hasMessageContaining("timed out");
        assertThat(attempts).hasValue(3);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aTimeoutAroundTheRetryEndsItsWaitAndItsRetries() {
        TimeoutStep bounded = timeout(new RetryStep(invocation -> invocation.proceed(),
                new RetryPolicy(10, 400_000_000L, 0, 0, ExceptionClassifier.all()), time, time, MethodMetrics.NONE));
        assertThatThrownBy(() -> bounded.call(() -> {
            attempts.incrementAndGet();
            throw new IOException("down");
        })).hasMessageContaining("timed out")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(IOException.class));
        assertThat(attempts).as("attempts at 0, 400 and 800 ms; the wait to 1200 ms is cut at 1000").hasValue(3);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
