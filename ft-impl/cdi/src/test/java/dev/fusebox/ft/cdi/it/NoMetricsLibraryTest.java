package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs (in its own surefire execution) on a class path with neither MicroProfile Metrics nor
 * OpenTelemetry: Fusebox deploys, guards calls, and never loads a class of a metrics backend.
 */
@ExtendWith(ThreadHygiene.class)
class NoMetricsLibraryTest {

    @ApplicationScoped
    public static class Service {
        private final AtomicInteger calls = new AtomicInteger();

        @Retry(maxRetries = 2)
        public String flaky() {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("try again");
            }
            return "ok";
        }

        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
        public String down() {
            throw new IllegalStateException("down");
        }
    }

    @Test
    void worksWithoutAnyMetricsLibrary() throws Exception {
        assertThatThrownBy(() -> Class.forName("org.eclipse.microprofile.metrics.MetricRegistry"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> Class.forName("io.opentelemetry.api.OpenTelemetry"))
                .isInstanceOf(ClassNotFoundException.class);

        try (Container container = Container.start(Service.class)) {
            Service service = container.bean(Service.class);
            assertThat(service.flaky()).isEqualTo("ok");
            assertThatThrownBy(service::down).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(service::down).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(service::down).isInstanceOf(CircuitBreakerOpenException.class);
        }

        ClassLoader loader = NoMetricsLibraryTest.class.getClassLoader();
        assertThat(loaded(loader, "dev.fusebox.ft.cdi.metrics.MetricsBackends")).as("the chooser ran").isTrue();
        assertThat(loaded(loader, "dev.fusebox.ft.cdi.metrics.mp.MicroProfileMetricsBackend")).isFalse();
        assertThat(loaded(loader, "dev.fusebox.ft.cdi.metrics.otel.TelemetryMetricsBackend")).isFalse();
    }

    private static boolean loaded(ClassLoader loader, String name) throws Exception {
        Method findLoadedClass = ClassLoader.class.getDeclaredMethod("findLoadedClass", String.class);
        findLoadedClass.setAccessible(true);
        for (ClassLoader current = loader; current != null; current = current.getParent()) {
            if (findLoadedClass.invoke(current, name) != null) {
                return true;
            }
        }
        return false;
    }
}
