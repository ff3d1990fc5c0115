package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.ShadowRecorder;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Shadow mode of the circuit breaker, in virtual time: the breaker decides as if it enforced (same
 * states, same transitions), lets the calls it would reject run without recording their outcomes,
 * counts them, and still enforces an operator's forcing.
 */
class ShadowBreakerTest {

    private static final ExceptionClassifier FAIL_ON = new ExceptionClassifier(List.of(IOException.class), List.of());

    private final VirtualTime time = new VirtualTime();

    /** A breaker that writes its transitions, with the moment each was made, to {@code into}. */
    private CircuitBreaker breaker(String name, int successes, List<String> into) {
        CircuitBreakerPolicy policy = new CircuitBreakerPolicy(4, 0.5, TimeUnit.MILLISECONDS.toNanos(1_000), successes);
        return new CircuitBreaker(name, policy, time,
                (b, from, to) -> into.add(from + "->" + to + "@" + time.nanoTime()));
    }

    private static CircuitBreakerStep step(CircuitBreaker breaker, ShadowRecorder metrics) {
        return new CircuitBreakerStep(Invocation::proceed, breaker, FAIL_ON, Rejections.plain(), metrics);
    }

    /** Calls through {@code step} a method that fails or not; true when the method ran. */
    private static boolean call(CircuitBreakerStep step, boolean fails) {
        boolean[] ran = {false};
        try {
            step.call(() -> {
                ran[0] = true;
                if (fails) {
                    throw new IOException("down");
                }
                return "up";
            });
        } catch (Exception expected) {
            // the method's failure or the breaker's rejection: what the breaker did is in the recorder
        }
        return ran[0];
    }

    @Test
    void aReplayedTraceGivesTheShadowTheEnforcingBreakersStatesTransitionsAndRejections() {
        List<String> enforcingTransitions = new ArrayList<>();
        List<String> shadowTransitions = new ArrayList<>();
        CircuitBreaker enforcing = breaker("enforcing", 2, enforcingTransitions);
        CircuitBreaker shadow = breaker("shadow", 2, shadowTransitions);
        shadow.setShadow(true);
        ShadowRecorder enforcingMetrics = new ShadowRecorder();
        ShadowRecorder shadowMetrics = new ShadowRecorder();
        CircuitBreakerStep enforcingStep = step(enforcing, enforcingMetrics);
        CircuitBreakerStep shadowStep = step(shadow, shadowMetrics);
        Random trace = new Random(16);
        int shadowRan = 0;
        for (int i = 0; i < 2_000; i++) {
            time.advance(Duration.ofMillis(trace.nextInt(250)));
            boolean badSpell = (i / 100) % 2 == 1;
            boolean fails = trace.nextDouble() < (badSpell ? 0.8 : 0.1);
            call(enforcingStep, fails);
            shadowRan += call(shadowStep, fails) ? 1 : 0;
            assertThat(shadow.state()).as("state after arrival %d", i).isEqualTo(enforcing.state());
        }
        long rejected = enforcingMetrics.decisions().stream().filter("CIRCUIT_BREAKER_OPEN"::equals).count();
        assertThat(rejected).as("the trace makes the enforcing breaker reject").isGreaterThan(100);
        assertThat(enforcingTransitions).as("the trace goes round the state machine")
                .anyMatch(t -> t.startsWith("OPEN->HALF_OPEN")).anyMatch(t -> t.startsWith("HALF_OPEN->OPEN"))
                .anyMatch(t -> t.startsWith("HALF_OPEN->CLOSED"));
        assertThat(shadowTransitions).as("same transitions at the same moments").isEqualTo(enforcingTransitions);
        assertThat(shadowMetrics.decisions()).as("each rejection is a would-reject, every other decision the same")
                .isEqualTo(enforcingMetrics.decisions().stream()
                        .map(d -> d.equals("CIRCUIT_BREAKER_OPEN") ? "WOULD_REJECT" : d).toList());
        assertThat(shadow.wouldReject()).isEqualTo(rejected);
        assertThat(shadowMetrics.breakerShadowed()).isEqualTo(rejected);
        assertThat(enforcing.wouldReject()).isZero();
        assertThat(shadowRan).as("the shadow rejected nothing").isEqualTo(2_000);
    }

