package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.FaultToleranceOperations;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Actions on many breakers at once, through the registry MXBean and the Java API. */
@ExtendWith(ThreadHygiene.class)
class GroupActionsTest {

    private static final String PAYMENTS = Shop.Payments.class.getName();

    private Container container;
    private FaultToleranceMXBean registry;
    private FaultToleranceOperations operations;

    @BeforeEach
    void start() {
        container = Container.start(Map.of("fusebox.management.application", "groups",
                "fusebox.groups.refunds", PAYMENTS + "#refund*",
                "fusebox.groups.checkout", PAYMENTS + "#charge, " + PAYMENTS + "#quote",
                "fusebox.groups.ghosts", "com.example.Nothing#*"), Shop.Payments.class, Shop.Inventory.class);
        registry = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class);
        operations = container.bean(FaultToleranceOperations.class);
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void groupsAreReadFromConfigurationWithTheirMembers() {
        assertThat(registry.getGroups()).containsExactly(
                new BreakerGroup("checkout", List.of(PAYMENTS + "#charge", PAYMENTS + "#quote")),
                new BreakerGroup("ghosts", List.of()),
                new BreakerGroup("refunds", List.of(PAYMENTS + "#refund(int)", PAYMENTS + "#refund(java.lang.String)")));
    }

    @Test
    void aGlobForcesEachMatchingBreakerAndReportsEach() {
        operations.forceClosed(PAYMENTS + "#refund(int)", "already closed on purpose", null);

        List<ActionResult> results = registry.forceOpenAll(PAYMENTS + "#refund(*)", "refund provider outage", "PT10M");

        assertThat(results).extracting(ActionResult::target, ActionResult::succeeded, ActionResult::previousState,
                ActionResult::newState).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(PAYMENTS + "#refund(int)", true, "CLOSED", "OPEN"),
                        org.assertj.core.groups.Tuple.tuple(PAYMENTS + "#refund(java.lang.String)", true, "CLOSED", "OPEN"));
        Shop.Payments payments = container.bean(Shop.Payments.class);
        assertThatThrownBy(() -> payments.refund(5)).isInstanceOf(CircuitBreakerOpenException.class);
        assertThatThrownBy(() -> payments.refund("o-1")).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(payments.charge(false)).isEqualTo("charged");

        List<ActionResult> released = registry.releaseAll(PAYMENTS + "#refund?java*");
        assertThat(released).extracting(ActionResult::target, ActionResult::succeeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PAYMENTS + "#refund(java.lang.String)", true));
        assertThat(operations.state(PAYMENTS + "#refund(java.lang.String)")).isEqualTo("HALF_OPEN");
        assertThat(operations.state(PAYMENTS + "#refund(int)")).isEqualTo("OPEN");
    }

    @Test
    void aConfiguredGroupIsActedOnAsAWhole() {
        List<ActionResult> results = operations.forceOpenAll("group:checkout", "checkout frozen for the release",
                Duration.ofMinutes(30));
        assertThat(results).extracting(ActionResult::target).containsExactly(PAYMENTS + "#charge", PAYMENTS + "#quote");
        assertThat(results).allMatch(ActionResult::succeeded);
        assertThat(operations.state(PAYMENTS + "#charge")).isEqualTo("OPEN");
        assertThat(operations.state(PAYMENTS + "#quote")).isEqualTo("OPEN");
        assertThat(operations.state(PAYMENTS + "#refund(int)")).isEqualTo("CLOSED");

        List<ActionResult> reset = registry.resetAll("group:checkout");
        assertThat(reset).extracting(ActionResult::newState).containsExactly("CLOSED", "CLOSED");

        List<ActionResult> releaseUnforced = operations.releaseAll("group:checkout");
        assertThat(releaseUnforced).noneMatch(ActionResult::succeeded);
        assertThat(releaseUnforced.get(0).message()).contains("not forced");
    }

    @Test
    void unknownGroupsAndSelectorsThatMatchNothingAreRefused() {
        assertThatThrownBy(() -> registry.forceOpenAll("group:nope", "outage", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no breaker group 'nope'; configured groups: checkout, ghosts, refunds");
        assertThatThrownBy(() -> registry.forceOpenAll("group:ghosts", "outage", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("breaker group 'ghosts' matches no circuit breaker");
        assertThatThrownBy(() -> operations.releaseAll("com.example.*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("selector 'com.example.*' matches no circuit breaker");
        assertThatThrownBy(() -> registry.forceClosedAll(PAYMENTS + "#*", "", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("a reason is required");
        assertThat(registry.getAuditLog()).hasSize(4).noneMatch(AuditEntry::succeeded);
        assertThat(operations.circuitBreakers()).allMatch(name -> operations.state(name).equals("CLOSED"));
    }

    @Test
    void theJavaApiActsAsTheCallingClass() {
        ActionResult result = operations.forceOpen(PAYMENTS + "#charge", "feature flag off", Duration.ofHours(1));
        assertThat(result.succeeded()).isTrue();
        operations.release(PAYMENTS + "#charge");
        operations.reset(PAYMENTS + "#charge");

        List<AuditEntry> log = registry.getAuditLog();
        assertThat(log).extracting(AuditEntry::principal).containsOnly("code:" + GroupActionsTest.class.getName());
        assertThat(log).extracting(AuditEntry::action).containsExactly("forceOpen", "release", "reset");
        assertThat(operations.circuitBreakers()).containsExactly(PAYMENTS + "#charge", PAYMENTS + "#quote",
                PAYMENTS + "#refund(int)", PAYMENTS + "#refund(java.lang.String)");
        assertThatThrownBy(() -> operations.state("com.example.Nothing#here"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("no circuit breaker named");
        assertThatThrownBy(() -> operations.forceOpen(PAYMENTS + "#charge", "x", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not in the future");
    }
}
