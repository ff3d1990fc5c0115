package dev.fusebox.ft.health.it;

import static dev.fusebox.ft.health.it.Dependencies.CHARGE;
import static dev.fusebox.ft.health.it.Dependencies.STOCK;
import static dev.fusebox.ft.health.it.Dependencies.SUGGEST;
import static dev.fusebox.ft.health.it.Readiness.breaker;
import static dev.fusebox.ft.health.it.Readiness.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Forced;
import dev.fusebox.ft.health.it.Dependencies.Inventory;
import dev.fusebox.ft.health.it.Dependencies.Payments;
import dev.fusebox.ft.health.it.Dependencies.Recommendations;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import dev.fusebox.ft.health.ReadinessExtension;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The critical list ({@code fusebox.health.critical}) is resolved once, at deployment: every entry
 * must name a circuit breaker of the container, or deployment fails with a message that says
 * which entry and what was probably meant.
 */
@ExtendWith(ThreadHygiene.class)
class CriticalListTest {

    private static final Class<?>[] BEANS = Readiness.beans(Payments.class, Recommendations.class, Inventory.class);

    private static void assertDeploymentFails(Map<String, String> properties, String... messageParts) {
        assertThatThrownBy(() -> Container.start(properties, BEANS).close())
                .satisfies(failure -> assertThat(messages(failure)).contains(messageParts));
    }

    /** The messages of {@code failure} and all its causes, one text. */
    private static String messages(Throwable failure) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    @Test
    void aMisspeltMethodIdFailsDeploymentNamingTheNearestBreaker() {
        String misspelt = Payments.class.getName() + "#chrage";
        assertDeploymentFails(Map.of("fusebox.health.critical", SUGGEST + "," + misspelt),
                "fusebox.health.critical", "'" + misspelt + "' names no circuit breaker",
                "did you mean '" + CHARGE + "'?");
    }

    @Test
    void aMethodWithoutACircuitBreakerFailsDeployment() {
        assertDeploymentFails(Map.of("fusebox.health.critical", STOCK),
                "'" + STOCK + "' is guarded but has no @CircuitBreaker");
    }

    @Test
    void anUnknownGroupFailsDeploymentListingTheGroups() {
        assertDeploymentFails(Map.of("fusebox.groups.money", Payments.class.getName() + "#*",
                        "fusebox.health.critical", "group:mony"),
                "no breaker group 'mony'", "did you mean 'group:money'?");
    }

    @Test
    void aGroupThatMatchesNoBreakerFailsDeployment() {
        assertDeploymentFails(Map.of("fusebox.groups.shipping", "com.example.Shipping#*",
                        "fusebox.health.critical", "group:shipping"),
                "breaker group 'shipping' (fusebox.groups.shipping=com.example.Shipping#*) matches no circuit breaker");
    }

    @Test
    void anEmptyEntryFailsDeployment() {
        assertDeploymentFails(Map.of("fusebox.health.critical", CHARGE + ",,"), "an empty entry");
    }

    @Test
    void aMisspeltKeyOfThisModuleIsWarnedAboutNamingTheKeyMeant() {
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getLevel() + " " + record.getMessage());
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
        try (Container container = Container.start(Map.of("fusebox.health.critcal", CHARGE), BEANS)) {
            breaker(container, CHARGE).force(CircuitState.OPEN, "operator", "test", Forced.NEVER);
            assertThat(status(container)).as("the misspelt key marks nothing critical").isEqualTo("UP");
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(warnings).containsExactly("WARNING Fusebox ignores the configuration key 'fusebox.health.critcal'"
                + " (config source 'PropertiesConfigSource[source=test]'): Fusebox has no setting of this name; did you mean 'fusebox.health.critical'?");
    }

    /** A config source whose values the test changes while the container runs. */
    static final class ChangingSource implements ConfigSource {
        final Map<String, String> values = new ConcurrentHashMap<>();

        @Override
        public Set<String> getPropertyNames() {
            return values.keySet();
        }

        @Override
        public String getValue(String name) {
            return values.get(name);
        }

        @Override
        public String getName() {
            return "changing";
        }

        @Override
        public int getOrdinal() {
            return 600;
        }
    }

    @Test
    void theListIsReadOnceAtDeploymentAndAChangeNeedsARestart() {
        ChangingSource source = new ChangingSource();
        source.values.put("fusebox.health.critical", CHARGE);
        try (Container container = Container.withSource(source, Map.of(), BEANS)) {
            source.values.put("fusebox.health.critical", SUGGEST);
            assertThat(container.extension(dev.fusebox.ft.cdi.FaultToleranceExtension.class).config()
                    .getValue("fusebox.health.critical", String.class)).as("the source changed").isEqualTo(SUGGEST);

            breaker(container, SUGGEST).force(CircuitState.OPEN, "operator", "test", Forced.NEVER);
            assertThat(status(container)).isEqualTo("UP");
            breaker(container, CHARGE).force(CircuitState.OPEN, "operator", "test", Forced.NEVER);
            assertThat(status(container)).isEqualTo("DOWN");
        }
    }
}