    @Test
    void aReplayedTraceOfOverlappingAsyncCallsGivesTheSameStatesTransitionsAndRejections() {
        List<String> enforcingTransitions = new ArrayList<>();
        List<String> shadowTransitions = new ArrayList<>();
        CircuitBreaker enforcing = breaker("enforcing", 3, enforcingTransitions);
        CircuitBreaker shadow = breaker("shadow", 3, shadowTransitions);
        shadow.setShadow(true);
        ShadowRecorder enforcingMetrics = new ShadowRecorder();
        ShadowRecorder shadowMetrics = new ShadowRecorder();
        List<CompletableFuture<Object>> enforcingPending = new ArrayList<>();
        List<CompletableFuture<Object>> shadowPending = new ArrayList<>();
        Random trace = new Random(7);
        int refusedHalfOpen = 0;
        for (int i = 0; i < 4_000; i++) {
            time.advance(Duration.ofMillis(trace.nextInt(120)));
            if (enforcingPending.isEmpty() || trace.nextInt(8) < 4) {
                // the same call arrives at both; each one's rest of the chain is a stage the trace completes
                CompletableFuture<Object> toEnforcing = new CompletableFuture<>();
                CompletableFuture<Object> toShadow = new CompletableFuture<>();
                boolean halfOpen = enforcing.state() == CircuitState.HALF_OPEN;
                CompletionStage<Object> result = asyncCall(enforcing, enforcingMetrics, toEnforcing);
                refusedHalfOpen += halfOpen && result.toCompletableFuture().isCompletedExceptionally() ? 1 : 0;
                asyncCall(shadow, shadowMetrics, toShadow);
                enforcingPending.add(toEnforcing);
                shadowPending.add(toShadow);
            } else {
                int which = trace.nextInt(enforcingPending.size());
                boolean fails = trace.nextDouble() < ((i / 400) % 2 == 1 ? 0.7 : 0.1);
                for (CompletableFuture<Object> stage : List.of(enforcingPending.remove(which),
                        shadowPending.remove(which))) {
                    if (fails) {
                        stage.completeExceptionally(new IOException("down"));
                    } else {
                        stage.complete("up");
                    }
                }
            }
            assertThat(shadow.state()).as("state after event %d", i).isEqualTo(enforcing.state());
        }
        long rejected = enforcingMetrics.decisions().stream().filter("CIRCUIT_BREAKER_OPEN"::equals).count();
        assertThat(rejected).isGreaterThan(100);
        assertThat(refusedHalfOpen).as("trials overlap: half-open stays run out of trial permits").isPositive();
        assertThat(enforcingTransitions).anyMatch(t -> t.startsWith("HALF_OPEN->CLOSED")).anyMatch(t -> t.startsWith("HALF_OPEN->OPEN"));
        assertThat(shadowTransitions).isEqualTo(enforcingTransitions);
        assertThat(shadowMetrics.decisions()).isEqualTo(enforcingMetrics.decisions().stream()
                .map(d -> d.equals("CIRCUIT_BREAKER_OPEN") ? "WOULD_REJECT" : d).toList());
        assertThat(shadow.wouldReject()).isEqualTo(rejected);
    }

    /** Opens the breaker (4 failures) and lets its delay pass. */
    private void openThenWaitOutTheDelay(CircuitBreaker breaker, ShadowRecorder metrics) {
        for (int i = 0; i < 4; i++) {
            asyncCall(breaker, metrics, CompletableFuture.failedFuture(new IOException("down")));
        }
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        time.advance(Duration.ofMillis(1_000));
    }

    /** One asynchronous call through the breaker whose rest of the chain answers {@code outcome}. */
    private static CompletionStage<Object> asyncCall(CircuitBreaker breaker, ShadowRecorder metrics,
                                                     CompletionStage<Object> outcome) {
        return new AsyncCircuitBreakerStep(call -> outcome, breaker, FAIL_ON, Rejections.plain(), metrics)
                .call(new AsyncCall(() -> null));
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
