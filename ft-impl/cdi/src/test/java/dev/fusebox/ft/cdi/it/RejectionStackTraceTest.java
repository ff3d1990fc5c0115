package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An open circuit fails fast without a stack trace, unless fusebox.exceptions.stack-traces asks for one. */
@ExtendWith(ThreadHygiene.class)
class RejectionStackTraceTest {

    @ApplicationScoped
    public static class Down {
        @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = 60_000)
        public void call() {
            throw new IllegalStateException("down");
        }
    }

    private static Throwable rejection(Map<String, String> properties) {
        try (Container container = Container.start(properties, Down.class)) {
            Down down = container.bean(Down.class);
            catchThrowable(down::call);
            return catchThrowable(down::call);
        }
    }

    @Test
    void byDefaultTheRejectionHasNoStackTraceButANamedMessage() {
        Throwable rejection = rejection(Map.of());
        assertThat(rejection).isInstanceOf(CircuitBreakerOpenException.class)
                .hasMessage("circuit breaker is open: " + Down.class.getName() + "#call");
        assertThat(rejection.getStackTrace()).isEmpty();
    }

    @Test
    void stackTracesCanBeTurnedOn() {
        Throwable rejection = rejection(Map.of("fusebox.exceptions.stack-traces", "true"));
        assertThat(rejection).isInstanceOf(CircuitBreakerOpenException.class)
                .hasMessage("circuit breaker is open: " + Down.class.getName() + "#call");
        assertThat(rejection.getStackTrace()).isNotEmpty();
    }
}
