package dev.fusebox.ft.core.circuitbreaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AsyncCircuitBreakerStepTest {

    private final VirtualTime time = new VirtualTime();
    private final CircuitBreaker breaker = new CircuitBreaker("async", new CircuitBreakerPolicy(2, 1.0, 1_000, 1), time,
            CircuitBreakerListener.NONE);
    private final ExceptionClassifier failOn = new ExceptionClassifier(List.of(IOException.class), List.of());

    private AsyncCircuitBreakerStep step(AsyncStep next) {
        return new AsyncCircuitBreakerStep(next, breaker, failOn, Rejections.plain(), MethodMetrics.NONE);
    }

    private static AsyncCall call() {
        return new AsyncCall(() -> null);
    }

    @Test
    void theOutcomeIsRecordedWhenTheStageCompletesNotWhenTheCallReturns() {
        CompletableFuture<Object> first = new CompletableFuture<>();
        CompletableFuture<Object> second = new CompletableFuture<>();
        AsyncCircuitBreakerStep firstStep = step(c -> first);
        AsyncCircuitBreakerStep secondStep = step(c -> second);
        CompletionStage<Object> a = firstStep.call(call());
        CompletionStage<Object> b = secondStep.call(call());
        assertThat(breaker.windowSize()).isZero();
        first.completeExceptionally(new IOException("one"));
        assertThat(breaker.windowFailures()).isEqualTo(1);
        second.completeExceptionally(new CompletionException(new IOException("wrapped: counts by its cause")));
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThatThrownBy(() -> a.toCompletableFuture().get()).hasCauseInstanceOf(IOException.class);
        assertThat(b.toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void anOpenCircuitRejectsWithAFailedStageAndNeverCallsTheRestOfTheChain() {
        AtomicInteger reached = new AtomicInteger();
        AsyncCircuitBreakerStep step = step(c -> {
            reached.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("down"));
        });
        step.call(call());
        step.call(call());
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        CompletionStage<Object> rejected = step.call(call());
        assertThat(reached).hasValue(2);
        assertThatThrownBy(() -> rejected.toCompletableFuture().get()).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IllegalStateException.class).hasMessage("circuit breaker open: async");
    }

    @Test
    void failuresOutsideFailOnAndValuesCountAsSuccesses() {
        step(c -> CompletableFuture.failedFuture(new IllegalStateException("not in failOn"))).call(call());
        step(c -> CompletableFuture.completedFuture("value")).call(call());
        step(c -> CompletableFuture.failedFuture(new IOException("counts"))).call(call());
        assertThat(breaker.windowSize()).isEqualTo(2);
        assertThat(breaker.windowFailures()).isEqualTo(1);
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aHalfOpenCircuitAdmitsOneTrialWhileItIsPending() {
        step(c -> CompletableFuture.failedFuture(new IOException("1"))).call(call());
        step(c -> CompletableFuture.failedFuture(new IOException("2"))).call(call());
        time.advance(java.time.Duration.ofNanos(1_000));
        CompletableFuture<Object> trial = new CompletableFuture<>();
        CompletionStage<Object> trialResult = step(c -> trial).call(call());
        assertThat(breaker.state()).isEqualTo(CircuitState.HALF_OPEN);
        assertThat(step(c -> CompletableFuture.completedFuture("x")).call(call()).toCompletableFuture())
                .isCompletedExceptionally();
        trial.complete("recovered");
        assertThat(trialResult.toCompletableFuture().join()).isEqualTo("recovered");
        assertThat(breaker.state()).isEqualTo(CircuitState.CLOSED);
    }

    @Test
    void aChainThatThrowsInsteadOfFailingItsStageIsStillRecordedAndReported() {
        IOException thrown = new IOException("thrown");
        AsyncStep throwing = c -> {
            throw new CompletionException(thrown);
        };
        CompletionStage<Object> first = step(throwing).call(call());
        step(throwing).call(call());
        assertThat(breaker.state()).isEqualTo(CircuitState.OPEN);
        assertThat(first.toCompletableFuture()).isCompletedExceptionally();
    }
}
