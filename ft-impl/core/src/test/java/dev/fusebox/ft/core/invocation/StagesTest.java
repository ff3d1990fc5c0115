package dev.fusebox.ft.core.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class StagesTest {

    private final CompletableFuture<Object> target = new CompletableFuture<>();

    private static Throwable failureOf(CompletableFuture<Object> stage) {
        return stage.handle((value, failure) -> failure).join();
    }

    @Test
    void aThrowingNextLinkGivesAFailedStage() {
        IllegalStateException thrown = new IllegalStateException("sync");
        CompletionStage<Object> stage = Stages.callNext(call -> {
            throw thrown;
        }, new AsyncCall(() -> null));
        assertThat(failureOf(stage.toCompletableFuture())).isSameAs(thrown);
    }

    @Test
    void settleUnwrapsCompletionExceptions() {
        IOException cause = new IOException("io");
        Stages.settle(target, null, new CompletionException(cause));
        assertThat(failureOf(target)).isSameAs(cause);
    }

    @Test
    void relayFromADoneStageCopiesItsOutcome() {
        Stages.relay(CompletableFuture.completedFuture("ok"), target);
        assertThat(target.join()).isEqualTo("ok");

        IOException cause = new IOException("io");
        CompletableFuture<Object> failedTarget = new CompletableFuture<>();
        Stages.relay(CompletableFuture.failedFuture(cause), failedTarget);
        assertThat(failureOf(failedTarget)).isSameAs(cause);

        CompletableFuture<Object> cancelled = new CompletableFuture<>();
        cancelled.cancel(false);
        CompletableFuture<Object> cancelledTarget = new CompletableFuture<>();
        Stages.relay(cancelled, cancelledTarget);
        assertThat(failureOf(cancelledTarget)).isInstanceOf(CancellationException.class);
    }

    @Test
    void relayFromAPendingStageWaitsForIt() {
        CompletableFuture<Object> source = new CompletableFuture<>();
        Stages.relay(source, target);
        assertThat(target).isNotDone();
        IOException cause = new IOException("later");
        source.completeExceptionally(cause);
        assertThat(failureOf(target)).isSameAs(cause);
    }
}
