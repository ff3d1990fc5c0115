package dev.fusebox.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.console.feed.BreakerReading;
import dev.fusebox.console.feed.BreakerSnapshot;
import dev.fusebox.console.feed.BulkheadReading;
import dev.fusebox.console.feed.BulkheadSnapshot;
import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.feed.RatePoint;
import dev.fusebox.console.feed.RateLimitReading;
import dev.fusebox.console.feed.RetryBudgetReading;
import dev.fusebox.console.operator.ShadowedPolicy;
import dev.fusebox.console.viewmodel.ConsoleViewModelTest.RecordingOperations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The "Limits & shadow" view-model on the test thread, with a recording port: rows for rate limits,
 * bulkheads (and breakers) with their mode and counts, budgets, rows kept while a JVM is lost and
 * dropped with it, the shadow switch's rules (selection, connection, viewer) and its confirmation.
 */
class LimitsViewModelTest {

    private static final MethodKey BROWSE = new MethodKey("jvm-a", "shop", "com.example.Storefront", "browse");
    private static final MethodKey RESERVE = new MethodKey("jvm-a", "shop", "com.example.Inventory", "reserve");
    private static final MethodKey CHARGE = new MethodKey("jvm-a", "shop", "com.example.Payments", "charge");
    private static final Permission MAY_ACT = Permission.unknown("probe passed");

    private final RecordingOperations operations = new RecordingOperations();
    private final ConsoleViewModel console = new ConsoleViewModel(operations, Runnable::run);
    private final LimitsViewModel vm = console.limits();

    private static JvmSnapshot jvm(ConnectionState connection, Permission permission, boolean shadow,
                                   long wouldReject) {
        return new JvmSnapshot("jvm-a", connection, permission, Map.of("shop", List.of()), List.of(),
                List.of(new BulkheadSnapshot(new BulkheadReading(RESERVE, 10, 4, 2, 0, 500, 3, false, false, 0), 0, 0)),
                Map.of(), false,
                List.of(new RateLimitReading(BROWSE, "SMOOTH", 50, 1500, 20, 900, 0, wouldReject, shadow)),
                List.of(new RetryBudgetReading(CHARGE, "", 0.125, 60_000, 0, 3, 9, 1)));
    }

