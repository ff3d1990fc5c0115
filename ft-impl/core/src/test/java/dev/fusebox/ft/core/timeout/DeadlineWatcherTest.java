package dev.fusebox.ft.core.timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.ExecutorScheduler;
import dev.fusebox.ft.core.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The shared watcher behind synchronous timeouts: nesting on one thread, many threads with their
 * own deadlines, re-arming when an earlier deadline comes in, and (on real threads and the real
 * clock) no interrupt leaking out of a call however the deadline and the end of the call race.
 */
class DeadlineWatcherTest {

    private static final long SECOND = 1_000_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final DeadlineWatcher watcher = new DeadlineWatcher(time, time);

    private TimeoutStep timeout(String name, long nanos) {
        return new TimeoutStep(invocation -> invocation.proceed(), name, nanos, watcher, Rejections.plain(), time,
                MethodMetrics.NONE);
    }

    @Test
    void anInnerTimeoutFiresAloneAndTheOuterCallEndsInTime() throws Exception {
        TimeoutStep outer = timeout("outer", 3 * SECOND);
        TimeoutStep inner = timeout("inner", SECOND);
        Object result = outer.call(() -> {
            assertThatThrownBy(() -> inner.call(() -> {
                time.sleep(2 * SECOND);
                return "never";
            })).hasMessage("timed out after 1000000000 ns: inner");
            assertThat(Thread.currentThread().isInterrupted()).as("the inner interrupt is cleared").isFalse();
            time.sleep(SECOND / 2);
            return "outer in time";
        });
        assertThat(result).isEqualTo("outer in time");
        time.advance(Duration.ofSeconds(10));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void anOuterDeadlineInterruptsTheInnerCallAndOnlyTheOuterTimesOut() {
        TimeoutStep outer = timeout("outer", SECOND);
        TimeoutStep inner = timeout("inner", 5 * SECOND);
        assertThatThrownBy(() -> outer.call(() -> inner.call(() -> {
            time.sleep(2 * SECOND);
            return "never";
        }))).hasMessage("timed out after 1000000000 ns: outer")
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(InterruptedException.class));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void recursionOfOneTimedMethodUsesOneWatchPerDepth() throws Exception {
        TimeoutStep step = timeout("recursive", SECOND);
        AtomicInteger deepest = new AtomicInteger();
        SyncStep[] self = new SyncStep[1];
        self[0] = invocation -> step.call(() -> {
            int depth = deepest.incrementAndGet();
            return depth < 5 ? self[0].call(invocation) : "bottom";
        });
        assertThat(self[0].call(() -> null)).isEqualTo("bottom");
        assertThat(self[0].call(() -> null)).as("the second time on reused watches").isEqualTo("bottom");
        time.advance(Duration.ofSeconds(2));
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(watcher.threadCount()).isEqualTo(1);
    }

    @Test
    void threadsWithDifferentDeadlinesAreInterruptedEachAtItsOwn() throws Exception {
        int callers = 4;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch armed = new CountDownLatch(callers);
            AtomicLong[] interruptedAt = new AtomicLong[callers];
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                AtomicLong at = interruptedAt[i] = new AtomicLong(-1);
                TimeoutStep step = timeout("caller" + i, (callers - i) * SECOND); // later callers are due earlier
                calls.add(pool.submit(() -> {
                    try {
                        return step.call(() -> {
                            armed.countDown();
                            try {
                                new CountDownLatch(1).await();
                            } catch (InterruptedException expected) {
                                at.set(time.nanoTime());
                                throw expected;
                            }
                            return "never";
                        });
                    } finally {
                        assertThat(Thread.currentThread().isInterrupted()).isFalse();
                    }
                }));
                // arm one after another, so every new deadline is earlier than the scan already due
                while (armed.getCount() > callers - 1 - i) {
                    Thread.onSpinWait();
                }
            }
            long start = time.nanoTime();
            for (int second = 1; second <= callers; second++) {
                time.advance(Duration.ofSeconds(1));
                int due = callers - second;
                assertThatThrownBy(() -> calls.get(due).get(10, TimeUnit.SECONDS))
                        .hasRootCauseMessage("timed out after " + second * SECOND + " ns: caller" + due);
                assertThat(interruptedAt[due]).hasValue(start + second * SECOND);
                for (int later = 0; later < due; later++) {
                    assertThat(calls.get(later)).as("caller %d is not due yet", later).isNotDone();
                }
            }
            assertThat(time.scheduled()).as("each new deadline was the earliest, so each scheduled a scan")
                    .startsWith(4 * SECOND, 3 * SECOND, 2 * SECOND, SECOND);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEarlierDeadlineReschedulesTheWatcherAndALaterOneDoesNot() throws Exception {
        TimeoutStep slow = timeout("slow", 10 * SECOND);
        TimeoutStep quick = timeout("quick", SECOND);
        TimeoutStep slower = timeout("slower", 20 * SECOND);
        slow.call(() -> quick.call(() -> slower.call(() -> "in time")));
        assertThat(time.scheduled()).as("10 s first, then 1 s; 20 s is later than the scan due at 1 s")
                .containsExactly(10 * SECOND, SECOND);
    }

    @Test
    void aScanThatFindsNothingArmedLeavesTheWatcherIdle() throws Exception {
        TimeoutStep step = timeout("idle", SECOND);
        for (int i = 0; i < 1_000; i++) {
            step.call(() -> "in time");
        }
        assertThat(time.scheduled()).hasSize(1);
        time.advance(Duration.ofSeconds(2));
        assertThat(time.pending()).isZero();
        step.call(() -> "in time");
        assertThat(time.scheduled()).as("the first call after idling schedules the next scan").hasSize(2);
    }

    /**
     * Real threads and clock: calls whose length straddles their deadline (20-400 us against 60 us),
     * so the scan and the end of the call race constantly. After every call the caller's interrupt
     * flag must be clear, and the outcome must agree with the call's length where that is certain.
     */
    @Test
    void noInterruptLeaksWhenDeadlinesAndCallEndsRace() throws Exception {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
        ExecutorService callers = Executors.newFixedThreadPool(2);
        DeadlineWatcher real = new DeadlineWatcher(new ExecutorScheduler(timer), Ticker.system());
        long timeoutNanos = 60_000;
        TimeoutStep step = new TimeoutStep(invocation -> invocation.proceed(), "race", timeoutNanos, real,
                Rejections.plain(), Ticker.system(), MethodMetrics.NONE);
        AtomicInteger leaks = new AtomicInteger();
        AtomicInteger timedOut = new AtomicInteger();
        AtomicInteger inTime = new AtomicInteger();
        try {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            List<Future<?>> runs = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                runs.add(callers.submit(() -> {
                    while (System.nanoTime() - end < 0) {
                        long length = ThreadLocalRandom.current().nextLong(20_000, 400_000);
                        try {
                            step.call(() -> {
                                long until = System.nanoTime() + length;
                                while (System.nanoTime() - until < 0) {
                                    Thread.onSpinWait(); // ignores the interrupt, like a busy method
                                }
                                return "done";
                            });
                            inTime.incrementAndGet();
                        } catch (Exception timeout) {
                            timedOut.incrementAndGet();
                        }
                        if (Thread.interrupted()) {
                            leaks.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(30, TimeUnit.SECONDS);
            }
        } finally {
            callers.shutdownNow();
            timer.shutdownNow();
        }
        assertThat(leaks).as("interrupts seen after a call returned").hasValue(0);
        assertThat(timedOut.get()).as("some calls ran past 60 us and were timed out").isPositive();
        assertThat(inTime.get()).isPositive();
    }

    /**
     * Issue 11 item 6: many short-lived threads (virtual threads, say), each making one timed call and
     * ending before the next starts, with no scan in between (virtual time stands still). Joining
     * must not keep the ended threads' entries: on e03a9a1 every join copied the whole array of
     * threads, ended ones included until a scan dropped them, so n joins cost O(n^2); this failed
     * there with "threads known after 2000 short-lived threads: expected: 1 but was: 2000".
     */
    @Test
    void joinsByManyShortLivedThreadsKeepNoEndedThreadsEntries() throws Exception {
        TimeoutStep step = timeout("short-lived", SECOND);
        int threads = 2_000;
        int mostKnown = 0;
        for (int i = 0; i < threads; i++) {
            Thread thread = new Thread(() -> {
                try {
                    step.call(() -> "in time");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            thread.start();
            thread.join();
            mostKnown = Math.max(mostKnown, watcher.threadCount());
        }
        assertThat(watcher.threadCount()).as("threads known after %d short-lived threads", threads).isEqualTo(1);
        assertThat(mostKnown).as("most threads ever known at once").isEqualTo(1);
    }

    /**
     * Issue 14 item 4: short-lived threads that overlap, as the virtual threads of consecutive
     * asynchronous calls do: each joins while the one before it is still alive (finishing its
     * task), and that one ends right after. No scan comes in between (virtual time stands still).
     * A join that only dropped ended threads at the head met a live one there every time, so
     * every ended thread behind it stayed known until the next scan, up to one timeout period.
     */
    @Test
    void joinsByOverlappingShortLivedThreadsKeepFewEndedThreadsEntries() throws Exception {
        TimeoutStep step = timeout("overlapping", SECOND);
        int threads = 500;
        CountDownLatch endPrevious = new CountDownLatch(1);
        Thread previous = joinedAndWaiting(step, endPrevious);
        int mostKnown = 0;
        for (int i = 1; i < threads; i++) {
            CountDownLatch end = new CountDownLatch(1);
            Thread next = joinedAndWaiting(step, end); // joins while the previous one is alive
            endPrevious.countDown();
            previous.join();
            mostKnown = Math.max(mostKnown, watcher.threadCount());
            previous = next;
            endPrevious = end;
        }
        endPrevious.countDown();
        previous.join();
        assertThat(mostKnown).as("most threads known at once after %d overlapping short-lived threads", threads)
                .isLessThanOrEqualTo(3);
    }

    /** An ended thread behind a live one (it joined first) leaves at the next scan, unlinked in place. */
    @Test
    void aScanUnlinksAnEndedThreadBehindALiveOne() throws Exception {
        TimeoutStep step = timeout("mixed", SECOND);
        step.call(() -> "this thread joins first");
        CountDownLatch endFirst = new CountDownLatch(1);
        CountDownLatch endSecond = new CountDownLatch(1);
        Thread first = joinedAndWaiting(step, endFirst);
        Thread second = joinedAndWaiting(step, endSecond);
        try {
            endFirst.countDown();
            first.join();
            assertThat(watcher.threadCount()).as("second, first (ended), this thread").isEqualTo(3);
            time.advance(Duration.ofSeconds(2)); // the scan the first call asked for
            assertThat(watcher.threadCount()).as("second, this thread").isEqualTo(2);
        } finally {
            endSecond.countDown();
            second.join();
        }
    }

    /** A thread that joins the watcher with one timed call and then waits for {@code end}. */
    private static Thread joinedAndWaiting(TimeoutStep step, CountDownLatch end) throws InterruptedException {
        CountDownLatch joined = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                step.call(() -> "joined");
                joined.countDown();
                end.await();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        thread.start();
        joined.await();
        return thread;
    }

    /**
     * Joining costs the same however many threads the watcher knows: the bytes a thread allocates on
     * its first timed call (its join) are counted with 1 and with 500 live threads known. On
     * e03a9a1 the join copied the array of threads, 4 bytes per known thread: it failed with "extra
     * bytes a join allocates with 500 threads known (272 with one, 2280 with 500)".
     */
    @Test
    void aJoinAllocatesTheSameWithOneOrFiveHundredThreadsKnown() throws Exception {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(bean instanceof com.sun.management.ThreadMXBean allocation
                && allocation.isThreadAllocatedMemorySupported() && allocation.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count the bytes a thread allocates");
        com.sun.management.ThreadMXBean allocation = (com.sun.management.ThreadMXBean) bean;
        TimeoutStep step = timeout("joining", SECOND);
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> parked = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                joinBytes(step, allocation); // warm up: classes loaded, code compiled
            }
            long withOne = joinBytes(step, allocation);
            for (int i = 0; i < 500; i++) {
                parked.add(joinedAndWaiting(step, release));
            }
            assertThat(watcher.threadCount()).isGreaterThanOrEqualTo(500);
            long withFiveHundred = joinBytes(step, allocation);
            assertThat(withFiveHundred - withOne).as("extra bytes a join allocates with 500 threads known"
                    + " (%d with one, %d with 500)", withOne, withFiveHundred).isLessThan(256);
        } finally {
            release.countDown();
            for (Thread thread : parked) {
                thread.join();
            }
        }
    }

    /** Bytes a new thread allocates in its first timed call, which joins it to the watcher. */
    private static long joinBytes(TimeoutStep step, com.sun.management.ThreadMXBean allocation) throws Exception {
        long[] bytes = new long[1];
        Thread thread = new Thread(() -> {
            try {
                long id = Thread.currentThread().getId();
                long before = allocation.getThreadAllocatedBytes(id);
                step.call(() -> null);
                bytes[0] = allocation.getThreadAllocatedBytes(id) - before;
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        thread.start();
        thread.join();
        return bytes[0];
    }
}
