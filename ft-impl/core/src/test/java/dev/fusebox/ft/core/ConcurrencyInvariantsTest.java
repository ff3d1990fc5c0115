package dev.fusebox.ft.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.bulkhead.BulkheadProbe;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real threads racing on the lock-free bulkheads, with invariants checked during and after the race
 * (the breaker's are in {@code circuitbreaker.BreakerInvariantsTest}).
 * Bounded in rounds; it proves nothing about timing and waits on barriers, never on sleeps.
 */
class ConcurrencyInvariantsTest {

    private final RacingThreads threads = new RacingThreads();

    @AfterEach
    void stop() throws InterruptedException {
        threads.close();
    }

    private void race(int rounds, Runnable work) throws Exception {
        threads.race(rounds, work);
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
}
