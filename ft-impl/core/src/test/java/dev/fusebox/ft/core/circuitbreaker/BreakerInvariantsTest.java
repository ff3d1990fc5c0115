package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.RacingThreads;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Real threads racing on one breaker (on a stopped clock), with invariants checked after the race.
 * In the breaker's package, so it drives {@code tryAcquire}/{@code record} and the window directly.
 * Bounded in rounds; it proves nothing about timing and waits on barriers, never on sleeps.
 */
class BreakerInvariantsTest {

    private final RacingThreads threads = new RacingThreads();
    private final AtomicInteger openings = new AtomicInteger();

    @AfterEach
    void stop() throws InterruptedException {
        threads.close();
    }

    private CircuitBreaker breaker(CircuitBreakerPolicy policy) {
        return new CircuitBreaker("race", policy, () -> 0L, (b, from, to) -> {
            if (to == CircuitState.OPEN) {
                openings.incrementAndGet();
            }
        });
    }

    @RepeatedTest(20)
    void halfOpenBreakerNeverAdmitsMoreThanSuccessThresholdTrials() throws Exception {
        CircuitBreaker breaker = breaker(new CircuitBreakerPolicy(1, 1.0, 0, 3));
        breaker.record(breaker.tryAcquire(), true);
        assertThat(breaker.state()).as("set-up: just opened, zero delay").isEqualTo(CircuitState.OPEN);
        AtomicInteger admitted = new AtomicInteger();

        threads.race(50, () -> {
            if (breaker.tryAcquire() != null) { // a trial that never reports: still running
                admitted.incrementAndGet();
            }
        });

        assertThat(admitted.get()).isEqualTo(3);
    }

    @Test
    void concurrentFailuresCrossingTheThresholdOpenTheBreakerExactlyOnce() throws Exception {
        for (int round = 0; round < 50; round++) {
            openings.set(0);
            CircuitBreaker breaker = breaker(new CircuitBreakerPolicy(16, 0.5, Long.MAX_VALUE, 1));

            threads.race(4, () -> {
                Phase admitted = breaker.tryAcquire();
                if (admitted != null) {
                    breaker.record(admitted, true);
                }
            });

            assertThat(openings.get()).isEqualTo(1);
        }
    }

    @Test
    void rollingWindowLosesNoRecord() throws Exception {
        RollingWindow window = new RollingWindow(64, 65);

        threads.race(10_000, () -> window.record(ThreadLocalRandom.current().nextBoolean()));

        assertThat(window.failures()).isEqualTo(window.contents().chars().filter(c -> c == 'F').count());
    }
}
