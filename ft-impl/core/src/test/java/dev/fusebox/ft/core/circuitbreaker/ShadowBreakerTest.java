package dev.fusebox.ft.core.circuitbreaker;

import static dev.fusebox.ft.core.circuitbreaker.ShadowCalls.asyncCall;
import static dev.fusebox.ft.core.circuitbreaker.ShadowCalls.call;
import static dev.fusebox.ft.core.circuitbreaker.ShadowCalls.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.metrics.ShadowRecorder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Shadow mode of the circuit breaker, in virtual time: the calls it would reject run without their
 * outcomes being recorded (half-open: only the trial calls feed the verdict) and are counted; an
 * operator's forcing is still enforced; switching it off enforces from the next call. The replay of
 * one trace through an enforcing and a shadow breaker is {@link ShadowReplayTest}.
 */
class ShadowBreakerTest {

    private final VirtualTime time = new VirtualTime();

    /** A breaker that writes its transitions, with the moment each was made, to {@code into}. */
    private CircuitBreaker breaker(String name, int successes, List<String> into) {
        CircuitBreakerPolicy policy = new CircuitBreakerPolicy(4, 0.5, TimeUnit.MILLISECONDS.toNanos(1_000), successes);
        return new CircuitBreaker(name, policy, time,
                (b, from, to) -> into.add(from + "->" + to + "@" + time.nanoTime()));
    }

    /** Opens the breaker (4 failures) and lets its delay pass. */
    private void openThenWaitOutTheDelay(CircuitBreaker breaker, ShadowRecorder metrics) {
        for (int i = 0; i < 4; i++) {
            asyncCall(breaker, metrics, CompletableFuture.failedFuture(new IOException("down")));
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        time.advance(Duration.ofMillis(1_000));
    }

    @Test
    void halfOpenFeedsOnlyItsTrialCallsToTheVerdictAndLetsTheOthersRunUnrecorded() {
        CircuitBreaker breaker = breaker("half-open", 3, new ArrayList<>());
        breaker.setShadow(true);
        ShadowRecorder metrics = new ShadowRecorder();
        openThenWaitOutTheDelay(breaker, metrics);
        List<CompletableFuture<Object>> running = new ArrayList<>();
        List<CompletionStage<Object>> results = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<Object> stage = new CompletableFuture<>();
            running.add(stage);
            results.add(asyncCall(breaker, metrics, stage));
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(breaker.snapshot().trialsAdmitted()).as("trial calls admitted").isEqualTo(3);
        assertThat(breaker.wouldReject()).as("calls beyond the trials").isEqualTo(2);
        running.get(3).completeExceptionally(new IOException("a shadowed call fails"));
        running.get(4).completeExceptionally(new IOException("so does the other"));
        assertThat(breaker.state()).as("the shadowed failures are not recorded").isEqualTo(CircuitState.HALF_OPEN);
        running.get(0).complete("ok");
        running.get(1).complete("ok");
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        running.get(2).complete("ok");
        assertThat(breaker.state()).as("three trial successes close it").isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.windowSize()).as("nothing leaked into the new window").isZero();
        assertThat(results.get(3).toCompletableFuture()).as("the shadowed call's own outcome reaches its caller")
                .isCompletedExceptionally();
        assertThat(metrics.decisions()).endsWith("WOULD_REJECT", "WOULD_REJECT", "SUCCESS", "SUCCESS", "SUCCESS");
    }

    @Test
    void anOpenCircuitInShadowModeRunsTheCallWithoutRecordingIt() throws Exception {
        List<String> transitions = new ArrayList<>();
        CircuitBreaker breaker = breaker("open", 1, transitions);
        CircuitBreakerStep step = step(breaker, new ShadowRecorder());
        for (int i = 0; i < 4; i++) {
            call(step, true);
        }
        breaker.setShadow(true);
        assertThat(step.call(() -> "ran")).isEqualTo("ran");
        assertThatThrownBy(() -> step.call(() -> {
            throw new IOException("its own failure");
        })).isInstanceOf(IOException.class).hasMessage("its own failure");
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(breaker.wouldReject()).isEqualTo(2);
        assertThat(transitions).containsExactly("CLOSED->OPEN@" + time.nanoTime());
    }

