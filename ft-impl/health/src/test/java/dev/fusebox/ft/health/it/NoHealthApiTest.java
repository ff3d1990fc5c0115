package dev.fusebox.ft.health.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.health.ReadinessExtension;
import dev.fusebox.ft.health.it.Dependencies.Payments;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs in its own surefire execution, on a class path without the MicroProfile Health API and
 * SmallRye Health (see the pom): with this module but without MP Health the application deploys
 * and runs as without the module, the critical list is not even read, and one warning says why
 * there is no check.
 */
@ExtendWith(ThreadHygiene.class)
class NoHealthApiTest {

    @Test
    void withoutTheHealthApiTheApplicationIsUnchangedAndAWarningSaysWhy() throws Exception {
        assertThatThrownBy(() -> Class.forName("org.eclipse.microprofile.health.HealthCheck"))
                .as("this execution's class path has no MP Health API").isInstanceOf(ClassNotFoundException.class);
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(ReadinessExtension.class.getName());
        logger.addHandler(handler);
        try (Container container = Container.start(Map.of("fusebox.health.critical", "no.such.Bean#method"),
                Payments.class)) {
            assertThat(container.bean(Payments.class).charge(false)).isEqualTo("ok");
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).containsExactly("fusebox-ft-health is on the class path but the MicroProfile Health API"
                + " (org.eclipse.microprofile.health.HealthCheck) is not: no readiness check over the circuit breakers"
                + " is registered");
    }
}
