package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.jmx.GuardManagement;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.AdaptiveBulkheadMXBean;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BulkheadMXBean;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.GuardedMethodInfo;
import dev.fusebox.ft.management.HedgeMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.RateLimitMXBean;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXConnectorServerFactory;
import javax.management.remote.JMXServiceURL;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Programmatic guards over a real JMX connector on loopback: their MXBeans are an annotated
 * method's, an operator forces, releases and configures a guard's breaker, guards built later appear
 * and closed ones go, forcings and the audit log survive the re-registration, and nothing is left
 * once management is closed.
 */
@ExtendWith(ThreadHygiene.class)
class GuardManagementTest {

    private static final String APPLICATION = "guards-test";

    private JMXConnectorServer connectorServer;
    private JMXConnector connector;
    private MBeanServerConnection jmx;
    private GuardManagement management;
    private Guard inventory;

    @BeforeEach
    void connect() throws IOException {
        connectorServer = JMXConnectorServerFactory.newJMXConnectorServer(
                new JMXServiceURL("service:jmx:rmi://127.0.0.1"), Map.of(), MBeans.SERVER);
        connectorServer.start();
        connector = JMXConnectorFactory.connect(connectorServer.getAddress());
        jmx = connector.getMBeanServerConnection();
        inventory = Guard.builder("inventory").circuitBreaker(cb -> cb.requestVolumeThreshold(4))
                .bulkhead(b -> b.limit(3)).rateLimit(l -> l.limit(1000)).retry(r -> r.maxRetries(1)).build();
        management = GuardManagement.start(APPLICATION);
    }

    @AfterEach
    void disconnect() throws IOException {
        management.close();
        inventory.close();
        connector.close();
        connectorServer.stop();
    }

    private static ObjectName name(String type, String guard) {
        return ManagementNames.of(type, APPLICATION, Guard.class.getName(), guard);
    }

    private <T> T proxy(ObjectName name, Class<T> type) {
        return JMX.newMXBeanProxy(jmx, name, type);
    }

    @Test
    void anOperatorForcesAGuardsBreakerOpenAndReleasesIt() throws Exception {
        FaultToleranceMXBean registry = proxy(ManagementNames.registry(APPLICATION), FaultToleranceMXBean.class);
        assertThat(registry.getGuardedMethods()).extracting(GuardedMethodInfo::name)
                .containsExactly("dev.fusebox.ft.api.Guard#inventory");
        assertThat(registry.getGuardedMethods().get(0).policies())
                .containsExactly("Retry", "CircuitBreaker", "RateLimit", "Bulkhead");
        CircuitBreakerMXBean breaker = proxy(name(ManagementNames.CIRCUIT_BREAKER, "inventory"), CircuitBreakerMXBean.class);

        ActionResult forced = breaker.forceOpen("inventory is down", "");
        assertThat(forced.succeeded()).as(forced.message()).isTrue();
        assertThatThrownBy(() -> inventory.call(() -> "stock")).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(breaker.getState()).isEqualTo("OPEN");
        assertThat(breaker.getRejections()).as("the first attempt and its one retry").isEqualTo(2);

        assertThat(breaker.release().succeeded()).isTrue();
        assertThat(inventory.call(() -> "stock")).isEqualTo("stock");
        assertThat(registry.getAuditLog()).extracting(AuditEntry::action).contains("forceOpen", "release");
    }

    @Test
    void guardsBuiltLaterAppearClosedOnesGoAndForcingsAndAuditSurvive() throws Exception {
        CircuitBreakerMXBean breaker = proxy(name(ManagementNames.CIRCUIT_BREAKER, "inventory"), CircuitBreakerMXBean.class);
        assertThat(breaker.forceOpen("maintenance", "").succeeded()).isTrue();

        Guard pricing = Guard.builder("pricing").circuitBreaker(cb -> { }).build();
        ObjectName pricingBreaker = name(ManagementNames.CIRCUIT_BREAKER, "pricing");
        try {
            assertThat(jmx.isRegistered(pricingBreaker)).isTrue();
            assertThat(breaker.getState()).as("a forcing survives the re-registration").isEqualTo("OPEN");
            FaultToleranceMXBean registry = proxy(ManagementNames.registry(APPLICATION), FaultToleranceMXBean.class);
            assertThat(registry.getAuditLog()).extracting(AuditEntry::action).contains("forceOpen");
            assertThat(registry.getGuardedMethods()).hasSize(2);
        } finally {
            pricing.close();
        }
        assertThat(jmx.isRegistered(pricingBreaker)).isFalse();
        assertThat(jmx.isRegistered(name(ManagementNames.CIRCUIT_BREAKER, "inventory"))).isTrue();
    }

