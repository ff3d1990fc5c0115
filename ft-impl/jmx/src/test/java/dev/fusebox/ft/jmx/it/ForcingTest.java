package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.Forcing;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operators force, release and reset breakers through the MXBeans, as a local JMX client. */
@ExtendWith(ThreadHygiene.class)
class ForcingTest {

    private Container container;
    private Shop.Payments payments;
    private CircuitBreakerMXBean charge;
    private CircuitBreakerMXBean quote;
    private FaultToleranceMXBean registry;
    private final String chargeName = Shop.Payments.class.getName() + "#charge";

    @BeforeEach
    void start() {
        container = Container.start(Map.of("fusebox.management.application", "forcing"), Shop.Payments.class);
        payments = container.bean(Shop.Payments.class);
        charge = MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Shop.Payments.class, "charge"),
                CircuitBreakerMXBean.class);
        quote = MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Shop.Payments.class, "quote"),
                CircuitBreakerMXBean.class);
        registry = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class);
    }

    @AfterEach
    void stop() {
        container.close();
    }

    private AuditEntry lastAudit() {
        List<AuditEntry> log = registry.getAuditLog();
        assertThat(log).isNotEmpty();
        return log.get(log.size() - 1);
    }

    @Test
    void forcedOpenFailsEveryCallFastAndHoldsAgainstSuccesses() {
        ActionResult result = charge.forceOpen("payments provider outage INC-42", "");

        assertThat(result).extracting(ActionResult::target, ActionResult::action, ActionResult::succeeded,
                ActionResult::previousState, ActionResult::newState)
                .containsExactly(chargeName, "forceOpen", true, "CLOSED", "OPEN");
        assertThat(charge.getState()).isEqualTo("OPEN");
        assertThat(charge.isForced()).isTrue();
        Forcing forcing = charge.getForcing();
        assertThat(forcing.state()).isEqualTo("OPEN");
        assertThat(forcing.by()).isEqualTo("local");
        assertThat(forcing.reason()).isEqualTo("payments provider outage INC-42");
        assertThat(forcing.untilEpochMillis()).isZero();
        assertThat(forcing.sinceEpochMillis()).isCloseTo(System.currentTimeMillis(),
                org.assertj.core.data.Offset.offset(5_000L));

        for (int i = 0; i < 1_000; i++) {
            assertThatThrownBy(() -> payments.charge(false)).isInstanceOf(CircuitBreakerOpenException.class);
        }
        assertThat(payments.invocations()).isZero();
        assertThat(charge.getState()).isEqualTo("OPEN");
        assertThat(charge.getRejections()).isEqualTo(1_000);
        assertThat(charge.getTransitions()).last().satisfies(t -> {
            assertThat(t.from()).isEqualTo("CLOSED");
            assertThat(t.to()).isEqualTo("OPEN");
            assertThat(t.cause()).isEqualTo("forced open by local: payments provider outage INC-42");
            assertThat(t.forcedBy()).isEqualTo("local");
        });
        AuditEntry audit = lastAudit();
        assertThat(audit).extracting(AuditEntry::principal, AuditEntry::action, AuditEntry::target, AuditEntry::reason,
                AuditEntry::previousState, AuditEntry::newState, AuditEntry::succeeded)
                .containsExactly("local", "forceOpen", chargeName, "payments provider outage INC-42", "CLOSED", "OPEN",
                        true);
    }

    @Test
    void aForcedOpenBreakerStillLetsTheFallbackServe() {
        quote.forceOpen("quote service maintenance", null);

        assertThat(payments.quote(false)).isEqualTo("cached quote");
        assertThat(payments.invocations()).isZero();
        assertThat(quote.getRejections()).isEqualTo(1);
    }

    @Test
    void forcedClosedHoldsAgainstFailures() {
        charge.forceClosed("the failures are expected during the migration", "PT1H");

        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("payment service down");
        }
        assertThat(payments.invocations()).isEqualTo(100);
        assertThat(charge.getState()).isEqualTo("CLOSED");
        assertThat(charge.getTimesOpened()).isZero();
        assertThat(charge.getFailures()).isEqualTo(100);
        assertThat(charge.getForcing().untilEpochMillis())
                .isBetween(System.currentTimeMillis() + 3_500_000L, System.currentTimeMillis() + 3_600_000L);
    }

    @Test
    void releaseHandsTheBreakerBackAndResetClosesIt() {
        charge.forceOpen("outage", "");
        ActionResult released = charge.release();
        assertThat(released).extracting(ActionResult::succeeded, ActionResult::previousState, ActionResult::newState)
                .containsExactly(true, "OPEN", "HALF_OPEN");
        assertThat(charge.isForced()).isFalse();
        assertThat(lastAudit()).extracting(AuditEntry::action, AuditEntry::succeeded).containsExactly("release", true);

        ActionResult again = charge.release();
        assertThat(again.succeeded()).isFalse();
        assertThat(again.message()).contains("not forced");

        charge.forceClosed("drill", "");
        ActionResult reset = charge.reset();
        assertThat(reset).extracting(ActionResult::succeeded, ActionResult::newState).containsExactly(true, "CLOSED");
        assertThat(charge.isForced()).isFalse();
        assertThat(charge.getWindowRecorded()).isZero();

        // automatic again: two failures in four calls open it on its own
        payments.charge(false);
        payments.charge(false);
        assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
        assertThat(charge.getState()).isEqualTo("OPEN");
        assertThat(charge.getTimesOpened()).isEqualTo(1);
        assertThat(charge.getTransitions()).last().extracting(t -> t.cause()).asString()
                .startsWith("failure ratio 0.50 >= 0.50 over 4 calls; last failure java.lang.IllegalStateException");
    }

    /** The breakers run on the system ticker, so this uses a short real expiry, polled with a deadline. */
    @Test
    void aForcingRunsOutAndTheBreakerIsAutomaticAgain() {
        long before = System.currentTimeMillis();
        ActionResult forced = charge.forceOpen("short drill", "PT0.3S");
        assertThat(forced.message()).startsWith("forced open by local: short drill; until ");
        // expiries live on the ticker (nanoTime); their wall-clock rendering goes through an offset taken
        // at start, so it may differ from currentTimeMillis by a few milliseconds of clock drift
        assertThat(java.time.Instant.parse(forced.message().substring(forced.message().lastIndexOf(' ') + 1))
                .toEpochMilli()).isBetween(before + 300 - 20, System.currentTimeMillis() + 300 + 20);

        Await.until("the forcing runs out without any call", () -> !charge.isForced());
        assertThat(charge.getState()).isEqualTo("HALF_OPEN");
        AuditEntry expired = registry.getAuditLog().stream().filter(e -> e.action().equals("expire")).findFirst()
                .orElseThrow();
        assertThat(expired).extracting(AuditEntry::principal, AuditEntry::target, AuditEntry::previousState,
                AuditEntry::newState, AuditEntry::succeeded)
                .containsExactly("system", chargeName, "OPEN", "HALF_OPEN", true);
        assertThat(expired.detail()).isEqualTo("forcing by local expired");
        assertThat(payments.charge(false)).isEqualTo("charged");
    }

    @Test
    void aForcingUntilAnInstantHoldsUntilThen() {
        Instant until = Instant.now().plusSeconds(600);
        charge.forceOpen("window", until.toString());
        assertThat(charge.getForcing().untilEpochMillis()).isCloseTo(until.toEpochMilli(),
                org.assertj.core.data.Offset.offset(50L));
    }

    @Test
    void refusedInputsSayWhyAndAreAudited() {
        assertThatThrownBy(() -> charge.forceOpen("  ", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a reason is required to forceOpen " + chargeName + "; say why, e.g. the incident or ticket");
        assertThat(lastAudit()).extracting(AuditEntry::action, AuditEntry::succeeded, AuditEntry::detail)
                .containsExactly("forceOpen", false,
                        "a reason is required to forceOpen " + chargeName + "; say why, e.g. the incident or ticket");

        assertThatThrownBy(() -> charge.forceClosed("drill", "2020-01-01T00:00:00Z"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expiry 2020-01-01T00:00:00Z is in the past");
        assertThat(lastAudit()).extracting(AuditEntry::action, AuditEntry::succeeded, AuditEntry::reason)
                .containsExactly("forceClosed", false, "drill");
        assertThat(lastAudit().detail()).startsWith("expiry 2020-01-01T00:00:00Z is in the past");

        assertThatThrownBy(() -> charge.forceOpen("drill", "-PT5M")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("expiry duration PT-5M is not in the future");

        assertThatThrownBy(() -> charge.forceOpen("drill", "tomorrow morning"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("expiry 'tomorrow morning' is not understood: give an ISO-8601 duration (PT30M), an"
                        + " ISO-8601 instant (2026-11-24T03:00:00Z), or nothing for no expiry");
        assertThat(lastAudit()).extracting(AuditEntry::succeeded, AuditEntry::principal).containsExactly(false, "local");

        assertThat(charge.isForced()).isFalse();
        assertThat(charge.getState()).isEqualTo("CLOSED");
        assertThat(registry.getAuditLog()).hasSize(4).allMatch(entry -> !entry.succeeded());
    }

    @Test
    void configureIsRefusedWithoutAnOverridesFileAndAudited() {
        assertThat(registry.getOverridesStatus())
                .isEqualTo("no operator overrides file configured (set fusebox.overrides.file)");
        ActionResult result = charge.configure("delay", "500", "faster recovery");
        assertThat(result).extracting(ActionResult::target, ActionResult::action, ActionResult::succeeded,
                ActionResult::message).containsExactly(chargeName, "configure", false,
                "no operator overrides file configured (set fusebox.overrides.file)");
        assertThat(lastAudit()).extracting(AuditEntry::action, AuditEntry::succeeded, AuditEntry::detail)
                .containsExactly("configure", false,
                        "CircuitBreaker/delay=500: no operator overrides file configured (set fusebox.overrides.file)");
        assertThat(charge.getConfiguration().delayMillis()).isEqualTo(60_000);
    }

    @Test
    void theAuthenticatedJmxPrincipalIsWhoActed() throws Exception {
        javax.security.auth.Subject alice = new javax.security.auth.Subject();
        alice.getPrincipals().add(new javax.management.remote.JMXPrincipal("alice"));
        @SuppressWarnings("removal")
        ActionResult result = javax.security.auth.Subject.doAs(alice,
                (java.security.PrivilegedAction<ActionResult>) () -> charge.forceOpen("outage", ""));
        assertThat(result.succeeded()).isTrue();
        assertThat(charge.getForcing().by()).isEqualTo("alice");
        assertThat(lastAudit().principal()).isEqualTo("alice");
    }
}
