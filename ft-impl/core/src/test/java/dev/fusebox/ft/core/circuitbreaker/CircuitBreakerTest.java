package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.metrics.MethodMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Rejections;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final VirtualTime time = new VirtualTime();
    private final List<String> transitions = new ArrayList<>();

    private CircuitBreaker breaker(int volume, double ratio, long delayMillis, int successes) {
        return new CircuitBreaker("test", new CircuitBreakerPolicy(volume, ratio, TimeUnit.MILLISECONDS.toNanos(delayMillis),
                successes), time, (b, from, to) -> transitions.add(from + "->" + to));
    }

    private static void outcome(CircuitBreaker breaker, boolean failure) {
        Phase phase = breaker.tryAcquire();
        assertThat(phase).as("admitted").isNotNull();
        breaker.record(phase, failure);
    }

    @Test
    void opensExactlyWhenTheFullWindowReachesTheRatio() {
        CircuitBreaker breaker = breaker(4, 0.75, 1000, 1);
        outcome(breaker, true);
        outcome(breaker, true);
        outcome(breaker, true);
        assertThat(breaker.state()).as("window not full yet").isEqualTo(CircuitState.CLOSED);
        outcome(breaker, false);
        assertThat(breaker.state()).as("3 of 4 failed = 0.75").isEqualTo(CircuitState.OPEN);
        assertThat(transitions).containsExactly("CLOSED->OPEN");
    }

    @Test
    void staysClosedBelowTheRatio() {
        CircuitBreaker breaker = breaker(4, 0.75, 1000, 1);
        outcome(breaker, true);
        outcome(breaker, true);
        outcome(breaker, false);
        outcome(breaker, false);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void floatingPointRatioOnTheEdgeStillOpens() {
        CircuitBreaker breaker = breaker(10, 0.3, 1000, 1);
        for (int i = 0; i < 7; i++) {
            outcome(breaker, false);
        }
        outcome(breaker, true);
        outcome(breaker, true);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        outcome(breaker, true);
        assertThat(breaker.state()).as("3 of 10 = 0.3").isEqualTo(CircuitState.OPEN);
    }

    @Test
    void oldOutcomesRollOutOfTheWindow() {
        CircuitBreaker breaker = breaker(3, 1.0, 1000, 1);
        outcome(breaker, true);
        outcome(breaker, true);
        outcome(breaker, false);
        outcome(breaker, true);
        assertThat(breaker.state()).as("last three: F,S,F").isEqualTo(CircuitState.CLOSED);
        outcome(breaker, true);
        assertThat(breaker.state()).as("last three: S,F,F").isEqualTo(CircuitState.CLOSED);
        outcome(breaker, true);
        assertThat(breaker.state()).as("last three: F,F,F").isEqualTo(CircuitState.OPEN);
    }

    @Test
    void openRejectsUntilTheDelayThenAdmitsTrials() {
        CircuitBreaker breaker = breaker(1, 1.0, 1000, 1);
        outcome(breaker, true);
        assertThat(breaker.tryAcquire()).isNull();
        time.advance(Duration.ofMillis(999));
        assertThat(breaker.tryAcquire()).as("still inside the delay").isNull();
        time.advance(Duration.ofMillis(1));
        Phase trial = breaker.tryAcquire();
        assertThat(trial).isNotNull();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        breaker.record(trial, false);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    }

    @Test
    void zeroDelayGoesHalfOpenOnTheNextCall() {
        CircuitBreaker breaker = breaker(1, 1.0, 0, 1);
        outcome(breaker, true);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.tryAcquire()).isNotNull();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void maximumDelayDoesNotOverflow() {
        CircuitBreaker breaker = new CircuitBreaker("max", new CircuitBreakerPolicy(1, 1.0, Long.MAX_VALUE, 1), time,
                CircuitBreakerListener.NONE);
        outcome(breaker, true);
        time.advance(Duration.ofDays(365 * 100));
        assertThat(breaker.tryAcquire()).isNull();
    }

    @Test
    void halfOpenAdmitsAtMostSuccessThresholdTrials() {
        CircuitBreaker breaker = breaker(1, 1.0, 10, 3);
        outcome(breaker, true);
        time.advance(Duration.ofMillis(10));
        Phase first = breaker.tryAcquire();
        Phase second = breaker.tryAcquire();
        Phase third = breaker.tryAcquire();
        assertThat(List.of(first, second, third)).doesNotContainNull();
        assertThat(breaker.tryAcquire()).as("a fourth concurrent trial").isNull();
        breaker.record(first, false);
        breaker.record(second, false);
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.tryAcquire()).as("trials are counted in all, not released").isNull();
        breaker.record(third, false);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.windowSize()).as("a fresh window").isZero();
    }

    @Test
    void aTrialThatNeverReturnsHoldsTheBreakerHalfOpenAndShowsInTheSnapshot() {
        CircuitBreaker breaker = breaker(1, 1.0, 10, 2);
        outcome(breaker, true);
        time.advance(Duration.ofMillis(10));
        Phase first = breaker.tryAcquire();
        breaker.record(first, false);
        Phase hanging = breaker.tryAcquire();
        assertThat(hanging).isNotNull();

        time.advance(Duration.ofMinutes(4));
        for (int i = 0; i < 100; i++) {
            assertThat(breaker.tryAcquire()).as("both trials taken, one still out").isNull();
        }
        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(snapshot.nanosInState()).isEqualTo(Duration.ofMinutes(4).toNanos());
        assertThat(snapshot.trialsAdmitted()).isEqualTo(2);
        assertThat(snapshot.trialsInFlight()).isEqualTo(1);
        breaker.record(hanging, true);
        assertThat(breaker.snapshot().trialsInFlight()).as("open: no trials").isZero();
    }

    @Test
    void aFailedTrialReopens() {
        CircuitBreaker breaker = breaker(1, 1.0, 10, 2);
        outcome(breaker, true);
        time.advance(Duration.ofMillis(10));
        Phase trial = breaker.tryAcquire();
        breaker.record(trial, true);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.tryAcquire()).as("the delay starts again").isNull();
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN");
    }

    @Test
    void outcomesOfCallsAdmittedInAnEarlierPhaseAreIgnored() {
        CircuitBreaker breaker = breaker(2, 1.0, 10, 1);
        Phase slowCall = breaker.tryAcquire();
        outcome(breaker, true);
        outcome(breaker, true);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        time.advance(Duration.ofMillis(10));
        Phase trial = breaker.tryAcquire();
        breaker.record(slowCall, true);
        assertThat(breaker.state()).as("a late failure from CLOSED does not touch HALF_OPEN").isEqualTo(CircuitState.HALF_OPEN);
        breaker.record(trial, false);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.windowSize()).isZero();
    }

    @Test
    void aThrowingListenerDoesNotBreakTheCall() {
        CircuitBreaker breaker = new CircuitBreaker("loud", new CircuitBreakerPolicy(1, 1.0, 10, 1), time,
                (b, from, to) -> {
                    throw new IllegalStateException("listener bug");
                });
        outcome(breaker, true);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void stepCountsFailuresByFailOnAndSkipOn() {
        CircuitBreaker breaker = breaker(2, 1.0, 1000, 1);
        ExceptionClassifier failOn = new ExceptionClassifier(List.of(IOException.class), List.of(java.io.FileNotFoundException.class));
        CircuitBreakerStep step = new CircuitBreakerStep(invocation -> invocation.proceed(), breaker, failOn, Rejections.plain(),
                MethodMetrics.NONE);
        assertThatThrownBy(() -> step.call(() -> {
            throw new java.io.FileNotFoundException("skipped: counts as success");
        })).isInstanceOf(java.io.FileNotFoundException.class);
        assertThatThrownBy(() -> step.call(() -> {
            throw new IllegalStateException("not in failOn: success");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(breaker.windowFailures()).isZero();
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> step.call(() -> {
                throw new IOException("counts");
            })).isInstanceOf(IOException.class);
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThatThrownBy(() -> step.call(() -> "never runs")).hasMessageContaining("circuit breaker open: test");
    }

    @Test
    void policyRejectsInvalidValues() {
        assertThatThrownBy(() -> new CircuitBreakerPolicy(0, 0.5, 0, 1)).hasMessageContaining("requestVolumeThreshold");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(1, 1.5, 0, 1)).hasMessageContaining("failureRatio");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(1, Double.NaN, 0, 1)).hasMessageContaining("failureRatio");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(1, 0.5, -1, 1)).hasMessageContaining("delay");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(1, 0.5, 0, 0)).hasMessageContaining("successThreshold");
    }
}
