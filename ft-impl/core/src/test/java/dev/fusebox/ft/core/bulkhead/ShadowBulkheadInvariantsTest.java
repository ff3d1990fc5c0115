package dev.fusebox.ft.core.bulkhead;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.RacingThreads;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.ShadowRecorder;
import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real threads racing on bulkheads in shadow mode: the permits in use never exceed the limit while
 * calls over the limit run beside them, every call is either a permit holder or counted as a
 * would-be rejection, and the permits end at zero. Bounded in rounds; waits on barriers, never on
 * sleeps; asserts nothing about timing.
 */
class ShadowBulkheadInvariantsTest {

    private static final int LIMIT = 2;
    private static final int ROUNDS = 5_000;

    private final RacingThreads threads = new RacingThreads();
    private final ShadowRecorder metrics = new ShadowRecorder();
    private final AtomicInteger inside = new AtomicInteger();
    private final AtomicInteger mostInside = new AtomicInteger();
    private final AtomicInteger mostInUse = new AtomicInteger();
    private final LongAdder ran = new LongAdder();

    @AfterEach
    void stop() throws InterruptedException {
        threads.close();
    }

    /** The guarded work: notes how many calls run and how many permits are in use, beside it. */
    private Object work(int inUse) {
        ran.increment();
        mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
        mostInUse.accumulateAndGet(inUse, Math::max);
        Thread.onSpinWait();
        inside.decrementAndGet();
        return "done";
    }

    @Test
    void syncPermitsInUseNeverExceedTheLimitWhileOverLimitCallsRun() throws Exception {
        Bulkhead bulkhead = new Bulkhead("stress", LIMIT);
        bulkhead.setShadow(true);
        BulkheadStep step = new BulkheadStep(Invocation::proceed, bulkhead, Rejections.plain(), Ticker.system(),
                metrics);
        // first, every thread's call inside at once: an enforcing bulkhead would never get them all there
        CyclicBarrier allInside = new CyclicBarrier(RacingThreads.THREADS);
        threads.race(1, () -> {
            try {
                step.call(() -> {
                    mostInUse.accumulateAndGet(bulkhead.running(), Math::max);
                    mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    allInside.await(10, TimeUnit.SECONDS);
                    inside.decrementAndGet();
                    ran.increment();
                    return "first round";
                });
                for (int i = 0; i < ROUNDS; i++) {
                    step.call(() -> work(bulkhead.running()));
                }
            } catch (Exception e) {
                throw new AssertionError("a call failed in shadow mode", e);
            }
        });
        long calls = (long) RacingThreads.THREADS * (ROUNDS + 1);
        assertThat(mostInside.get()).as("calls running at once").isEqualTo(RacingThreads.THREADS);
        assertThat(mostInUse.get()).as("permits in use, seen from inside the calls").isBetween(1, LIMIT);
        assertThat(ran.sum()).as("every call ran").isEqualTo(calls);
        assertThat(bulkhead.wouldReject()).as("at least the threads beyond the limit in the first round")
                .isGreaterThanOrEqualTo(RacingThreads.THREADS - LIMIT);
        assertThat(metrics.bulkheadAccepted() + bulkhead.wouldReject()).as("permit holders + would-rejects")
                .isEqualTo(calls);
        assertThat(metrics.bulkheadShadowed()).isEqualTo(bulkhead.wouldReject());
        assertThat(metrics.bulkheadRejected()).isZero();
        assertThat(bulkhead.running()).as("permits left in use").isZero();
    }

    @Test
    void syncInvariantsHoldWhileShadowModeIsSwitchedOnAndOffDuringTheRace() throws Exception {
        Bulkhead bulkhead = new Bulkhead("switching", LIMIT);
        BulkheadStep step = new BulkheadStep(Invocation::proceed, bulkhead, Rejections.plain(), Ticker.system(),
                metrics);
        LongAdder rejected = new LongAdder();
        AtomicInteger turn = new AtomicInteger();
        threads.race(ROUNDS, () -> {
            if (turn.incrementAndGet() % 64 == 0) {
                bulkhead.setShadow(!bulkhead.isShadow());
            }
            try {
                step.call(() -> work(bulkhead.running()));
            } catch (RejectedExecutionException e) {
                rejected.increment();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        long calls = (long) RacingThreads.THREADS * ROUNDS;
        assertThat(mostInUse.get()).isBetween(1, LIMIT);
        assertThat(ran.sum() + rejected.sum()).isEqualTo(calls);
        assertThat(metrics.bulkheadAccepted() + bulkhead.wouldReject()).isEqualTo(ran.sum());
        assertThat(metrics.bulkheadRejected()).isEqualTo(rejected.sum());
        assertThat(bulkhead.running()).isZero();
    }

    @Test
    void asyncSlotsAndQueuePlacesNeverExceedTheirLimitsWhileOverLimitCallsRun() throws Exception {
        AsyncBulkhead bulkhead = new AsyncBulkhead("async stress", LIMIT, 1);
        bulkhead.setShadow(true);
        AtomicInteger mostWaiting = new AtomicInteger();
        AsyncBulkheadStep step = new AsyncBulkheadStep(call -> {
            mostWaiting.accumulateAndGet(bulkhead.waiting(), Math::max);
            return CompletableFuture.completedFuture(work(bulkhead.running()));
        }, bulkhead, Rejections.plain(), Ticker.system(), metrics);
        LongAdder completed = new LongAdder();
        threads.race(ROUNDS, () -> step.call(new AsyncCall(() -> null)).whenComplete((value, failure) -> {
            if (failure != null) {
                throw new AssertionError("a call failed in shadow mode", failure);
            }
            completed.increment();
        }));
        long calls = (long) RacingThreads.THREADS * ROUNDS;
        assertThat(completed.sum()).as("every call completed with its value").isEqualTo(calls);
        assertThat(mostInUse.get()).as("slots in use, seen from inside the calls").isBetween(1, LIMIT);
        assertThat(mostWaiting.get()).as("queue places in use").isBetween(0, 1);
        assertThat(metrics.bulkheadAccepted() + bulkhead.wouldReject()).isEqualTo(calls);
        assertThat(metrics.bulkheadRejected()).isZero();
        assertThat(bulkhead.running()).isZero();
        assertThat(bulkhead.waiting()).isZero();
    }
}