    private ShadowRow row(MethodKey key) {
        return vm.shadowRows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void rowsShowSettingsModeAndCountsAndFollowTheSnapshots() {
        console.apply(jvm(ConnectionState.connected(), MAY_ACT, true, 12));
        assertThat(vm.shadowRows()).extracting(ShadowRow::policy)
                .containsExactlyInAnyOrder(ShadowedPolicy.RATE_LIMIT, ShadowedPolicy.BULKHEAD);
        ShadowRow browse = row(BROWSE);
        assertThat(browse.settingsProperty().get()).isEqualTo("SMOOTH, 50 per 1.5 s, at least 20 ms apart");
        assertThat(browse.modeProperty().get()).isEqualTo("shadow");
        assertThat(List.of(browse.admittedProperty().get(), browse.rejectedProperty().get(),
                browse.wouldRejectProperty().get())).containsExactly("900", "0", "12");
        assertThat(row(RESERVE).settingsProperty().get()).isEqualTo("10 at once, 4 queued");
        assertThat(row(RESERVE).modeProperty().get()).isEqualTo("enforcing");
        BudgetRow budget = vm.budgets().get(0);
        assertThat(budget.groupProperty().get()).isEqualTo("(own)");
        assertThat(budget.budgetProperty().get()).isEqualTo("13 % of first attempts over 1 min, at least 0/s");
        assertThat(List.of(budget.balanceProperty().get(), budget.grantedProperty().get(),
                budget.refusedProperty().get())).containsExactly("3", "9", "1");

        console.apply(jvm(ConnectionState.connected(), MAY_ACT, false, 14));
        assertThat(row(BROWSE)).as("updated in place").isSameAs(browse);
        assertThat(browse.modeProperty().get()).isEqualTo("enforcing");
        assertThat(browse.wouldRejectProperty().get()).isEqualTo("14");

        console.apply(jvm(ConnectionState.disconnected("gone"), MAY_ACT, false, 14));
        assertThat(browse.modeProperty().get()).isEqualTo("enforcing (last known)");
        assertThat(budget.balanceProperty().get()).isEqualTo(Formats.NOT_LIVE);
        console.apply(new JvmSnapshot("jvm-a", ConnectionState.disconnected("closed"), MAY_ACT, Map.of(), List.of(),
                List.of(), true));
        assertThat(vm.shadowRows()).isEmpty();
        assertThat(vm.budgets()).isEmpty();
    }

    @Test
    void theSwitchNeedsASelectionAConnectionAnOperatorAndAReason() {
        console.apply(jvm(ConnectionState.connected(), MAY_ACT, true, 12));
        assertThat(vm.switchAllowedProperty().get()).isFalse();
        assertThat(vm.switchDisabledReasonProperty().get()).isEqualTo("select one or more policies");
        assertThat(vm.prepare(false)).isNull();

        vm.select(List.of(row(BROWSE)));
        assertThat(vm.switchAllowedProperty().get()).isTrue();
        PendingShadowSwitch pending = vm.prepare(false);
        assertThat(pending.description()).startsWith("Shadow off for 1 policy: Storefront#browse (Rate limit) @ jvm-a");
        assertThat(pending.readyProperty().get()).isFalse();
        assertThatThrownBy(() -> vm.confirm(pending)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("a reason is required");
        pending.reasonProperty().set("  INC-42 enforce  ");
        vm.confirm(pending);
        assertThat(operations.sent).containsExactly(
                "shadow=false [com.example.Storefront#browse (Rate limit)] 'INC-42 enforce'");
        assertThat(console.actions().statusProperty().get()).isEqualTo("Shadow off: 1 succeeded, 0 failed");
        assertThat(console.actions().results().get(0)).contains("OK   jvm-a com.example.Storefront#browse configure");

        console.apply(jvm(ConnectionState.disconnected("gone"), MAY_ACT, true, 12));
        assertThat(vm.switchAllowedProperty().get()).isFalse();
        assertThat(vm.switchDisabledReasonProperty().get()).isEqualTo("jvm-a is not connected");

        console.apply(jvm(ConnectionState.connected(), new Permission(Permission.Role.VIEWER,
                "user bob has role viewer"), true, 12));
        assertThat(vm.switchAllowedProperty().get()).isFalse();
        assertThat(vm.switchDisabledReasonProperty().get()).isEqualTo(
                "actions disabled on jvm-a: user bob has role viewer");
        assertThat(vm.prepare(true)).isNull();
        assertThat(vm.shadowRows()).as("a viewer sees every row").hasSize(2);
    }

    @Test
    void aBreakerOrBulkheadInShadowModeSaysSoInTheBreakersDetail() {
        BreakerReading breaker = new BreakerReading(CHARGE, "OPEN", null, 5_000, 0, 0, 0, "", 0, 0, 100, 30, 70, 0, 1,
                null, List.of(), true, 25);
        console.apply(new JvmSnapshot("jvm-a", ConnectionState.connected(), MAY_ACT, Map.of("shop", List.of()),
                List.of(new BreakerSnapshot(breaker, RatePoint.zero(1), List.of(), "")),
                List.of(new BulkheadSnapshot(new BulkheadReading(CHARGE, 10, 0, 10, 0, 500, 0, true, true, 8), 0, 0)),
                Map.of(), false));
        console.select(List.of(console.breakers().get(0)));
        assertThat(console.detail().stateTextProperty().get())
                .endsWith("; SHADOW mode: rejects nothing, 25 calls would have been rejected");
        assertThat(console.detail().bulkheads().get(0).text()).endsWith(", shadow: 8 would have been rejected");
        assertThat(vm.shadowRows()).extracting(ShadowRow::policy)
                .containsExactlyInAnyOrder(ShadowedPolicy.CIRCUIT_BREAKER, ShadowedPolicy.BULKHEAD);
    }
}