    @Test
    void anOperatorsForcedOpenIsEnforcedInShadowMode() {
        CircuitBreaker breaker = breaker("forced", 1, new ArrayList<>());
        breaker.setShadow(true);
        ShadowRecorder metrics = new ShadowRecorder();
        CircuitBreakerStep step = step(breaker, metrics);
        breaker.force(CircuitState.OPEN, "operator", "stop traffic at 3 a.m.", Forced.NEVER);
        assertThatThrownBy(() -> step.call(() -> "must not run")).isInstanceOf(IllegalStateException.class)
                .hasMessage("circuit breaker open: forced");
        CompletionStage<Object> async = asyncCall(breaker, metrics, CompletableFuture.completedFuture("must not run"));
        assertThat(async.toCompletableFuture()).isCompletedExceptionally();
        assertThat(breaker.wouldReject()).isZero();
        assertThat(metrics.decisions()).containsExactly("CIRCUIT_BREAKER_OPEN", "CIRCUIT_BREAKER_OPEN");
        breaker.release("operator");
        assertThat(breaker.state()).as("released into half-open").isEqualTo(CircuitState.HALF_OPEN);
    }

    @Test
    void aForcingThatRunsOutHandsItsRefusalsBackToShadowModeAndAForcedClosedCircuitRecordsAsUsual() {
        CircuitBreaker breaker = breaker("expiring", 1, new ArrayList<>());
        breaker.setShadow(true);
        ShadowRecorder metrics = new ShadowRecorder();
        breaker.force(CircuitState.OPEN, "operator", "maintenance window", time.nanoTime() + 100_000_000L);
        assertThat(asyncCall(breaker, metrics, new CompletableFuture<>()).toCompletableFuture())
                .as("forced open: enforced").isCompletedExceptionally();
        time.advance(Duration.ofMillis(100));
        CompletableFuture<Object> trial = new CompletableFuture<>();
        asyncCall(breaker, metrics, trial);
        assertThat(breaker.state()).as("the forcing ran out: half-open, one trial").isEqualTo(CircuitState.HALF_OPEN);
        CompletableFuture<Object> beyondTheTrial = new CompletableFuture<>();
        CompletionStage<Object> letThrough = asyncCall(breaker, metrics, beyondTheTrial);
        assertThat(letThrough.toCompletableFuture()).as("the state machine's refusal: shadowed").isNotDone();
        assertThat(breaker.wouldReject()).isEqualTo(1);
        trial.complete("ok");
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
        breaker.force(CircuitState.CLOSED, "operator", "keep it flowing", Forced.NEVER);
        for (int i = 0; i < 4; i++) {
            asyncCall(breaker, metrics, CompletableFuture.failedFuture(new IOException("down")));
        }
        assertThat(breaker.state()).as("forced closed never opens").isEqualTo(CircuitState.CLOSED);
        assertThat(breaker.windowFailures()).as("and records as when enforcing").isEqualTo(4);
        assertThat(breaker.wouldReject()).isEqualTo(1);
        assertThat(metrics.decisions()).containsExactly("CIRCUIT_BREAKER_OPEN", "WOULD_REJECT", "SUCCESS", "FAILURE",
                "FAILURE", "FAILURE", "FAILURE");
    }

    @Test
    void switchingShadowModeOffEnforcesFromTheNextCall() throws Exception {
        CircuitBreaker breaker = breaker("switched", 1, new ArrayList<>());
        ShadowRecorder metrics = new ShadowRecorder();
        CircuitBreakerStep step = step(breaker, metrics);
        breaker.setShadow(true);
        assertThat(breaker.isShadow()).isTrue();
        for (int i = 0; i < 4; i++) {
            call(step, true);
        }
        assertThat(step.call(() -> "shadowed")).isEqualTo("shadowed");
        breaker.setShadow(false);
        assertThat(breaker.isShadow()).isFalse();
        assertThatThrownBy(() -> step.call(() -> "rejected")).isInstanceOf(IllegalStateException.class);
        breaker.setShadow(true);
        assertThat(step.call(() -> "shadowed again")).isEqualTo("shadowed again");
        assertThat(breaker.wouldReject()).isEqualTo(2);
        assertThat(metrics.decisions()).containsExactly("FAILURE", "FAILURE", "FAILURE", "FAILURE", "WOULD_REJECT",
                "CIRCUIT_BREAKER_OPEN", "WOULD_REJECT");
    }
}
