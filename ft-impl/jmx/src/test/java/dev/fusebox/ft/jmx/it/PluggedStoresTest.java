package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.jmx.ConfigurationChanges;
import dev.fusebox.ft.jmx.ForcedStateStore;
import dev.fusebox.ft.jmx.PersistedForcing;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A ForcedStateStore and a ConfigurationChanges supplied as beans are used in place of the defaults. */
@ExtendWith(ThreadHygiene.class)
class PluggedStoresTest {

    private static final String CHARGE = Shop.Payments.class.getName() + "#charge";
    private static final String QUOTE = Shop.Payments.class.getName() + "#quote";

    /** Kept forcings the next container starts with, and every change it is told of. */
    @ApplicationScoped
    public static class RecordingStore implements ForcedStateStore {
        static volatile Map<String, PersistedForcing> kept = Map.of();
        static final List<String> changes = new CopyOnWriteArrayList<>();

        @Override
        public void changed(String breaker, PersistedForcing forcing) {
            changes.add(breaker + "=" + (forcing == null ? "automatic" : forcing.state() + " by " + forcing.by()
                    + (forcing.untilEpochMillis() == 0 ? "" : " with expiry")));
        }

        @Override
        public Map<String, PersistedForcing> load() {
            return kept;
        }

        /** The last change the store was told of for {@code breaker}, or "" if none. */
        static String last(String breaker) {
            List<String> told = changes.stream().filter(change -> change.startsWith(breaker + "=")).toList();
            return told.isEmpty() ? "" : told.get(told.size() - 1);
        }
    }

    @ApplicationScoped
    public static class AcceptingChanges implements ConfigurationChanges {
        @Override
        public ActionResult configure(MethodEngines method, String annotation, String parameter, String value,
                                      String reason, String principal) {
            return new ActionResult(method.policy().name(), "configure", true, "60000", value,
                    annotation + "/" + parameter + " set by " + principal);
        }

        @Override
        public String status() {
            return "overrides file in use: test";
        }
    }

    @Test
    void keptForcingsArePutBackBeforeTheFirstCallAndChangesAreReported() {
        long now = System.currentTimeMillis();
        RecordingStore.kept = Map.of(
                CHARGE, new PersistedForcing("OPEN", "alice", "outage INC-7", now - 60_000, 0),
                QUOTE, new PersistedForcing("OPEN", "bob", "ran out already", now - 60_000, now - 1_000),
                "com.example.Gone#method", new PersistedForcing("CLOSED", "carol", "removed since", now, 0));
        RecordingStore.changes.clear();
        try (Container container = Container.start(Map.of("fusebox.management.application", "plugged"),
                Shop.Payments.class, RecordingStore.class, AcceptingChanges.class)) {
            Shop.Payments payments = container.bean(Shop.Payments.class);
            assertThatThrownBy(() -> payments.charge(false)).isInstanceOf(CircuitBreakerOpenException.class);
            assertThat(payments.quote(false)).isEqualTo("live quote");

            CircuitBreakerMXBean charge = MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER,
                    Shop.Payments.class, "charge"), CircuitBreakerMXBean.class);
            FaultToleranceMXBean registry = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class);
            assertThat(charge.getForcing().by()).isEqualTo("alice");
            assertThat(charge.getForcing().reason()).isEqualTo("outage INC-7");
            AuditEntry restored = registry.getAuditLog().get(0);
            assertThat(restored).extracting(AuditEntry::principal, AuditEntry::action, AuditEntry::target,
                    AuditEntry::succeeded).containsExactly("alice", "forceOpen", CHARGE, true);
            assertThat(restored.detail()).startsWith("restored from");
            assertThat(RecordingStore.changes).containsExactly(QUOTE + "=automatic");

            // the store is told the forcing in force when it is written: changes in quick succession may
            // reach it as one call carrying the latest, so this checks what it ends with
            charge.release();
            Await.until("the release is kept", () -> RecordingStore.last(CHARGE).equals(CHARGE + "=automatic"));
            charge.forceClosed("load test", "PT0.3S");
            Await.until("the forcing is kept",
                    () -> RecordingStore.last(CHARGE).equals(CHARGE + "=CLOSED by local with expiry"));
            Await.until("the forcing runs out and that is kept",
                    () -> RecordingStore.last(CHARGE).equals(CHARGE + "=automatic"));
            assertThat(RecordingStore.changes).first().isEqualTo(QUOTE + "=automatic");

            assertThat(registry.getOverridesStatus()).isEqualTo("overrides file in use: test");
            ActionResult configured = charge.configure("delay", "500", "recover sooner");
            assertThat(configured).extracting(ActionResult::target, ActionResult::succeeded, ActionResult::newState,
                    ActionResult::message).containsExactly(CHARGE, true, "500", "CircuitBreaker/delay set by local");
            AuditEntry audited = registry.getAuditLog().get(registry.getAuditLog().size() - 1);
            assertThat(audited).extracting(AuditEntry::action, AuditEntry::succeeded, AuditEntry::previousState,
                    AuditEntry::newState).containsExactly("configure", true, "60000", "500");
        } finally {
            RecordingStore.kept = Map.of();
        }
    }
}
