package dev.fusebox.ft.core.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class FallbackEdgesTest {

    private final ExceptionClassifier applyOn = new ExceptionClassifier(List.of(IOException.class),
            List.of(FileNotFoundException.class));
    private final List<Object> seen = new ArrayList<>();

    private FallbackAction recording(Object value) {
        return (invocation, failure) -> {
            seen.add(invocation);
            seen.add(failure);
            return value;
        };
    }

    private AsyncFallbackStep async(AsyncStep next, FallbackAction action, boolean composeStage) {
        return new AsyncFallbackStep(next, action, applyOn, composeStage, Runnable::run, MethodMetrics.NONE);
    }

    @Test
    void theFallbackIsGivenTheInvocationAndTheFailure() throws Exception {
        IOException failure = new IOException("down");
        Invocation invocation = () -> {
            throw failure;
        };
        FallbackStep step = new FallbackStep(i -> i.proceed(), recording("fallback"), applyOn, MethodMetrics.NONE);
        assertThat(step.call(invocation)).isEqualTo("fallback");
        assertThat(seen).containsExactly(invocation, failure);
    }

    @Test
    void aFailingFallbackReachesTheCallerInsteadOfTheOriginalFailure() {
        FallbackStep step = new FallbackStep(i -> i.proceed(), (i, f) -> {
            throw new IllegalStateException("fallback broke");
        }, applyOn, MethodMetrics.NONE);
        assertThatThrownBy(() -> step.call(() -> {
            throw new IOException("down");
        })).isInstanceOf(IllegalStateException.class).hasMessage("fallback broke");
    }

    @Test
    void errorsGetTheFallbackOnlyWhenApplyOnNamesThem() throws Exception {
        FallbackStep all = new FallbackStep(i -> i.proceed(), recording("saved"),
                new ExceptionClassifier(List.of(Throwable.class), List.of()), MethodMetrics.NONE);
        assertThat(all.call(() -> {
            throw new AssertionError("error");
        })).isEqualTo("saved");
        FallbackStep exceptions = new FallbackStep(i -> i.proceed(), recording("saved"), applyOn, MethodMetrics.NONE);
        assertThatThrownBy(() -> exceptions.call(() -> {
            throw new AssertionError("error");
        })).isInstanceOf(AssertionError.class);
    }

    @Test
    void asyncFallbackReceivesTheUnwrappedFailure() {
        IOException failure = new IOException("down");
        CompletableFuture<Object> result = async(c -> CompletableFuture.failedFuture(new CompletionException(failure)),
                (i, f) -> {
                    seen.add(f);
                    return CompletableFuture.completedFuture("ok");
                }, true).call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThat(result).isCompletedWithValue("ok");
        assertThat(seen).containsExactly(failure);
    }

    @Test
    void withoutComposeTheFallbackValueItselfIsTheResult() {
        Future<String> futureFromFallback = CompletableFuture.completedFuture("inner");
        CompletableFuture<Object> result = async(c -> CompletableFuture.failedFuture(new IOException("down")),
                (i, f) -> futureFromFallback, false).call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThat(result).isCompletedWithValue(futureFromFallback);
    }

    @Test
    void asyncFailuresNotAppliedAndValuesPassThroughUnchanged() {
        FileNotFoundException skipped = new FileNotFoundException("skipped");
        CompletableFuture<Object> failed = async(c -> CompletableFuture.failedFuture(skipped), recording("no"), true)
                .call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThatThrownBy(failed::join).cause().isSameAs(skipped);
        CompletableFuture<Object> value = async(c -> CompletableFuture.completedFuture("v"), recording("no"), true)
                .call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThat(value).isCompletedWithValue("v");
        assertThat(seen).isEmpty();
    }

    @Test
    void aComposedFallbackStageThatFailsFailsTheCallWithItsOwnFailure() {
        IllegalStateException fallbackFailure = new IllegalStateException("fallback stage failed");
        CompletableFuture<Object> pendingFallback = new CompletableFuture<>();
        CompletableFuture<Object> result = async(c -> CompletableFuture.failedFuture(new IOException("down")),
                (i, f) -> pendingFallback, true).call(new AsyncCall(() -> null)).toCompletableFuture();
        assertThat(result).as("the fallback's stage is followed, not returned").isNotDone();
        pendingFallback.completeExceptionally(fallbackFailure);
        assertThatThrownBy(result::join).cause().isSameAs(fallbackFailure);
    }

    @Test
    void aChainThatThrowsInsteadOfFailingItsStageIsClassifiedLikeAFailedStage() {
        CompletableFuture<Object> applied = async(c -> {
            throw new CompletionException(new IOException("thrown, wrapped"));
        }, recording(CompletableFuture.completedFuture("saved")), true).call(new AsyncCall(() -> null))
                .toCompletableFuture();
        assertThat(applied).isCompletedWithValue("saved");
        IllegalStateException notApplied = new IllegalStateException("not in applyOn");
        CompletableFuture<Object> passed = async(c -> {
            throw notApplied;
        }, recording(CompletableFuture.completedFuture("saved")), true).call(new AsyncCall(() -> null))
                .toCompletableFuture();
        assertThatThrownBy(passed::join).cause().isSameAs(notApplied);
    }
}
