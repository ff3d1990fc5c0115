package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.RacingThreads;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.ShadowRecorder;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Real threads racing on one breaker in shadow mode: a half-open stay still
 * admits exactly its trial calls, every other call is let through and counted once, and no call is
 * rejected. Bounded in rounds; waits on barriers, never on sleeps.
 */
class ShadowBreakerInvariantsTest {

    private final RacingThreads threads = new RacingThreads();

    @AfterEach
    void stop() throws InterruptedException {
        threads.close();
    }

    @RepeatedTest(20)
    void halfOpenInShadowModeAdmitsExactlyItsTrialsAndLetsEveryOtherCallThrough() throws Exception {
        CircuitBreaker breaker = new CircuitBreaker("race", new CircuitBreakerPolicy(1, 1.0, 0, 3), () -> 0L,
                CircuitBreakerListener.NONE);
        breaker.record(breaker.tryAcquire(), true);
        assertThat(breaker.state()).as("set-up: just opened, zero delay").isEqualTo(CircuitState.OPEN);
        breaker.setShadow(true);
        AtomicInteger trials = new AtomicInteger();
        AtomicInteger letThrough = new AtomicInteger();
        AtomicInteger rejected = new AtomicInteger();

        threads.race(50, () -> {
            Phase admitted = breaker.tryAcquire(); // a trial never reports: still running
            AtomicInteger counter = admitted == null ? rejected : admitted == Phase.SHADOWED ? letThrough : trials;
            counter.incrementAndGet();
        });

        assertThat(trials.get()).isEqualTo(3);
        assertThat(rejected.get()).isZero();
        assertThat(letThrough.get()).isEqualTo(RacingThreads.THREADS * 50 - 3);
        assertThat(breaker.wouldReject()).isEqualTo(letThrough.get());
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void noCallIsRejectedAndEachIsEitherJudgedOrCountedOnce() throws Exception {
        AtomicLong reads = new AtomicLong();
        // time moves one nanosecond per clock read: an open stay lasts about 50 calls, then trials
        CircuitBreaker breaker = new CircuitBreaker("race", new CircuitBreakerPolicy(8, 0.5, 50, 2),
                reads::incrementAndGet, CircuitBreakerListener.NONE);
        breaker.setShadow(true);
        ShadowRecorder metrics = new ShadowRecorder();
        CircuitBreakerStep step = new CircuitBreakerStep(Invocation::proceed, breaker,
                new ExceptionClassifier(List.of(IOException.class), List.of()), Rejections.plain(), metrics);
        LongAdder ran = new LongAdder();
        int rounds = 2_000;

        threads.race(rounds, () -> {
            try {
                step.call(() -> {
                    ran.increment();
                    if (ThreadLocalRandom.current().nextInt(3) == 0) {
                        throw new IOException("down");
                    }
                    return "up";
                });
            } catch (IOException expected) {
                // the method's own failure
            } catch (Exception e) {
                throw new AssertionError("rejected in shadow mode", e);
            }
        });

        long calls = (long) RacingThreads.THREADS * rounds;
        List<String> decisions = metrics.decisions();
        assertThat(ran.sum()).isEqualTo(calls);
        assertThat(decisions).hasSize((int) calls).doesNotContain("CIRCUIT_BREAKER_OPEN");
        assertThat(decisions.stream().filter("WOULD_REJECT"::equals).count()).as("let through, each reported once")
                .isEqualTo(breaker.wouldReject()).as("a third of the calls fail: the breaker opens").isPositive();
    }
}
