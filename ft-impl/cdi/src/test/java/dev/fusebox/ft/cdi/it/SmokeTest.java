package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class SmokeTest {

    @ApplicationScoped
    public static class Flaky {
        final AtomicInteger calls = new AtomicInteger();

        int calls() {
            return calls.get();
        }

        @Retry(maxRetries = 3)
        public String retried() {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("boom");
            }
            return "ok";
        }

        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
        public String breaker() {
            throw new IllegalStateException("down");
        }

        @Asynchronous
        @Fallback(fallbackMethod = "asyncFallback")
        public CompletionStage<String> async() {
            return CompletableFuture.failedFuture(new IllegalStateException("async down"));
        }

        CompletionStage<String> asyncFallback() {
            return CompletableFuture.completedFuture("fallback");
        }
    }

    @Test
    void policiesAct() throws Exception {
        try (Container container = Container.start(Flaky.class)) {
            Flaky flaky = container.bean(Flaky.class);
            assertThat(flaky.retried()).isEqualTo("ok");
            assertThat(flaky.calls()).isEqualTo(3);
            assertThatThrownBy(flaky::breaker).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(flaky::breaker).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(flaky::breaker).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(flaky.async().toCompletableFuture().get()).isEqualTo("fallback");
        }
    }
}
