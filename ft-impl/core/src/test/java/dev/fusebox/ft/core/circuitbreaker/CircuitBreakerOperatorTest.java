package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Operator actions on a breaker: forcing, release, reset, expiry, live policy changes, causes. */
class CircuitBreakerOperatorTest {

    private final VirtualTime time = new VirtualTime();
    private final List<Transition> seen = new ArrayList<>();

    private CircuitBreaker breaker(int volume, double ratio, long delayMillis, int successes) {
        CircuitBreaker breaker = new CircuitBreaker("payments", new CircuitBreakerPolicy(volume, ratio,
                TimeUnit.MILLISECONDS.toNanos(delayMillis), successes), time, CircuitBreakerListener.NONE);
        breaker.listen(new CircuitBreakerListener() {
            @Override
            public void onStateChange(CircuitBreaker b, CircuitState from, CircuitState to) {
                throw new AssertionError("onTransition is the method called");
            }

            @Override
            public void onTransition(CircuitBreaker b, Transition transition) {
                seen.add(transition);
            }
        });
        return breaker;
    }

    /** Runs one call through the breaker; false when it was rejected. */
    private static boolean call(CircuitBreaker breaker, Throwable failure) {
        Phase phase = breaker.tryAcquire();
        if (phase == null) {
            return false;
        }
        breaker.record(phase, failure != null, failure);
        return true;
    }

    private long in(Duration duration) {
        return time.nanoTime() + duration.toNanos();
    }

