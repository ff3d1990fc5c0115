package dev.fusebox.ft.core.fallback;

import dev.fusebox.ft.core.metrics.MethodMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class FallbackStepTest {

    private final ExceptionClassifier applyOn = new ExceptionClassifier(List.of(IOException.class),
            List.of(FileNotFoundException.class));

    @Test
    void appliesOnlyToApplyOnMinusSkipOn() throws Exception {
        FallbackStep step = new FallbackStep(invocation -> invocation.proceed(),
                (invocation, failure) -> "fallback for " + failure.getMessage(), applyOn, MethodMetrics.NONE);
        assertThat(step.call(() -> {
            throw new IOException("io");
        })).isEqualTo("fallback for io");
        assertThatThrownBy(() -> step.call(() -> {
            throw new FileNotFoundException("skipped");
        })).isInstanceOf(FileNotFoundException.class);
        assertThatThrownBy(() -> step.call(() -> {
            throw new IllegalStateException("not applied");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(step.call(() -> "value")).isEqualTo("value");
    }

    @Test
    void asyncFallbackFollowsTheFallbackStage() {
        AsyncFallbackStep step = new AsyncFallbackStep(call -> CompletableFuture.failedFuture(new IOException("down")),
                (invocation, failure) -> CompletableFuture.completedFuture("recovered"), applyOn, true, Runnable::run,
                MethodMetrics.NONE);
        assertThat(step.call(new AsyncCall(() -> null)).toCompletableFuture().join()).isEqualTo("recovered");
    }

    @Test
    void asyncFallbackFailureReachesTheCaller() {
        AsyncFallbackStep step = new AsyncFallbackStep(call -> CompletableFuture.failedFuture(new IOException("down")),
                (invocation, failure) -> {
                    throw new IllegalStateException("fallback broke");
                }, applyOn, true, Runnable::run, MethodMetrics.NONE);
        assertThatThrownBy(() -> step.call(new AsyncCall(() -> null)).toCompletableFuture().join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void asyncFallbackRunsThroughItsExecutor() {
        List<Runnable> handedOff = new ArrayList<>();
        AsyncFallbackStep step = new AsyncFallbackStep(call -> CompletableFuture.failedFuture(new IOException("down")),
                (invocation, failure) -> CompletableFuture.completedFuture("recovered"), applyOn, true, handedOff::add,
                MethodMetrics.NONE);
        CompletableFuture<Object> result = step.call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThat(result).isNotDone();
        assertThat(handedOff).hasSize(1);
        handedOff.get(0).run();
        assertThat(result.join()).isEqualTo("recovered");
    }

    @Test
    void asyncFallbackTheExecutorRefusesFailsTheCallWithTheReason() {
        AsyncFallbackStep step = new AsyncFallbackStep(call -> CompletableFuture.failedFuture(new IOException("down")),
                (invocation, failure) -> CompletableFuture.completedFuture("recovered"), applyOn, true, task -> {
                    throw new RejectedExecutionException("pool shut down");
                }, MethodMetrics.NONE);
        assertThatThrownBy(() -> step.call(new AsyncCall(() -> null)).toCompletableFuture().join())
                .cause().isInstanceOf(RejectedExecutionException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(IOException.class));
    }
}
