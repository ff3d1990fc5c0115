package dev.fusebox.ft.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.AsyncBulkheadStep;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.bulkhead.BulkheadStep;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.timeout.AsyncTimeoutStep;
import dev.fusebox.ft.core.timeout.DeadlineWatcher;
import dev.fusebox.ft.core.timeout.TimeoutStep;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The clock is read for durations only when a receiver keeps durations: the operators' counters
 * ({@link MethodCounters}) keep none, so with them alone a bulkhead reads no clock at all and a
 * timeout only the one read its deadline needs. A receiver that records durations (as the
 * MicroProfile Metrics and OpenTelemetry backends do) gets them. Counted per call after a first
 * call (which may schedule the timeout watcher's scan and read the clock for that).
 */
class ClockReadsTest {

    private static final int CALLS = 10;

    /** Counts its reads; time moves one tick per read, so no deadline is ever reached. */
    private static final class CountingTicker implements Ticker {
        final AtomicLong reads = new AtomicLong();

        @Override
        public long nanoTime() {
            return reads.incrementAndGet();
        }
    }

    /** Keeps durations, as a metrics library's backend does. */
    private static final class DurationRecorder implements MethodMetrics {
        final AtomicLong durations = new AtomicLong();

        @Override
        public void timeoutFinished(boolean timedOut, long nanos) {
            durations.incrementAndGet();
        }

        @Override
        public void bulkheadRan(long nanos) {
            durations.incrementAndGet();
        }

        @Override
        public void bulkheadWaited(long nanos) {
            durations.incrementAndGet();
        }
    }

    private final CountingTicker ticker = new CountingTicker();
    private final Scheduler neverRuns = (task, delayNanos) -> () -> { };
    private final Invocation method = () -> "done";

    @Test
    void aBulkheadReadsNoClockForCountersThatKeepNoDurations() throws Exception {
        assertThat(syncReadsPerCall(new BulkheadStep(Invocation::proceed, new Bulkhead("b", 10), Rejections.plain(),
                ticker, new MethodCounters()))).as("clock reads per call, counters only").isZero();
    }

    @Test
    void aBulkheadReadsTheClockTwiceForABackendThatRecordsDurations() throws Exception {
        DurationRecorder recorder = new DurationRecorder();
        assertThat(syncReadsPerCall(new BulkheadStep(Invocation::proceed, new Bulkhead("b", 10), Rejections.plain(),
                ticker, recorder))).as("clock reads per call, with durations").isEqualTo(2);
        assertThat(recorder.durations).hasValue(CALLS + 1);
    }

    @Test
    void aTimeoutReadsTheClockOnlyForItsDeadlineForCountersThatKeepNoDurations() throws Exception {
        MethodCounters counters = new MethodCounters();
        assertThat(syncReadsPerCall(timeout(counters))).as("clock reads per call, counters only").isEqualTo(1);
        assertThat(counters.inTime()).as("the counters still count").isEqualTo(CALLS + 1);
    }

    @Test
    void aTimeoutReadsTheClockTwiceForABackendThatRecordsDurations() throws Exception {
        assertThat(syncReadsPerCall(timeout(new DurationRecorder())))
                .as("clock reads per call, with durations").isEqualTo(2);
    }

    @Test
    void anAsynchronousBulkheadAndTimeoutReadNoClockForCountersThatKeepNoDurations() {
        MethodCounters counters = new MethodCounters();
        assertThat(asyncReadsPerCall(counters)).as("clock reads per call, counters only").isZero();
        assertThat(counters.bulkheadAccepted()).isEqualTo(CALLS + 1);
        assertThat(counters.inTime()).isEqualTo(CALLS + 1);
    }

    @Test
    void anAsynchronousBulkheadAndTimeoutReadTheClockForABackendThatRecordsDurations() {
        assertThat(asyncReadsPerCall(new DurationRecorder()))
                .as("clock reads per call, with durations: bulkhead submitted, started, ended; timeout start, end")
                .isEqualTo(5);
    }

    private TimeoutStep timeout(MethodMetrics metrics) {
        return new TimeoutStep(Invocation::proceed, "t", 1_000_000_000L, new DeadlineWatcher(neverRuns, ticker),
                Rejections.plain(), ticker, metrics);
    }

    private long syncReadsPerCall(SyncStep step) throws Exception {
        step.call(method);
        long before = ticker.reads.get();
        for (int i = 0; i < CALLS; i++) {
            assertThat(step.call(method)).isEqualTo("done");
        }
        return (ticker.reads.get() - before) / CALLS;
    }

    private long asyncReadsPerCall(MethodMetrics metrics) {
        AsyncBulkheadStep step = new AsyncBulkheadStep(
                new AsyncTimeoutStep(call -> CompletableFuture.completedFuture("done"), "t", 1_000_000_000L, neverRuns,
                        Rejections.plain(), ticker, metrics),
                new AsyncBulkhead("b", 10, 10), Rejections.plain(), ticker, metrics);
        step.call(new AsyncCall(() -> null)).toCompletableFuture().join();
        long before = ticker.reads.get();
        for (int i = 0; i < CALLS; i++) {
            assertThat(step.call(new AsyncCall(() -> null)).toCompletableFuture().join()).isEqualTo("done");
        }
        return (ticker.reads.get() - before) / CALLS;
    }
}
