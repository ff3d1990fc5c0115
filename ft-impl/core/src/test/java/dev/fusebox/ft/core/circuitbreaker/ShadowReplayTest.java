package dev.fusebox.ft.core.circuitbreaker;

import static dev.fusebox.ft.core.circuitbreaker.ShadowCalls.asyncCall;
import static dev.fusebox.ft.core.circuitbreaker.ShadowCalls.call;
import static dev.fusebox.ft.core.circuitbreaker.ShadowCalls.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
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
 * One trace of arrivals and outcomes replayed, in virtual time, through an enforcing breaker and one
 * in shadow mode: same states after every event, same transitions at the same moments, and each
 * rejection of the enforcing breaker is a would-be rejection of the shadow one.
 */
class ShadowReplayTest {

    private final VirtualTime time = new VirtualTime();

    /** A breaker that writes its transitions, with the moment each was made, to {@code into}. */
    private CircuitBreaker breaker(String name, int successes, List<String> into) {
        CircuitBreakerPolicy policy = new CircuitBreakerPolicy(4, 0.5, TimeUnit.MILLISECONDS.toNanos(1_000), successes);
        return new CircuitBreaker(name, policy, time,
                (b, from, to) -> into.add(from + "->" + to + "@" + time.nanoTime()));
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
}
