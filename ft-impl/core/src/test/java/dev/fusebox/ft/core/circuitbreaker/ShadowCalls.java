package dev.fusebox.ft.core.circuitbreaker;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.ShadowRecorder;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Calls through a breaker's steps for the shadow-mode tests: IOException is a failure. Stateless. */
final class ShadowCalls {

    static final ExceptionClassifier FAIL_ON = new ExceptionClassifier(List.of(IOException.class), List.of());

    private ShadowCalls() {
    }

    static CircuitBreakerStep step(CircuitBreaker breaker, ShadowRecorder metrics) {
        return new CircuitBreakerStep(Invocation::proceed, breaker, FAIL_ON, Rejections.plain(), metrics);
    }

    /** Calls through {@code step} a method that fails or not; true when the method ran. */
    static boolean call(CircuitBreakerStep step, boolean fails) {
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

    /** One asynchronous call through the breaker whose rest of the chain answers {@code outcome}. */
    static CompletionStage<Object> asyncCall(CircuitBreaker breaker, ShadowRecorder metrics,
                                             CompletionStage<Object> outcome) {
        return new AsyncCircuitBreakerStep(call -> outcome, breaker, FAIL_ON, Rejections.plain(), metrics)
                .call(new AsyncCall(() -> null));
    }
}
