package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A new policy put in force while the breaker is open or half-open re-judges the current stay:
 * the success threshold decides the half-open stay with the trials it already has, the delay
 * decides the open stay from when it opened. Virtual time, one thread.
 */
class CircuitBreakerReconfigureTest {

    private final VirtualTime time = new VirtualTime();
    private final List<String> transitions = new ArrayList<>();

    /** The first trial of {@link #halfOpen}, still running. */
    private Phase firstTrial;

    /** A breaker that opened and, its delay over, admitted its first trial (in {@link #firstTrial}). */
    private CircuitBreaker halfOpen(int successThreshold) {
        CircuitBreaker breaker = new CircuitBreaker("payments", policy(1, 1_000, successThreshold), time,
                (b, from, to) -> transitions.add(from + "->" + to));
        breaker.record(breaker.tryAcquire(), true);
        time.advance(Duration.ofSeconds(1));
        firstTrial = breaker.tryAcquire();
        assertThat(firstTrial).as("first trial").isNotNull();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        return breaker;
    }

    private static CircuitBreakerPolicy policy(int volume, long delayMillis, int successThreshold) {
        return new CircuitBreakerPolicy(volume, 1.0, TimeUnit.MILLISECONDS.toNanos(delayMillis), successThreshold);
    }

    /** Runs {@code calls} successful calls; returns how many were rejected. */
    private static int rejectedOf(CircuitBreaker breaker, int calls) {
        int rejected = 0;
        for (int i = 0; i < calls; i++) {
            Phase admitted = breaker.tryAcquire();
            if (admitted == null) {
                rejected++;
            } else {
                breaker.record(admitted, false);
            }
        }
        return rejected;
    }

    @Test
    void aLowerSuccessThresholdClosesAHalfOpenStayThatAlreadyHasEnoughSuccesses() {
        CircuitBreaker breaker = new CircuitBreaker("payments", policy(1, 1_000, 5), time,
                (b, from, to) -> transitions.add(from + "->" + to));
        breaker.record(breaker.tryAcquire(), true);
        time.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            Phase trial = breaker.tryAcquire();
            assertThat(trial).as("trial %d", i).isNotNull();
            breaker.record(trial, false);
        }
        assertThat(breaker.state()).as("3 of 5 trials succeeded").isEqualTo(CircuitState.HALF_OPEN);

        breaker.reconfigure(policy(1, 1_000, 2));

        assertThat(rejectedOf(breaker, 1_000)).as("calls rejected of 1,000 after the new policy").isZero();
        assertThat(breaker.state()).as("3 successes reach the new threshold of 2").isEqualTo(CircuitState.CLOSED);
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
        assertThat(breaker.transitions().get(2).cause()).isEqualTo("3 trial calls succeeded (success threshold now 2)");
    }

    @Test
    void aLowerThresholdWithTrialsInFlightAdmitsNoMoreAndTheirNextSuccessCloses() {
        CircuitBreaker breaker = halfOpen(5);
        Phase second = breaker.tryAcquire();
        breaker.record(firstTrial, false);

        breaker.reconfigure(policy(1, 1_000, 2));

        assertThat(breaker.state()).as("1 success of the 2 now needed").isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("3 trials admitted, 2 needed: no fourth").isNull();
        breaker.record(second, false);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(rejectedOf(breaker, 10)).isZero();
    }

    @Test
    void aLowerThresholdWithTrialsInFlightStillOpensOnTheirFailure() {
        CircuitBreaker breaker = halfOpen(5);
        breaker.reconfigure(policy(1, 1_000, 1));
        assertThat(breaker.state()).as("no trial has succeeded yet").isEqualTo(CircuitState.HALF_OPEN);
        breaker.record(firstTrial, true);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void aHigherThresholdAdmitsMoreTrialsAndWaitsForTheirSuccesses() {
        CircuitBreaker breaker = halfOpen(2);
        Phase second = breaker.tryAcquire();
        assertThat(breaker.tryAcquire()).as("2 of 2 trials taken").isNull();

        breaker.reconfigure(policy(1, 1_000, 4));

        Phase third = breaker.tryAcquire();
        Phase fourth = breaker.tryAcquire();
        assertThat(List.of(third, fourth)).doesNotContainNull();
        assertThat(breaker.tryAcquire()).as("4 of 4").isNull();
        breaker.record(firstTrial, false);
        breaker.record(second, false);
        breaker.record(third, false);
        assertThat(breaker.state()).as("3 of 4 successes").isEqualTo(CircuitState.HALF_OPEN);
        breaker.record(fourth, false);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aShorterDelayEndsTheCurrentOpenStayCountedFromWhenItOpened() {
        CircuitBreaker breaker = new CircuitBreaker("payments", policy(1, 60_000, 1), time, CircuitBreakerListener.NONE);
        breaker.record(breaker.tryAcquire(), true);
        time.advance(Duration.ofSeconds(10));
        assertThat(breaker.tryAcquire()).isNull();

        breaker.reconfigure(policy(1, 5_000, 1));

        assertThat(breaker.tryAcquire()).as("opened 10 s ago, the delay is now 5 s").isNotNull();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void aLongerDelayHoldsTheCurrentOpenStay() {
        CircuitBreaker breaker = new CircuitBreaker("payments", policy(1, 60_000, 1), time, CircuitBreakerListener.NONE);
        breaker.record(breaker.tryAcquire(), true);
        time.advance(Duration.ofSeconds(10));

        breaker.reconfigure(policy(1, 120_000, 1));

        time.advance(Duration.ofSeconds(60));
        assertThat(breaker.tryAcquire()).as("70 s open, 120 s now needed").isNull();
        time.advance(Duration.ofSeconds(50));
        assertThat(breaker.tryAcquire()).isNotNull();
    }
}
