package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import io.smallrye.metrics.setup.MetricCdiInjectionExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.AnnotationLiteral;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.metrics.MetricID;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Shadow mode switched on through MicroProfile Config ({@code <class>/<method>/<Annotation>/shadow})
 * for a circuit breaker and a rate limit, through the real interceptor: the policy decides as if it
 * enforced, rejects nothing, and counts what it would have rejected in
 * {@code ft.shadow.wouldReject.total}; the same policies without the key enforce.
 */
@ExtendWith(ThreadHygiene.class)
class ShadowModeTest {

    @ApplicationScoped
    public static class Dependency {
        private final AtomicInteger calls = new AtomicInteger();

        int calls() {
            return calls.get();
        }

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
        public String flaky(boolean fail) {
            calls.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("down");
            }
            return "up";
        }

        @RateLimit(value = 2, window = 1, windowUnit = ChronoUnit.HOURS)
        public String limited() {
            calls.incrementAndGet();
            return "ok";
        }
    }

    @SuppressWarnings("all")
    static final class Base extends AnnotationLiteral<RegistryType> implements RegistryType {
        @Override
        public MetricRegistry.Type type() {
            return MetricRegistry.Type.BASE;
        }
    }

    private static final String PREFIX = Dependency.class.getName() + "/";

    @Test
    void aShadowBreakerTripsAsIfEnforcingButLetsEveryCallThroughAndCountsThem() {
        try (Container container = Container.start(Map.of(PREFIX + "flaky/CircuitBreaker/shadow", "true"),
                List.of(new MetricCdiInjectionExtension()), Dependency.class)) {
            Dependency dependency = container.bean(Dependency.class);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> dependency.flaky(true)).isInstanceOf(IllegalStateException.class);
            }
            // an enforcing breaker is open now: these three would have been rejected
            for (int i = 0; i < 3; i++) {
                assertThat(dependency.flaky(false)).isEqualTo("up");
            }
            assertThat(dependency.calls()).isEqualTo(7);
            assertThat(wouldReject(container, "flaky", "circuitBreaker")).isEqualTo(3);
        }
    }

    @Test
    void withoutTheKeyTheSameBreakerEnforces() {
        try (Container container = Container.start(Map.of(), Dependency.class)) {
            Dependency dependency = container.bean(Dependency.class);
            for (int i = 0; i < 4; i++) {
                assertThatThrownBy(() -> dependency.flaky(true)).isInstanceOf(IllegalStateException.class);
            }
            assertThatThrownBy(() -> dependency.flaky(false)).isInstanceOf(CircuitBreakerOpenException.class);
        }
    }

    @Test
    void aShadowRateLimitLetsTheCallsOverItsLimitRunAndCountsThem() {
        try (Container container = Container.start(Map.of(PREFIX + "limited/RateLimit/shadow", "true"),
                List.of(new MetricCdiInjectionExtension()), Dependency.class)) {
            Dependency dependency = container.bean(Dependency.class);
            for (int i = 0; i < 5; i++) {
                assertThat(dependency.limited()).isEqualTo("ok");
            }
            assertThat(wouldReject(container, "limited", "rateLimit")).isEqualTo(3);
            MetricRegistry registry = container.bean(MetricRegistry.class, new Base());
            assertThat(registry.getCounters().get(new MetricID("ft.ratelimit.calls.total", new Tag("method",
                    Dependency.class.getCanonicalName() + ".limited"), new Tag("rateLimitResult", "permitted")))
                    .getCount()).as("only the calls the limit admitted").isEqualTo(2);
        }
    }

    private static long wouldReject(Container container, String method, String policy) {
        MetricRegistry registry = container.bean(MetricRegistry.class, new Base());
        return registry.getCounters().get(new MetricID("ft.shadow.wouldReject.total",
                new Tag("method", Dependency.class.getCanonicalName() + "." + method), new Tag("policy", policy)))
                .getCount();
    }
}
