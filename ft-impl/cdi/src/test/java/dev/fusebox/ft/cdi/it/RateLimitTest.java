package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RateLimitException;
import dev.fusebox.ft.api.RateLimitType;
import dev.fusebox.ft.cdi.VirtualTimeExtension;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @RateLimit} through the real interceptor, in virtual time: the limit admits its calls per
 * window and rejects the rest with a {@link RateLimitException} that says how long to wait; a
 * rejected call never reaches the method; the limit sits inside the retry (each attempt passes it)
 * and behind the breaker (an open circuit rejects first); asynchronous calls fail their stage.
 */
@ExtendWith(ThreadHygiene.class)
class RateLimitTest {

    @ApplicationScoped
    public static class Api {
        private final AtomicInteger calls = new AtomicInteger();

        /** Calls that reached the method (through a method: the client proxy's fields are not the bean's). */
        int calls() {
            return calls.get();
        }

        @RateLimit(value = 3, window = 1, windowUnit = ChronoUnit.SECONDS)
        public String fixed() {
            calls.incrementAndGet();
            return "ok";
        }

        @RateLimit(value = 2, window = 1, windowUnit = ChronoUnit.SECONDS, type = RateLimitType.SMOOTH)
        @Retry(maxRetries = 3, delay = 0, jitter = 0)
        public String retried() {
            calls.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @RateLimit(value = 1, window = 1, windowUnit = ChronoUnit.MINUTES)
        @Fallback(fallbackMethod = "later")
        public String withFallback() {
            return "now";
        }

        public String later() {
            return "later";
        }

        @RateLimit(value = 1, window = 1, windowUnit = ChronoUnit.MINUTES)
        @Asynchronous
        public CompletionStage<String> async() {
            calls.incrementAndGet();
            return CompletableFuture.completedFuture("ok");
        }

        @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1, delay = 60_000)
        @RateLimit(value = 1, window = 1, windowUnit = ChronoUnit.MINUTES)
        public String behindBreaker(boolean fail) {
            if (fail) {
                throw new IllegalStateException("down");
            }
            return "ok";
        }
    }

    @Test
    void aFixedWindowAdmitsItsLimitThenRejectsWithTheWaitUntilTheNextWindow() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Api.class)) {
            Api api = container.bean(Api.class);
            for (int i = 0; i < 3; i++) {
                assertThat(api.fixed()).isEqualTo("ok");
            }
            time.advance(Duration.ofMillis(400));
            RateLimitException rejected = catchThrowableOfType(api::fixed, RateLimitException.class);
            assertThat(rejected).hasMessageContaining("rate limit exceeded").hasMessageContaining(Api.class.getName()
                    + "#fixed");
            assertThat(rejected.getRetryAfter()).isEqualTo(Duration.ofMillis(600));
            assertThat(api.calls()).isEqualTo(3);
            time.advance(Duration.ofMillis(600));
            assertThat(api.fixed()).isEqualTo("ok");
            assertThat(api.calls()).isEqualTo(4);
        }
    }

    @Test
    void eachRetryAttemptPassesTheLimitSoARejectedRetryEndsTheCallWithTheRejection() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Api.class)) {
            Api api = container.bean(Api.class);
            // SMOOTH, 2 per second, burst 2: the first attempt and one retry get in, the next retry is
            // rejected; a RateLimitException is retried like any failure, until maxRetries
            assertThatThrownBy(api::retried).isInstanceOf(RateLimitException.class);
            assertThat(api.calls()).isEqualTo(2);
        }
    }

    @Test
    void aFallbackServesARejectedCall() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Api.class)) {
            Api api = container.bean(Api.class);
            assertThat(api.withFallback()).isEqualTo("now");
            assertThat(api.withFallback()).isEqualTo("later");
        }
    }

    @Test
    void anAsynchronousCallOverTheLimitFailsItsStageWithoutRunning() throws Exception {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Api.class)) {
            Api api = container.bean(Api.class);
            assertThat(api.async().toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("ok");
            assertThatThrownBy(() -> api.async().toCompletableFuture().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(RateLimitException.class);
            assertThat(api.calls()).isEqualTo(1);
        }
    }

    @Test
    void anOpenCircuitRejectsBeforeTheLimitIsAsked() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Api.class)) {
            Api api = container.bean(Api.class);
            assertThatThrownBy(() -> api.behindBreaker(true)).isInstanceOf(IllegalStateException.class);
            // the breaker is open: its rejection comes first and takes nothing from the limit
            assertThatThrownBy(() -> api.behindBreaker(false)).isInstanceOf(CircuitBreakerOpenException.class);
            assertThatThrownBy(() -> api.behindBreaker(false)).isInstanceOf(CircuitBreakerOpenException.class);
        }
    }
}
