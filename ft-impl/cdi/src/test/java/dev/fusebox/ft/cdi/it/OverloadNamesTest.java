package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two overloads of one method are two guarded methods with two names: each rejection names the
 * overload it comes from, with its parameter types, so an operator can tell them apart.
 */
@ExtendWith(ThreadHygiene.class)
class OverloadNamesTest {

    @ApplicationScoped
    public static class Lookup {
        @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = 60_000)
        public String find(int id) {
            throw new IllegalStateException("down: " + id);
        }

        @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = 60_000)
        public String find(String key) {
            throw new IllegalStateException("down: " + key);
        }

        /** Its only guarded overload: keeps its plain name. */
        @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = 60_000)
        public String single() {
            throw new IllegalStateException("down");
        }

        /** Not guarded, so it does not make {@link #single()} an overload of a guarded method. */
        public String single(int unguarded) {
            return "plain " + unguarded;
        }
    }

    @ApplicationScoped
    public static class Slow {
        @Timeout(50)
        public String wait(CountDownLatch never) throws InterruptedException {
            never.await(10, TimeUnit.SECONDS);
            return "late";
        }

        @Timeout(50)
        public String wait(CountDownLatch never, long seconds) throws InterruptedException {
            never.await(seconds, TimeUnit.SECONDS);
            return "late";
        }
    }

    @Test
    void anOpenCircuitNamesTheOverloadItGuards() {
        try (Container container = Container.start(Lookup.class)) {
            Lookup lookup = container.bean(Lookup.class);
            assertThatThrownBy(() -> lookup.find(1)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> lookup.find("a")).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> lookup.single()).isInstanceOf(IllegalStateException.class);

            String name = Lookup.class.getName();
            assertThatThrownBy(() -> lookup.find(2)).isInstanceOf(CircuitBreakerOpenException.class)
                    .hasMessage("circuit breaker is open: " + name + "#find(int)");
            assertThatThrownBy(() -> lookup.find("b")).isInstanceOf(CircuitBreakerOpenException.class)
                    .hasMessage("circuit breaker is open: " + name + "#find(java.lang.String)");
            assertThatThrownBy(() -> lookup.single()).isInstanceOf(CircuitBreakerOpenException.class)
                    .hasMessage("circuit breaker is open: " + name + "#single");
            assertThat(lookup.single(3)).isEqualTo("plain 3");
        }
    }

    @Test
    void aTimeoutNamesTheOverloadThatRanTooLong() {
        try (Container container = Container.start(Slow.class)) {
            Slow slow = container.bean(Slow.class);
            CountDownLatch never = new CountDownLatch(1);
            String name = Slow.class.getName();
            assertThatThrownBy(() -> slow.wait(never)).isInstanceOf(TimeoutException.class)
                    .hasMessageEndingWith(": " + name + "#wait(java.util.concurrent.CountDownLatch)");
            assertThatThrownBy(() -> slow.wait(never, 10L)).isInstanceOf(TimeoutException.class)
                    .hasMessageEndingWith(": " + name + "#wait(java.util.concurrent.CountDownLatch,long)");
            assertThat(never.getCount()).isEqualTo(1);
        }
    }
}
