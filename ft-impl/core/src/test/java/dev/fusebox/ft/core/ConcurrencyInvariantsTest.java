package dev.fusebox.ft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.bulkhead.BulkheadProbe;
import dev.fusebox.ft.core.circuitbreaker.BreakerProbe;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Real threads racing on the lock-free engines, with invariants checked during and after the race.
 * Bounded in rounds; it proves nothing about timing and waits on barriers, never on sleeps.
 */
class ConcurrencyInvariantsTest {

    private static final int THREADS = 8;
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    private void race(int rounds, Runnable work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    work.run();
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void syncBulkheadNeverExceedsItsLimitAndEndsEmpty() throws Exception {
        BulkheadProbe probe = BulkheadProbe.sync(3);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        race(20_000, () -> probe.callThrough(() -> {
            most.accumulateAndGet(inside.incrementAndGet(), Math::max);
            Thread.onSpinWait();
            inside.decrementAndGet();
        }));
        assertThat(most.get()).isBetween(1, 3);
        assertThat(probe.running()).isZero();
    }

    @Test
    void asyncBulkheadPermitsNeverLeakUnderSubmitCancelAndCompleteRaces() throws Exception {
        BulkheadProbe probe = BulkheadProbe.async(2, 3);
        race(5_000, () -> probe.submitThenCompleteOrCancel(ThreadLocalRandom.current().nextInt(3)));
        probe.completeEverythingStarted();
        assertThat(probe.mostRunning()).isBetween(1, 2);
        assertThat(probe.running()).isZero();
        assertThat(probe.waiting()).isZero();
    }

    @RepeatedTest(20)
    void halfOpenBreakerNeverAdmitsMoreThanSuccessThresholdTrials() throws Exception {
        BreakerProbe probe = BreakerProbe.openWithZeroDelay(3);
        AtomicInteger admitted = new AtomicInteger();
        race(50, () -> {
            if (probe.tryTrialAndHold()) {
                admitted.incrementAndGet();
            }
        });
        assertThat(admitted.get()).isEqualTo(3);
    }

    @Test
    void concurrentFailuresCrossingTheThresholdOpenTheBreakerExactlyOnce() throws Exception {
        for (int round = 0; round < 50; round++) {
            BreakerProbe probe = BreakerProbe.closed(16, 0.5);
            race(4, () -> probe.recordOutcome(true));
            assertThat(probe.transitionsToOpen()).isEqualTo(1);
        }
    }

    @Test
    void rollingWindowLosesNoRecord() throws Exception {
        BreakerProbe probe = BreakerProbe.window(64);
        race(10_000, () -> probe.recordInWindow(ThreadLocalRandom.current().nextBoolean()));
        assertThat(probe.windowFailureCount()).isEqualTo(probe.failureSlotsInWindow());
    }
}
