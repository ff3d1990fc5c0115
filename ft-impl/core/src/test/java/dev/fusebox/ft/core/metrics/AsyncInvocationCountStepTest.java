package dev.fusebox.ft.core.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.metrics.MethodMetrics.FallbackUse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class AsyncInvocationCountStepTest {

    private final List<String> counted = new ArrayList<>();
    private final MethodMetrics metrics = new MethodMetrics() {
        @Override
        public void invocation(boolean valueReturned, FallbackUse fallback) {
            counted.add((valueReturned ? "valueReturned/" : "exceptionThrown/") + fallback);
        }
    };

    @Test
    void aCallIsCountedOnceWhenItsStageCompletes() throws Exception {
        CompletableFuture<Object> value = new CompletableFuture<>();
        CompletableFuture<Object> failure = new CompletableFuture<>();
        CompletableFuture<Object> a = new AsyncInvocationCountStep(c -> value, metrics).call(call()).toCompletableFuture();
        CompletableFuture<Object> b = new AsyncInvocationCountStep(c -> failure, metrics).call(call()).toCompletableFuture();
        assertThat(counted).isEmpty();
        value.complete("v");
        failure.completeExceptionally(new IOException("down"));
        assertThat(counted).containsExactly("valueReturned/NOT_DEFINED", "exceptionThrown/NOT_DEFINED");
        assertThat(a.get()).isEqualTo("v");
        assertThatThrownBy(b::get).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
    }

    /** Found by ChaosSoakTest: a Future method without fallback hands this stage to its caller, who may cancel it. */
    @Test
    void aCallWhoseReturnedStageWasCancelledIsStillCountedWhenItsChainSettles() {
        CompletableFuture<Object> chain = new CompletableFuture<>();
        CompletableFuture<Object> returned = new AsyncInvocationCountStep(c -> chain, metrics).call(call())
                .toCompletableFuture();
        assertThat(returned.cancel(true)).isTrue();
        chain.complete("finished anyway");
        assertThat(counted).containsExactly("valueReturned/NOT_DEFINED");
    }

    private static AsyncCall call() {
        return new AsyncCall(() -> null);
    }

    /** The operators' counters keep no invocation totals: the step adds no stage of its own for them. */
    @Test
    void withCountersThatCountNoInvocationsTheInnerStageIsPassedOn() {
        CompletableFuture<Object> chain = new CompletableFuture<>();

        assertThat(new AsyncInvocationCountStep(c -> chain, new MethodCounters()).call(call())).isSameAs(chain);
    }

    @Test
    void aSynchronousThrowOfTheChainStillArrivesAsAFailedStage() {
        IllegalStateException thrown = new IllegalStateException("refused");
        CompletableFuture<Object> returned = new AsyncInvocationCountStep(c -> {
            throw thrown;
        }, new MethodCounters()).call(call()).toCompletableFuture();

        assertThat(returned).isCompletedExceptionally();
        assertThatThrownBy(returned::get).hasCause(thrown);
    }
}