    @Test
    void anOperatorChangesWhatAGuardAllowsAndIsToldWhatCannotChange() throws Exception {
        CircuitBreakerMXBean breaker = proxy(name(ManagementNames.CIRCUIT_BREAKER, "inventory"), CircuitBreakerMXBean.class);
        ActionResult ratio = breaker.configure("failureRatio", "0.25", "trip earlier");
        assertThat(ratio.succeeded()).as(ratio.message()).isTrue();
        assertThat(ratio.previousState()).isEqualTo("0.5");
        assertThat(breaker.getConfiguration().failureRatio()).isEqualTo(0.25);

        BulkheadMXBean bulkhead = proxy(name(ManagementNames.BULKHEAD, "inventory"), BulkheadMXBean.class);
        assertThat(bulkhead.configure("value", "5", "more room").succeeded()).isTrue();
        assertThat(bulkhead.getLimit()).isEqualTo(5);
        assertThat(bulkhead.configure("value", "20000", "too much").message()).contains("must be 1 to 10000");

        RateLimitMXBean limit = proxy(name(ManagementNames.RATE_LIMIT, "inventory"), RateLimitMXBean.class);
        assertThat(limit.configure("shadow", "true", "watch first").succeeded()).isTrue();
        assertThat(limit.isShadow()).isTrue();
        ActionResult refused = limit.configure("value", "10", "lower");
        assertThat(refused.succeeded()).isFalse();
        assertThat(refused.message()).contains("set by its builder").contains("RateLimit/shadow");
    }

    @Test
    void aGuardsAdaptiveBulkheadAndHedgeHaveTheirMXBeans() throws Exception {
        try (Guard search = Guard.builder("search").adaptiveBulkhead(a -> a.initialLimit(5).minLimit(2).maxLimit(9))
                .hedge(h -> h.delay(Duration.ofMillis(30)).maxHedges(2)).build()) {
            assertThat(search.call(() -> "found")).isEqualTo("found");
            AdaptiveBulkheadMXBean adaptive = proxy(name(ManagementNames.ADAPTIVE_BULKHEAD, "search"),
                    AdaptiveBulkheadMXBean.class);
            assertThat(adaptive.getLimit()).isEqualTo(5);
            assertThat(adaptive.getMinLimit()).isEqualTo(2);
            assertThat(adaptive.getMaxLimit()).isEqualTo(9);
            assertThat(adaptive.getRunning()).isZero();
            HedgeMXBean hedge = proxy(name(ManagementNames.HEDGE, "search"), HedgeMXBean.class);
            assertThat(hedge.getDelayMillis()).isEqualTo(30.0);
            assertThat(hedge.getMaxHedges()).isEqualTo(2);
            FaultToleranceMXBean registry = proxy(ManagementNames.registry(APPLICATION), FaultToleranceMXBean.class);
            assertThat(registry.getGuardedMethods()).filteredOn(m -> m.method().equals("search"))
                    .extracting(GuardedMethodInfo::policies).containsExactly(java.util.List.of("Hedge", "AdaptiveBulkhead"));
        }
    }

    @Test
    void closingManagementUnregistersEverythingOfTheGuards() throws Exception {
        management.close();
        assertThat(jmx.queryNames(new ObjectName(ManagementNames.DOMAIN + ":application=" + APPLICATION + ",*"), null))
                .isEmpty();
        Guard later = Guard.builder("later").circuitBreaker(cb -> cb.delay(Duration.ofSeconds(1))).build();
        try {
            assertThat(jmx.isRegistered(name(ManagementNames.CIRCUIT_BREAKER, "later"))).as("no longer listening")
                    .isFalse();
        } finally {
            later.close();
        }
    }
}
