package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A programmatic guard built while a container runs takes overrides of its options from the
 * container's MicroProfile Config (SmallRye Config), by {@code <guard name>/<Policy>/<parameter>};
 * after the container stopped, the code's options stand again.
 */
@ExtendWith(ThreadHygiene.class)
class GuardConfigTest {

    private static int attempts(Guard guard) {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> guard.call(() -> {
            attempts.incrementAndGet();
            throw new IOException("down");
        })).isInstanceOf(IOException.class);
        return attempts.get();
    }

    @Test
    void theContainersConfigurationOverridesAGuardsOptions() {
        try (Container container = Container.start(Map.of("configured/Retry/maxRetries", "1"))) {
            Guard guard = Guard.builder("configured").retry(r -> r.maxRetries(4).jitter(Duration.ZERO)).build();
            try {
                assertThat(attempts(guard)).as("the configured maxRetries, 1").isEqualTo(2);
            } finally {
                guard.close();
            }
        }
        Guard after = Guard.builder("configured").retry(r -> r.maxRetries(4).jitter(Duration.ZERO)).build();
        try {
            assertThat(attempts(after)).as("no container: the code's maxRetries, 4").isEqualTo(5);
        } finally {
            after.close();
        }
    }
}
