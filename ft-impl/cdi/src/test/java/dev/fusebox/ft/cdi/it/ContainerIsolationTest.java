package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class ContainerIsolationTest {

    @ApplicationScoped
    public static class Remote {
        private final AtomicInteger invocations = new AtomicInteger();

        int invocations() {
            return invocations.get();
        }

        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
        public String call(boolean fail) {
            invocations.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("down");
            }
            return "up";
        }

        @Retry(maxRetries = 1, jitter = 0)
        public String retried() {
            invocations.incrementAndGet();
            throw new IllegalStateException("down");
        }
    }

    @Test
    void twoRunningContainersDoNotShareBreakers() {
        try (Container a = Container.start(Remote.class)) {
            Remote inA = a.bean(Remote.class);
            try (Container b = Container.start(Remote.class)) {
                Remote inB = b.bean(Remote.class);
                assertThatThrownBy(() -> inA.call(true)).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> inA.call(true)).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> inA.call(false)).isInstanceOf(CircuitBreakerOpenException.class);

                assertThat(inB.call(false)).isEqualTo("up");
                assertThat(inB.invocations()).isEqualTo(1);
                assertThatThrownBy(() -> inA.call(false)).as("A stays open").isInstanceOf(CircuitBreakerOpenException.class);
            }
            assertThatThrownBy(() -> inA.call(false)).as("closing B leaves A as it was")
                    .isInstanceOf(CircuitBreakerOpenException.class);
        }
    }

    @Test
    void aNewContainerStartsWithAClosedBreaker() {
        try (Container a = Container.start(Remote.class)) {
            Remote inA = a.bean(Remote.class);
            assertThatThrownBy(() -> inA.call(true)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> inA.call(true)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> inA.call(false)).isInstanceOf(CircuitBreakerOpenException.class);
        }
        try (Container b = Container.start(Remote.class)) {
            assertThat(b.bean(Remote.class).call(false)).isEqualTo("up");
        }
    }

    @Test
    void eachContainerReadsItsOwnConfig() {
        String key = Remote.class.getName() + "/retried/Retry/maxRetries";
        try (Container a = Container.start(Map.of(key, "3"), Remote.class)) {
            try (Container b = Container.start(Map.of(key, "0"), Remote.class)) {
                Remote inA = a.bean(Remote.class);
                Remote inB = b.bean(Remote.class);
                assertThatThrownBy(inA::retried).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(inB::retried).isInstanceOf(IllegalStateException.class);
                assertThat(inA.invocations()).isEqualTo(4);
                assertThat(inB.invocations()).isEqualTo(1);
            }
        }
    }
}