    @Test
    void forcedOpenHoldsAgainstAThousandSuccessesAndRejectsEveryCall() {
        CircuitBreaker breaker = breaker(4, 0.5, 10, 1);
        breaker.force(CircuitState.OPEN, "alice", "payments provider down", Forced.NEVER);
        for (int i = 0; i < 1000; i++) {
            time.advance(Duration.ofSeconds(1)); // far beyond the 10 ms delay: no half-open
            assertThat(call(breaker, null)).as("call %d admitted", i).isFalse();
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.forced().by()).isEqualTo("alice");
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).cause()).isEqualTo("forced open by alice: payments provider down");
    }

    @Test
    void forcedClosedAdmitsEverythingAndNeverOpensButKeepsCounting() {
        CircuitBreaker breaker = breaker(4, 0.5, 10, 1);
        breaker.force(CircuitState.CLOSED, "bob", "false alarms", Forced.NEVER);
        for (int i = 0; i < 100; i++) {
            assertThat(call(breaker, new IOException("boom"))).isTrue();
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.windowFailures()).isEqualTo(4);
        assertThat(snapshot.window()).isEqualTo("FFFF");
        assertThat(snapshot.failureRatio()).isEqualTo(1.0);
        assertThat(snapshot.forced().state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void releasingForcedClosedJudgesTheKeptWindowOnTheNextOutcome() {
        CircuitBreaker breaker = breaker(4, 0.5, 10, 1);
        breaker.force(CircuitState.CLOSED, "bob", "false alarms", Forced.NEVER);
        for (int i = 0; i < 4; i++) {
            call(breaker, new IOException("boom"));
        }
        Transition released = breaker.release("bob");
        assertThat(released.from()).isEqualTo(CircuitState.CLOSED);
        assertThat(released.to()).isEqualTo(CircuitState.CLOSED);
        assertThat(released.forced()).isNull();
        assertThat(breaker.snapshot().windowFailures()).isEqualTo(4);
        call(breaker, new IOException("again"));
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }

    @Test
    void releasingForcedOpenGoesHalfOpenSoTrialsDecide() {
        CircuitBreaker breaker = breaker(4, 0.5, 60_000, 2);
        breaker.force(CircuitState.OPEN, "alice", "outage", Forced.NEVER);
        breaker.release("alice");
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.forced()).isNull();
        assertThat(call(breaker, null)).isTrue();
        assertThat(call(breaker, null)).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.release("alice")).as("nothing to release").isNull();
    }

    @Test
    void expiryReturnsToAutomaticInVirtualTime() {
        CircuitBreaker breaker = breaker(4, 0.5, 10, 1);
        breaker.force(CircuitState.OPEN, "alice", "maintenance window", in(Duration.ofMinutes(30)));
        time.advance(Duration.ofMinutes(29));
        assertThat(call(breaker, null)).isFalse();
        assertThat(breaker.forced()).isNotNull();
        time.advance(Duration.ofMinutes(1));
        assertThat(breaker.forced()).as("read after expiry").isNull();
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(call(breaker, null)).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(seen).extracting(Transition::cause)
                .containsExactly("forced open by alice: maintenance window", "forcing by alice expired",
                        "1 trial calls succeeded");
    }

    @Test
    void expiryIsNoticedByACallWithoutAnyRead() {
        CircuitBreaker breaker = breaker(4, 0.5, 10, 1);
        breaker.force(CircuitState.CLOSED, "bob", "hold", in(Duration.ofSeconds(5)));
        time.advance(Duration.ofSeconds(6));
        for (int i = 0; i < 4; i++) {
            call(breaker, new IOException("boom"));
        }
        assertThat(breaker.state()).as("automatic again, so the failures open it").isEqualTo(CircuitState.OPEN);
    }

    @Test
    void refusesExpiryInThePastMissingReasonAndHalfOpen() {
        CircuitBreaker breaker = breaker(4, 0.5, 10, 1);
        time.advance(Duration.ofSeconds(10));
        assertThatThrownBy(() -> breaker.force(CircuitState.OPEN, "alice", "late", time.nanoTime() - 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not in the future");
        assertThatThrownBy(() -> breaker.force(CircuitState.OPEN, "alice", " ", Forced.NEVER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a reason");
        assertThatThrownBy(() -> breaker.force(CircuitState.HALF_OPEN, "alice", "why", Forced.NEVER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OPEN or CLOSED");
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        assertThat(seen).isEmpty();
    }

    @Test
    void resetClosesWithAnEmptyWindowAndDropsTheForcing() {
        CircuitBreaker breaker = breaker(4, 0.5, 60_000, 1);
        call(breaker, new IOException("1"));
        breaker.force(CircuitState.OPEN, "alice", "outage", Forced.NEVER);
        Transition reset = breaker.reset("carol", "recovered");
        assertThat(reset.from()).isEqualTo(CircuitState.OPEN);
        assertThat(reset.to()).isEqualTo(CircuitState.CLOSED);
        assertThat(reset.cause()).isEqualTo("reset by carol: recovered");
        assertThat(breaker.snapshot().windowRecorded()).isZero();
        assertThat(breaker.forced()).isNull();
    }

    @Test
    void causeOfOpeningNamesTheRatioAndTheLastFailure() {
        CircuitBreaker breaker = breaker(4, 0.5, 1000, 1);
        call(breaker, null);
        call(breaker, null);
        call(breaker, new IOException("disk"));
        call(breaker, new ConnectException("refused"));
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(seen.get(0).cause())
                .isEqualTo("failure ratio 0.50 >= 0.50 over 4 calls; last failure java.net.ConnectException: refused");
        time.advance(Duration.ofSeconds(1));
        call(breaker, new ConnectException("still refused"));
        assertThat(seen).extracting(Transition::cause).containsExactly(
                "failure ratio 0.50 >= 0.50 over 4 calls; last failure java.net.ConnectException: refused",
                "delay of 1000 ms elapsed",
                "trial call failed; last failure java.net.ConnectException: still refused");
        assertThat(breaker.transitions()).isEqualTo(seen);
    }

    @Test
    void historyKeepsTheMostRecentTransitions() {
        CircuitBreaker breaker = breaker(1, 1.0, 0, 1);
        for (int i = 0; i < CircuitBreaker.HISTORY; i++) {
            breaker.force(CircuitState.OPEN, "alice", "round " + i, Forced.NEVER);
        }
        breaker.force(CircuitState.OPEN, "alice", "last", Forced.NEVER);
        List<Transition> history = breaker.transitions();
        assertThat(history).hasSize(CircuitBreaker.HISTORY);
        assertThat(history.get(0).cause()).endsWith("round 1");
        assertThat(history.get(CircuitBreaker.HISTORY - 1).cause()).endsWith("last");
    }

    @Test
    void aNewFailureRatioGovernsTheNextEvaluationWithTheWindowIntact() {
        CircuitBreaker breaker = breaker(4, 0.75, 1000, 1);
        call(breaker, new IOException("1"));
        call(breaker, new IOException("2"));
        call(breaker, null);
        call(breaker, null);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        breaker.reconfigure(new CircuitBreakerPolicy(4, 0.5, TimeUnit.SECONDS.toNanos(1), 1));
        assertThat(breaker.snapshot().window()).as("window kept").isEqualTo("FFSS");
        call(breaker, null); // window now F S S S: 1/4 < 0.5
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        call(breaker, new IOException("3")); // S S S F: 1/4
        call(breaker, new IOException("4"));
        assertThat(breaker.state()).as("2 of 4 reach the new ratio 0.5").isEqualTo(CircuitState.OPEN);
        assertThat(breaker.policy().failureRatio()).isEqualTo(0.5);
    }

    @Test
    void aNewRequestVolumeKeepsTheMostRecentOutcomes() {
        CircuitBreaker breaker = breaker(4, 1.0, 1000, 1);
        call(breaker, null);
        call(breaker, new IOException("1"));
        call(breaker, new IOException("2"));
        breaker.reconfigure(new CircuitBreakerPolicy(2, 1.0, TimeUnit.SECONDS.toNanos(1), 1));
        CircuitBreakerSnapshot snapshot = breaker.snapshot();
        assertThat(snapshot.window()).isEqualTo("FF");
        assertThat(snapshot.windowSize()).isEqualTo(2);
        call(breaker, new IOException("3"));
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
    }
}
