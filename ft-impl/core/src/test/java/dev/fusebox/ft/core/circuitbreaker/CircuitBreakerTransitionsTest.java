package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Every transition of the breaker's state machine and its edges, in virtual time. Outcomes are
 * recorded against the phase a call was admitted in, as the steps do.
 */
class CircuitBreakerTransitionsTest {

    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final List<String> transitions = new ArrayList<>();

    private CircuitBreaker breaker(int volume, double ratio, long delayNanos, int successes) {
        return new CircuitBreaker("cb", new CircuitBreakerPolicy(volume, ratio, delayNanos, successes), time,
                (b, from, to) -> transitions.add(from + "->" + to));
    }

    private static void succeed(CircuitBreaker breaker) {
        breaker.record(admit(breaker), false);
    }

    private static void fail(CircuitBreaker breaker) {
        breaker.record(admit(breaker), true);
    }

    private static Phase admit(CircuitBreaker breaker) {
        Phase phase = breaker.tryAcquire();
        assertThat(phase).as("admitted in " + breaker.state()).isNotNull();
        return phase;
    }

    private static CircuitBreakerStep step(CircuitBreaker breaker, ExceptionClassifier failOn) {
        return new CircuitBreakerStep(invocation -> invocation.proceed(), breaker, failOn, Rejections.plain(),
                MethodMetrics.NONE);
    }

