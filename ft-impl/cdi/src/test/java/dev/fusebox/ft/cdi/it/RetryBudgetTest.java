package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.RetryBudget;
import dev.fusebox.ft.cdi.VirtualTimeExtension;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @RetryBudget} through the real interceptor, in virtual time: retries are capped at the
 * ratio of first attempts over the window; a refused retry ends the call with its last failure;
 * what was deposited expires after ttl; the methods of one group draw on one budget.
 */
@ExtendWith(ThreadHygiene.class)
class RetryBudgetTest {

    @ApplicationScoped
    public static class Dependency {
        private final AtomicInteger attempts = new AtomicInteger();

        int attempts() {
            return attempts.get();
        }

        @Retry(maxRetries = 3, delay = 0, jitter = 0)
        @RetryBudget(ratio = 0.2, minRetriesPerSecond = 0)
        public String own() {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Retry(maxRetries = 3, delay = 0, jitter = 0)
        @RetryBudget(ratio = 0.5, minRetriesPerSecond = 0, group = "stock")
        public String readStock() {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }

        @Retry(maxRetries = 3, delay = 0, jitter = 0)
        @RetryBudget(ratio = 0.5, minRetriesPerSecond = 0, group = "stock")
        public String reserveStock() {
            attempts.incrementAndGet();
            throw new IllegalStateException("down");
        }
    }

    @Test
    void retriesAreCappedAtTheRatioOfFirstAttemptsAndTheRestEndWithTheirFailure() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Dependency.class)) {
            Dependency dependency = container.bean(Dependency.class);
            for (int i = 0; i < 10; i++) {
                assertThatThrownBy(dependency::own).isInstanceOf(IllegalStateException.class);
            }
            // 10 first attempts at 0.2 pay for exactly 2 retries; without the budget: 30
            assertThat(dependency.attempts()).isEqualTo(12);
            time.advance(Duration.ofSeconds(11));
            assertThatThrownBy(dependency::own).isInstanceOf(IllegalStateException.class);
            assertThat(dependency.attempts()).as("the deposits expired after ttl: none left for a retry")
                    .isEqualTo(13);
        }
    }

    @Test
    void theMethodsOfAGroupDrawOnOneBudget() {
        VirtualTime time = new VirtualTime();
        try (Container container = VirtualTimeExtension.container(time, Dependency.class)) {
            Dependency dependency = container.bean(Dependency.class);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(dependency::readStock).isInstanceOf(IllegalStateException.class);
            }
            // 4 first attempts at 0.5: 2 retries, all taken by readStock's calls
            assertThat(dependency.attempts()).isEqualTo(6);
            assertThatThrownBy(dependency::reserveStock).isInstanceOf(IllegalStateException.class);
            // reserveStock's own deposit (0.5 more, 2.5 in all, 2 taken) pays for no retry
            assertThat(dependency.attempts()).isEqualTo(7);
            assertThatThrownBy(dependency::reserveStock).isInstanceOf(IllegalStateException.class);
            // its second deposit makes 3.0: one more retry
            assertThat(dependency.attempts()).isEqualTo(9);
        }
    }
}