    @Test
    void aWindowThatIsNotFullNeverOpensEvenWhenEveryOutcomeFailed() {
        CircuitBreaker breaker = breaker(5, 0.5, 100 * MS, 1);
        for (int i = 0; i < 4; i++) {
            fail(breaker);
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.windowFailures()).isEqualTo(4);
        assertThat(breaker.windowSize()).isEqualTo(4);
        fail(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void theFailureCountToOpenIsTheSmallestThatReachesTheRatio() {
        assertThat(new CircuitBreakerPolicy(4, 0.75, 0, 1).failuresToOpen()).isEqualTo(3);
        assertThat(new CircuitBreakerPolicy(10, 0.3, 0, 1).failuresToOpen()).isEqualTo(3);
        assertThat(new CircuitBreakerPolicy(3, 0.5, 0, 1).failuresToOpen()).isEqualTo(2);
        assertThat(new CircuitBreakerPolicy(20, 0.1, 0, 1).failuresToOpen()).isEqualTo(2);
        assertThat(new CircuitBreakerPolicy(7, 1.0, 0, 1).failuresToOpen()).isEqualTo(7);
        assertThat(new CircuitBreakerPolicy(100, 0.01, 0, 1).failuresToOpen()).isEqualTo(1);
    }

    @Test
    void oneFailureShortOfTheRatioInAFullWindowStaysClosed() {
        CircuitBreaker breaker = breaker(10, 0.3, 100 * MS, 1);
        for (int i = 0; i < 20; i++) {
            if (i % 10 < 2) {
                fail(breaker);
            } else {
                succeed(breaker);
            }
        }
        assertThat(breaker.state()).as("2 of every 10 failed").isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.windowFailures()).isEqualTo(2);
    }

    @Test
    void theListenerIsToldOncePerTransitionWithTheBreakerThatMoved() {
        List<CircuitBreaker> reported = new ArrayList<>();
        CircuitBreaker breaker = new CircuitBreaker("cb", new CircuitBreakerPolicy(2, 1.0, 100 * MS, 2), time,
                (b, from, to) -> {
                    reported.add(b);
                    transitions.add(from + "->" + to);
                });
        Phase a = admit(breaker);
        Phase b = admit(breaker);
        Phase c = admit(breaker);
        breaker.record(a, true);
        breaker.record(b, true);
        breaker.record(c, true);
        assertThat(transitions).as("a third failure from the closed phase reports nothing").containsExactly("CLOSED->OPEN");
        for (int i = 0; i < 5; i++) {
            assertThat(breaker.tryAcquire()).isNull();
        }
        time.advance(Duration.ofMillis(100));
        Phase t1 = admit(breaker);
        Phase t2 = admit(breaker);
        assertThat(breaker.tryAcquire()).isNull();
        breaker.record(t1, false);
        breaker.record(t2, false);
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
        assertThat(reported).hasSize(3).allMatch(r -> r == breaker);
    }

    @Test
    void successThresholdSuccessesCloseWithAFreshWindowThatMustFillAgain() {
        CircuitBreaker breaker = breaker(2, 0.5, 0, 1);
        fail(breaker);
        fail(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        succeed(breaker);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.windowSize()).isZero();
        assertThat(breaker.windowFailures()).isZero();
        fail(breaker);
        assertThat(breaker.state()).as("one outcome in a fresh window of two").isEqualTo(CircuitState.CLOSED);
        succeed(breaker);
        assertThat(breaker.state()).as("1 of 2 = 0.5").isEqualTo(CircuitState.OPEN);
    }

    @Test
    void aReopenedCircuitWaitsTheWholeDelayFromTheReopening() {
        CircuitBreaker breaker = breaker(1, 1.0, 100 * MS, 1);
        fail(breaker);
        time.advance(Duration.ofMillis(100));
        Phase trial = admit(breaker);
        time.advance(Duration.ofMillis(50));
        breaker.record(trial, true);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        time.advance(Duration.ofMillis(99));
        assertThat(breaker.tryAcquire()).isNull();
        time.advance(Duration.ofMillis(1));
        assertThat(breaker.tryAcquire()).isNotNull();
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN", "OPEN->HALF_OPEN");
    }

    @Test
    void theFirstFailedTrialReopensAndTheOtherTrialsOfThatPhaseAreIgnored() {
        CircuitBreaker breaker = breaker(1, 1.0, 10 * MS, 3);
        fail(breaker);
        time.advance(Duration.ofMillis(10));
        Phase t1 = admit(breaker);
        Phase t2 = admit(breaker);
        Phase t3 = admit(breaker);
        breaker.record(t1, false);
        breaker.record(t2, true);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        breaker.record(t3, false);
        assertThat(breaker.state()).as("a late trial success does not close a reopened circuit").isEqualTo(CircuitState.OPEN);

        time.advance(Duration.ofMillis(10));
        Phase next = admit(breaker);
        breaker.record(t1, true);
        assertThat(breaker.state()).as("a late trial failure does not touch the next half-open phase")
                .isEqualTo(CircuitState.HALF_OPEN);
        assertThat(List.of(admit(breaker), admit(breaker))).as("the new phase counts its own trials").hasSize(2);
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(next).isNotNull();
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN", "OPEN->HALF_OPEN");
    }

    @Test
    void lateOutcomesDoNotLeakIntoTheFreshClosedWindow() {
        CircuitBreaker breaker = breaker(2, 1.0, 0, 1);
        Phase slowClosed = admit(breaker);
        fail(breaker);
        fail(breaker);
        Phase trial = admit(breaker);
        breaker.record(trial, false);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        breaker.record(slowClosed, true);
        assertThat(breaker.windowSize()).isZero();
        assertThat(breaker.windowFailures()).isZero();
    }

    @Test
    void aHalfOpenCircuitRejectsCallsBeyondItsTrialsWithTheRejectionException() throws Exception {
        CircuitBreaker breaker = breaker(1, 1.0, 0, 1);
        CircuitBreakerStep step = step(breaker, ExceptionClassifier.all());
        assertThatThrownBy(() -> step.call(() -> {
            throw new IOException("opens");
        })).isInstanceOf(IOException.class);
        Object outer = step.call(() -> {
            assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
            assertThatThrownBy(() -> step.call(() -> "second trial"))
                    .isInstanceOf(IllegalStateException.class).hasMessage("circuit breaker open: cb");
            return "trial";
        });
        assertThat(outer).isEqualTo("trial");
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void skipOnWinsOverFailOnAndOtherExceptionsCountAsSuccesses() throws Exception {
        CircuitBreaker breaker = breaker(2, 0.5, 0, 1);
        ExceptionClassifier failOn = new ExceptionClassifier(List.of(RuntimeException.class),
                List.of(IllegalArgumentException.class));
        CircuitBreakerStep step = step(breaker, failOn);
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> step.call(() -> {
                throw new NumberFormatException("an IllegalArgumentException: skipped");
            })).isInstanceOf(NumberFormatException.class);
            assertThatThrownBy(() -> step.call(() -> {
                throw new IOException("checked, not in failOn");
            })).isInstanceOf(IOException.class);
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.windowFailures()).isZero();
        assertThat(step.call(() -> "ok")).isEqualTo("ok");
        assertThatThrownBy(() -> step.call(() -> {
            throw new IllegalStateException("in failOn");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void anErrorCountsAsAFailureWhenFailOnIsThrowable() {
        CircuitBreaker breaker = breaker(1, 1.0, 100 * MS, 1);
        CircuitBreakerStep step = step(breaker, new ExceptionClassifier(List.of(Throwable.class), List.of()));
        assertThatThrownBy(() -> step.call(() -> {
            throw new StackOverflowError("deep");
        })).isInstanceOf(StackOverflowError.class);
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void aThrowingListenerDoesNotChangeTheCallersOutcome() throws Exception {
        CircuitBreaker breaker = new CircuitBreaker("loud", new CircuitBreakerPolicy(1, 1.0, 0, 1), time,
                (b, from, to) -> {
                    transitions.add(from + "->" + to);
                    throw new IllegalStateException("listener bug");
                });
        CircuitBreakerStep step = step(breaker, ExceptionClassifier.all());
        IOException failure = new IOException("the method's own");
        assertThatThrownBy(() -> step.call(() -> {
            throw failure;
        })).isSameAs(failure);
        assertThat(step.call(() -> "trial result")).isEqualTo("trial result");
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(transitions).containsExactly("CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
    }

    @Test
    void theDelayIsMeasuredAcrossAWrapOfTheTicker() {
        AtomicLong ticks = new AtomicLong(Long.MAX_VALUE - 10);
        CircuitBreaker breaker = new CircuitBreaker("wrap", new CircuitBreakerPolicy(1, 1.0, 1_000, 1), ticks::get,
                CircuitBreakerListener.NONE);
        fail(breaker);
        ticks.addAndGet(20);
        assertThat(ticks.get()).as("the ticker wrapped").isNegative();
        assertThat(breaker.tryAcquire()).as("20 ns of a 1000 ns delay").isNull();
        ticks.addAndGet(979);
        assertThat(breaker.tryAcquire()).isNull();
        ticks.addAndGet(1);
        assertThat(breaker.tryAcquire()).isNotNull();
    }

    @Test
    void theLongestDelayNeverEnds() {
        AtomicLong ticks = new AtomicLong(-1_000);
        CircuitBreaker breaker = new CircuitBreaker("forever", new CircuitBreakerPolicy(1, 1.0, Long.MAX_VALUE, 1),
                ticks::get, CircuitBreakerListener.NONE);
        fail(breaker);
        ticks.set(Long.MAX_VALUE - 1_001);
        assertThat(breaker.tryAcquire()).isNull();
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void policyMessagesNameTheParameterAndTheValue() {
        assertThatThrownBy(() -> new CircuitBreakerPolicy(0, 0.5, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("requestVolumeThreshold must be at least 1: 0");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(1, -0.1, 0, 1)).hasMessage("failureRatio must be between 0 and 1: -0.1");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(1, 0.5, -5, 1)).hasMessage("delay must not be negative: -5");
        assertThatThrownBy(() -> new CircuitBreakerPolicy(1, 0.5, 0, -1)).hasMessage("successThreshold must be at least 1: -1");
        assertThat(new CircuitBreakerPolicy(1, 0, 0, 1)).as("the bounds themselves are valid").isNotNull();
        assertThatThrownBy(() -> new CircuitBreakerPolicy(CircuitBreakerPolicy.MAX_REQUEST_VOLUME + 1, 0.5, 0, 1))
                .hasMessage("requestVolumeThreshold must be at most 1073741823: 1073741824");
        assertThat(new CircuitBreakerPolicy(CircuitBreakerPolicy.MAX_REQUEST_VOLUME, 1, Long.MAX_VALUE,
                Integer.MAX_VALUE)).isNotNull();
    }
}
