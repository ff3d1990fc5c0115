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
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.console.operator.FleetOperations;
import dev.fusebox.console.operator.ShadowTarget;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import dev.fusebox.ft.management.CircuitBreakerSettings;
import dev.fusebox.ft.management.Forcing;
import dev.fusebox.ft.management.StateTransition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The view-models without any scene or FX thread: they run on the test thread. */
class ConsoleViewModelTest {

    private static final MethodKey CHARGE = new MethodKey("jvm-a", "shop", "com.example.Payments", "charge");
    private static final MethodKey REFUND = new MethodKey("jvm-a", "shop", "com.example.Payments", "refund");
    private static final MethodKey SEARCH = new MethodKey("jvm-b", "catalog", "com.example.Search", "find");

    /** Records what the view-model sent and answers with success. */
    static final class RecordingOperations implements FleetOperations {
        final List<String> sent = new ArrayList<>();

        @Override
        public CompletableFuture<List<ActionOutcome>> act(Action action, List<MethodKey> targets, String reason,
                                                          String expiry) {
            sent.add(action + " " + targets.stream().map(MethodKey::name).toList() + " '" + reason + "' '" + expiry
                    + "'");
            return CompletableFuture.completedFuture(targets.stream().map(k -> new ActionOutcome(k.jvm(),
                    new ActionResult(k.name(), action.operation(), true, "CLOSED", "OPEN", ""))).toList());
        }

        @Override
        public CompletableFuture<List<ActionOutcome>> actOnGroup(Action action, String group, String reason,
                                                                 String expiry) {
            sent.add(action + " group:" + group + " '" + reason + "' '" + expiry + "'");
            return CompletableFuture.completedFuture(List.of());
        }

        @Override
        public CompletableFuture<List<ActionOutcome>> switchShadow(List<ShadowTarget> targets, boolean shadow,
                                                                   String reason) {
            sent.add("shadow=" + shadow + " " + targets.stream().map(ShadowTarget::describe).toList() + " '" + reason
                    + "'");
            return CompletableFuture.completedFuture(targets.stream().map(t -> new ActionOutcome(t.key().jvm(),
                    new ActionResult(t.key().name(), "configure", true, "enforcing", "shadow", ""))).toList());
        }
    }

    private final RecordingOperations operations = new RecordingOperations();
    private final ConsoleViewModel vm = new ConsoleViewModel(operations, Runnable::run);

    static BreakerSnapshot breaker(MethodKey key, String state, Forcing forcing, double callsPerSecond) {
        BreakerReading r = new BreakerReading(key, state, forcing, 65_000, 0.6, 10, 6, "SFFSFFSFFS", 0, 0, 1000, 400,
                600, 0, 3, new CircuitBreakerSettings(20, 0.5, 5000, 1),
                List.of(new StateTransition("CLOSED", "OPEN", 1_000, "failure ratio 0.60 >= 0.50", null)));
        return new BreakerSnapshot(r, new RatePoint(2_000, callsPerSecond, 3, 1.5), List.of(), "");
    }

    /** Half-open for 4 minutes with {@code inFlight} of {@code admitted} trials still running. */
    static BreakerSnapshot halfOpen(MethodKey key, int admitted, int inFlight, int successThreshold) {
        BreakerReading r = new BreakerReading(key, "HALF_OPEN", null, 240_000, 0, 0, 0, "", admitted, inFlight, 1000,
                400, 600, 5, 3, new CircuitBreakerSettings(20, 0.5, 5000, successThreshold), List.of());
        return new BreakerSnapshot(r, new RatePoint(2_000, 0, 0, 0), List.of(), "delay of 5000 ms elapsed");
    }

    static JvmSnapshot jvm(String name, ConnectionState connection, Permission permission, List<BreakerSnapshot> b,
                           List<BulkheadSnapshot> bulkheads) {
        return new JvmSnapshot(name, connection, permission,
                Map.of("shop", List.of(new BreakerGroup("payments", List.of(CHARGE.name())))), b, bulkheads, false);
    }

    private static final Permission MAY_ACT = Permission.unknown("probe passed");

    private BreakerRow row(MethodKey key) {
        return vm.breakers().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void fleetOverviewCountsBreakersByStateAndSaturatedBulkheadsPerApplication() {
        Forcing forcing = new Forcing("OPEN", "alice", "db down", 1_000, 0);
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT,
                List.of(breaker(CHARGE, "OPEN", forcing, 0), breaker(REFUND, "HALF_OPEN", null, 1)),
                List.of(new BulkheadSnapshot(new BulkheadReading(CHARGE, 10, 0, 10, 0, 50, 5, true), 1, 1))));
        assertThat(vm.fleet()).hasSize(1);
        FleetRow row = vm.fleet().get(0);
        assertThat(row.application()).isEqualTo("shop");
        assertThat(row.openProperty().get()).isEqualTo(1);
        assertThat(row.halfOpenProperty().get()).isEqualTo(1);
        assertThat(row.closedProperty().get()).isZero();
        assertThat(row.forcedProperty().get()).isEqualTo(1);
        assertThat(row.saturatedBulkheadsProperty().get()).isEqualTo(1);
        assertThat(row.healthProperty().get()).isEqualTo("CONNECTED");
    }

    @Test
    void breakerRowsShowStateForcedBadgeRatesAndTimeInState() {
        Forcing forcing = new Forcing("OPEN", "alice", "db down", 1_000, 0);
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT,
                List.of(breaker(CHARGE, "OPEN", forcing, 12.5), breaker(REFUND, "CLOSED", null, 2)), List.of()));
        BreakerRow charge = row(CHARGE);
        assertThat(charge.stateTextProperty().get()).isEqualTo("OPEN [forced]");
        assertThat(charge.forcedBadgeProperty().get()).isEqualTo("by alice");
        assertThat(charge.callsPerSecondProperty().get()).isEqualTo(12.5);
        assertThat(charge.rejectionsPerSecondProperty().get()).isEqualTo(1.5);
        assertThat(charge.failureRatioProperty().get()).isEqualTo(0.6);
        assertThat(charge.timeInStateProperty().get()).isEqualTo("1 min 5 s");
        assertThat(row(REFUND).stateTextProperty().get()).isEqualTo("CLOSED");
    }

    @Test
    void filterSearchesEveryColumnAndAttentionOnlyHidesQuietBreakers() {
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT,
                List.of(breaker(CHARGE, "OPEN", null, 0), breaker(REFUND, "CLOSED", null, 0)), List.of()));
        vm.apply(jvm("jvm-b", ConnectionState.connected(), MAY_ACT, List.of(breaker(SEARCH, "CLOSED", null, 0)),
                List.of()));
        assertThat(vm.visibleBreakers()).hasSize(3);
        vm.filterProperty().set("REFUND");
        assertThat(vm.visibleBreakers()).extracting(BreakerRow::key).containsExactly(REFUND);
        vm.filterProperty().set("jvm-b");
        assertThat(vm.visibleBreakers()).extracting(BreakerRow::key).containsExactly(SEARCH);
        vm.filterProperty().set("");
        vm.attentionOnlyProperty().set(true);
        assertThat(vm.visibleBreakers()).extracting(BreakerRow::key).containsExactly(CHARGE);
        vm.apply(jvm("jvm-b", ConnectionState.connected(), MAY_ACT, List.of(breaker(SEARCH, "HALF_OPEN", null, 0)),
                List.of()));
        assertThat(vm.visibleBreakers()).extracting(BreakerRow::key).containsExactly(CHARGE, SEARCH);
    }

    @Test
    void detailShowsWindowConfigurationTransitionsAndTheMethodsOwnBulkheadFirst() {
        MethodKey other = new MethodKey("jvm-a", "shop", "com.example.Stock", "reserve");
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT, List.of(breaker(CHARGE, "OPEN", null, 0)),
                List.of(new BulkheadSnapshot(new BulkheadReading(other, 5, 0, 1, 0, 0, 0, false), 0, 0),
                        new BulkheadSnapshot(new BulkheadReading(CHARGE, 10, 4, 10, 4, 0, 0, true), 0, 2))));
        vm.select(List.of(row(CHARGE)));
        BreakerDetail d = vm.detail();
        assertThat(d.titleProperty().get()).startsWith("com.example.Payments#charge");
        assertThat(d.windowProperty().get()).isEqualTo("SFFSFFSFFS  (6 of 10 failed, 60 %)");
        assertThat(d.configurationProperty().get()).contains("requestVolumeThreshold 20").contains("delay 5000 ms");
        assertThat(d.transitions()).singleElement().asString().contains("CLOSED -> OPEN  failure ratio 0.60");
        assertThat(d.bulkheads()).extracting(BulkheadGauge::name)
                .containsExactly(CHARGE.name(), other.name());
        assertThat(d.bulkheads().get(0).text()).isEqualTo("10/10 running, 4/4 queued, 2.0/s rejected, SATURATED");
        assertThat(d.bulkheads().get(0).slotsUsed()).isEqualTo(1.0);
    }

    @Test
    void aViewerLoginDisablesActionsWithTheServersReason() {
        vm.apply(jvm("jvm-a", ConnectionState.connected(),
                new Permission(Permission.Role.VIEWER, "user bob has role viewer; forceOpen needs role operator"),
                List.of(breaker(CHARGE, "OPEN", null, 0)), List.of()));
        vm.select(List.of(row(CHARGE)));
        ActionsViewModel actions = vm.actions();
        assertThat(actions.selectionActionsAllowedProperty().get()).isFalse();
        assertThat(actions.selectionDisabledReasonProperty().get())
                .isEqualTo("actions disabled on jvm-a: user bob has role viewer; forceOpen needs role operator");
        assertThat(actions.prepare(Action.FORCE_OPEN)).isNull();
    }

    @Test
    void nothingSelectedOrADisconnectedJvmDisablesActionsToo() {
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT, List.of(breaker(CHARGE, "OPEN", null, 0)),
                List.of()));
        assertThat(vm.actions().selectionDisabledReasonProperty().get()).isEqualTo("select one or more breakers");
        vm.select(List.of(row(CHARGE)));
        assertThat(vm.actions().selectionActionsAllowedProperty().get()).isTrue();
        vm.apply(jvm("jvm-a", ConnectionState.reconnecting("Connection refused", 3, 1), MAY_ACT, List.of(), List.of()));
        assertThat(row(CHARGE).connectedProperty().get()).as("rows stay, marked").isFalse();
        assertThat(row(CHARGE).stateTextProperty().get()).isEqualTo("OPEN (last known)");
        assertThat(vm.actions().selectionDisabledReasonProperty().get()).isEqualTo("jvm-a is not connected");
        assertThat(vm.fleet().get(0).healthProperty().get())
                .isEqualTo("DISCONNECTED (Connection refused), RECONNECTING in 3 s");
    }

    @Test
    void aLostJvmShowsNoRatesAndAStoppedChartWithItsLastReading() {
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT, List.of(breaker(REFUND, "CLOSED", null, 12.5)),
                List.of()));
        vm.select(List.of(row(REFUND)));
        assertThat(row(REFUND).callsTextProperty().get()).isEqualTo("12.5/s");
        assertThat(row(REFUND).rejectionsTextProperty().get()).isEqualTo("1.5/s");
        assertThat(vm.detail().liveProperty().get()).isTrue();
        assertThat(vm.detail().chartNoteProperty().get()).isEmpty();

        vm.apply(jvm("jvm-a", ConnectionState.reconnecting("Connection refused", 3, 1), MAY_ACT,
                List.of(breaker(REFUND, "CLOSED", null, 12.5)), List.of()));
        assertThat(row(REFUND).callsTextProperty().get()).isEqualTo("\u2014");
        assertThat(row(REFUND).rejectionsTextProperty().get()).isEqualTo("\u2014");
        assertThat(row(REFUND).failuresTextProperty().get()).as("the window as last read").isEqualTo("60 %");
        assertThat(vm.detail().liveProperty().get()).isFalse();
        assertThat(vm.detail().chartNoteProperty().get())
                .isEqualTo("Not live: last reading at " + Formats.clock(2_000) + " (JVM not connected)");
        assertThat(vm.detail().timeAxisLabelProperty().get()).isEqualTo("seconds before " + Formats.clock(2_000));
        assertThat(vm.detail().stateTextProperty().get()).startsWith("CLOSED for 1 min 5 s (last known)");

        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT, List.of(breaker(REFUND, "CLOSED", null, 3)),
                List.of()));
        assertThat(row(REFUND).callsTextProperty().get()).isEqualTo("3.0/s");
        assertThat(vm.detail().liveProperty().get()).isTrue();
        assertThat(vm.detail().timeAxisLabelProperty().get()).isEqualTo("seconds ago");
    }

    @Test
    void aBreakerThatIsNotClosedShowsTheRatioThatTrippedItAndWhen() {
        BreakerReading tripped = new BreakerReading(CHARGE, "OPEN", null, 5_000, 0, 0, 0, "", 0, 0, 100, 30, 70, 0, 1,
                null, List.of(new StateTransition("CLOSED", "OPEN", 60_000, "failure ratio 0.70 >= 0.50", null, 0.7),
                        new StateTransition("OPEN", "HALF_OPEN", 63_000, "delay of 3000 ms elapsed", null),
                        new StateTransition("HALF_OPEN", "OPEN", 63_100, "trial call failed", null)));
        BreakerReading forced = new BreakerReading(REFUND, "OPEN", new Forcing("OPEN", "alice", "outage", 1, 0), 5_000,
                0, 0, 0, "", 0, 0, 100, 30, 70, 0, 0, null,
                List.of(new StateTransition("CLOSED", "OPEN", 60_000, "forced open by alice: outage", "alice", 0.1)));
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT, List.of(
                new BreakerSnapshot(tripped, RatePoint.zero(64_000), List.of(), ""),
                new BreakerSnapshot(forced, RatePoint.zero(64_000), List.of(), "")), List.of()));
        assertThat(row(CHARGE).failuresTextProperty().get()).isEqualTo("70 % at " + Formats.clock(60_000));
        assertThat(row(REFUND).failuresTextProperty().get()).as("forced, not tripped").isEqualTo("\u2014");
        vm.select(List.of(row(CHARGE)));
        assertThat(vm.detail().windowProperty().get()).isEqualTo("empty; tripped at 70 % at " + Formats.clock(60_000));
    }

    @Test
    void forcingNeedsAReasonAndAValidExpiryThenSendsThemNormalised() {
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT,
                List.of(breaker(CHARGE, "CLOSED", null, 0), breaker(REFUND, "CLOSED", null, 0)), List.of()));
        vm.select(List.of(row(CHARGE), row(REFUND)));
        PendingAction pending = vm.actions().prepare(Action.FORCE_OPEN);
        assertThat(pending.description()).isEqualTo(
                "Force open 2 breakers: Payments#charge @ jvm-a, Payments#refund @ jvm-a");
        assertThat(pending.readyProperty().get()).isFalse();
        assertThat(pending.problemProperty().get()).startsWith("a reason is required");
        assertThatThrownBy(() -> vm.actions().confirm(pending)).isInstanceOf(IllegalStateException.class);

        pending.reasonProperty().set("  payments DB failover  ");
        pending.expiryProperty().set("tomorrow");
        assertThat(pending.problemProperty().get()).startsWith("expiry must be");
        pending.expiryProperty().set("30m");
        assertThat(pending.readyProperty().get()).isTrue();

        vm.actions().confirm(pending);
        assertThat(operations.sent).containsExactly("FORCE_OPEN [com.example.Payments#charge, "
                + "com.example.Payments#refund] 'payments DB failover' 'PT30M'");
        assertThat(vm.actions().results()).hasSize(2);
        assertThat(vm.actions().results().get(0)).contains("OK   jvm-a com.example.Payments#charge forceOpen CLOSED -> OPEN");
        assertThat(vm.actions().statusProperty().get()).isEqualTo("Force open: 2 succeeded, 0 failed");
    }

    @Test
    void anActionStillWaitingForAnAnswerDoesNotHoldUpTheNext() {
        CompletableFuture<List<ActionOutcome>> hanging = new CompletableFuture<>();
        List<String> sent = new ArrayList<>();
        ConsoleViewModel model = new ConsoleViewModel(new FleetOperations() {
            @Override
            public CompletableFuture<List<ActionOutcome>> act(Action action, List<MethodKey> targets, String reason,
                                                              String expiry) {
                sent.add(action + " " + targets.get(0).jvm());
                return sent.size() == 1 ? hanging : CompletableFuture.completedFuture(List.of());
            }

            @Override
            public CompletableFuture<List<ActionOutcome>> actOnGroup(Action action, String group, String reason,
                                                                     String expiry) {
                throw new AssertionError();
            }

            @Override
            public CompletableFuture<List<ActionOutcome>> switchShadow(List<ShadowTarget> targets, boolean shadow,
                                                                       String reason) {
                throw new AssertionError();
            }
        }, Runnable::run);
        model.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT, List.of(breaker(CHARGE, "OPEN", null, 0)),
                List.of()));
        model.apply(jvm("jvm-b", ConnectionState.connected(), MAY_ACT, List.of(breaker(SEARCH, "OPEN", null, 0)),
                List.of()));
        model.select(model.breakers().filtered(r -> r.key().equals(CHARGE)));
        model.actions().confirm(model.actions().prepare(Action.RESET));
        assertThat(model.actions().inFlightProperty().get()).isEqualTo(1);
        model.select(model.breakers().filtered(r -> r.key().equals(SEARCH)));
        assertThat(model.actions().selectionActionsAllowedProperty().get()).isTrue();
        model.actions().confirm(model.actions().prepare(Action.RESET));
        assertThat(sent).containsExactly("RESET jvm-a", "RESET jvm-b");
        assertThat(model.actions().inFlightProperty().get()).isEqualTo(1);
    }

    @Test
    void releaseAndResetNeedNoReason() {
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT, List.of(breaker(CHARGE, "OPEN", null, 0)),
                List.of()));
        vm.select(List.of(row(CHARGE)));
        PendingAction pending = vm.actions().prepare(Action.RELEASE);
        assertThat(pending.readyProperty().get()).isTrue();
        vm.actions().confirm(pending);
        assertThat(operations.sent).containsExactly("RELEASE [com.example.Payments#charge] '' ''");
    }

    @Test
    void groupActionsOfferTheGroupsOfEveryJvm() {
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT, List.of(breaker(CHARGE, "CLOSED", null, 0)),
                List.of()));
        assertThat(vm.actions().groups()).containsExactly("payments");
        assertThat(vm.actions().groupActionsAllowedProperty().get()).isFalse();
        vm.actions().selectedGroupProperty().set("payments");
        assertThat(vm.actions().groupActionsAllowedProperty().get()).isTrue();
        PendingAction pending = vm.actions().prepareForGroup(Action.FORCE_OPEN);
        pending.reasonProperty().set("maintenance");
        vm.actions().confirm(pending);
        assertThat(operations.sent).containsExactly("FORCE_OPEN group:payments 'maintenance' ''");
        assertThat(vm.actions().statusProperty().get()).isEqualTo("Force open: 0 succeeded, 0 failed (nothing matched)");
    }

    @Test
    void aRemovedJvmTakesItsRowsWithIt() {
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT, List.of(breaker(CHARGE, "OPEN", null, 0)),
                List.of()));
        vm.select(List.of(row(CHARGE)));
        vm.apply(new JvmSnapshot("jvm-a", ConnectionState.disconnected("closed"), MAY_ACT, Map.of(), List.of(),
                List.of(), true));
        assertThat(vm.breakers()).isEmpty();
        assertThat(vm.fleet()).isEmpty();
        assertThat(vm.focusedProperty().get()).isNull();
        assertThat(vm.detail().titleProperty().get()).isEqualTo("No breaker selected");
    }

    @Test
    void expiryShorthandsBecomeIsoDurations() {
        assertThat(Formats.expiry("")).isEmpty();
        assertThat(Formats.expiry("45s")).isEqualTo("PT45S");
        assertThat(Formats.expiry("2h")).isEqualTo("PT2H");
        assertThat(Formats.expiry("1d")).isEqualTo("PT24H");
        assertThat(Formats.expiry("pt30m")).isEqualTo("PT30M");
        assertThat(Formats.expiry("2026-11-24T03:00:00Z")).isEqualTo("2026-11-24T03:00:00Z");
        assertThatThrownBy(() -> Formats.expiry("0m")).hasMessage("expiry must be in the future");
    }

    private static AuditEntry audited(long at, String principal, String action, MethodKey target, String reason,
                                      boolean succeeded, String detail) {
        return new AuditEntry(at, principal, action, target.name(), reason, "CLOSED",
                succeeded ? "OPEN" : "CLOSED", succeeded, detail);
    }

    private static JvmSnapshot withAudit(String name, List<BreakerSnapshot> b, String app, List<AuditEntry> log) {
        return new JvmSnapshot(name, ConnectionState.connected(), MAY_ACT, Map.of(app, List.of()), b, List.of(),
                Map.of(app, log), false);
    }

    @Test
    void theAuditLogsOfTheFleetAreOneListNewestFirstFilteredByTheSearchText() {
        AuditEntry first = audited(1_000, "alice", "forceOpen", CHARGE, "INC-1 payments down", true, "");
        AuditEntry refused = audited(2_000, "bob", "forceClosed", REFUND, "",
                false, "a reason is required to force");
        AuditEntry elsewhere = audited(1_500, "carol", "reset", SEARCH, "", true, "");
        vm.apply(withAudit("jvm-a", List.of(breaker(CHARGE, "OPEN", null, 0)), "shop", List.of(first, refused)));
        vm.apply(withAudit("jvm-b", List.of(breaker(SEARCH, "CLOSED", null, 0)), "catalog", List.of(elsewhere)));

        assertThat(vm.audit()).extracting(AuditRow::principal).containsExactly("bob", "carol", "alice");
        AuditRow row = vm.audit().get(2);
        assertThat(row.jvm()).isEqualTo("jvm-a");
        assertThat(row.action()).isEqualTo("forceOpen");
        assertThat(row.target()).isEqualTo(CHARGE.name());
        assertThat(row.reason()).isEqualTo("INC-1 payments down");
        assertThat(row.change()).isEqualTo("CLOSED -> OPEN");
        assertThat(row.outcome()).isEqualTo("done");
        assertThat(vm.audit().get(0).refused()).isTrue();
        assertThat(vm.audit().get(0).outcome()).isEqualTo("REFUSED");
        assertThat(vm.audit().get(0).detail()).isEqualTo("a reason is required to force");

        vm.filterProperty().set("inc-1");
        assertThat(vm.visibleAudit()).extracting(AuditRow::principal).containsExactly("alice");
        vm.filterProperty().set("jvm-b");
        assertThat(vm.visibleAudit()).extracting(AuditRow::principal).containsExactly("carol");
        vm.filterProperty().set("refused");
        assertThat(vm.visibleAudit()).extracting(AuditRow::principal).containsExactly("bob");
        vm.filterProperty().set("");
        assertThat(vm.visibleAudit()).hasSize(3);

        vm.apply(new JvmSnapshot("jvm-b", ConnectionState.disconnected("gone"), MAY_ACT, Map.of(), List.of(),
                List.of(), true));
        assertThat(vm.audit()).extracting(AuditRow::principal).containsExactly("bob", "alice");
    }

    @Test
    void anUnchangedAuditLogDoesNotRebuildTheRowsAndANewEntryDoes() {
        List<AuditEntry> log = List.of(audited(1_000, "alice", "forceOpen", CHARGE, "INC-1", true, ""));
        vm.apply(withAudit("jvm-a", List.of(breaker(CHARGE, "OPEN", null, 0)), "shop", log));
        List<javafx.collections.ListChangeListener.Change<? extends AuditRow>> changes = new ArrayList<>();
        vm.audit().addListener((javafx.collections.ListChangeListener<AuditRow>) changes::add);
        vm.apply(withAudit("jvm-a", List.of(breaker(CHARGE, "OPEN", null, 3)), "shop", log));
        assertThat(changes).as("same log, no change").isEmpty();
        vm.apply(withAudit("jvm-a", List.of(breaker(CHARGE, "CLOSED", null, 3)), "shop", List.of(log.get(0),
                audited(2_000, "alice", "release", CHARGE, "", true, ""))));
        assertThat(changes).hasSize(1);
        assertThat(vm.audit()).extracting(AuditRow::action).containsExactly("release", "forceOpen");
    }

    @Test
    void theDetailShowsTheSelectedBreakersOwnAuditedActions() {
        vm.apply(withAudit("jvm-a", List.of(breaker(CHARGE, "OPEN", null, 0), breaker(REFUND, "CLOSED", null, 0)),
                "shop", List.of(audited(1_000, "alice", "forceOpen", CHARGE, "INC-1", true, ""),
                        audited(2_000, "bob", "forceOpen", REFUND, "INC-2", true, ""),
                        audited(3_000, "alice", "forceClosed", CHARGE, "", false, "a reason is required"))));
        vm.select(List.of(row(CHARGE)));
        assertThat(vm.detail().audit()).extracting(AuditRow::action).containsExactly("forceClosed", "forceOpen");
        assertThat(vm.detail().audit().get(0).line()).endsWith("alice  forceClosed  CLOSED -> CLOSED"
                + "  REFUSED: a reason is required");
        assertThat(vm.detail().audit().get(1).line()).endsWith("alice  forceOpen  CLOSED -> OPEN: INC-1");
        vm.select(List.of(row(REFUND)));
        assertThat(vm.detail().audit()).extracting(AuditRow::principal).containsExactly("bob");
        vm.select(List.of());
        assertThat(vm.detail().audit()).isEmpty();
    }

    @Test
    void aHalfOpenBreakerShowsHowLongAndItsTrialsStillRunning() {
        vm.apply(jvm("jvm-a", ConnectionState.connected(), MAY_ACT,
                List.of(halfOpen(CHARGE, 1, 1, 1), halfOpen(REFUND, 3, 1, 5)), List.of()));

        assertThat(row(CHARGE).stateTextProperty().get()).isEqualTo("HALF_OPEN, 1 trial in flight");
        assertThat(row(CHARGE).timeInStateProperty().get()).isEqualTo("4 min 0 s");
        assertThat(row(REFUND).stateTextProperty().get()).isEqualTo("HALF_OPEN, 1 trial in flight");
        vm.select(List.of(row(CHARGE)));
        assertThat(vm.detail().stateTextProperty().get()).isEqualTo("HALF_OPEN for 4 min 0 s, 1 trial in flight of 1"
                + " admitted (no trial left: other calls are refused until one returns), because: delay of 5000 ms"
                + " elapsed");
        vm.select(List.of(row(REFUND)));
        assertThat(vm.detail().stateTextProperty().get())
                .as("2 of 5 trials succeeded, 1 runs, 2 more may be admitted")
                .isEqualTo("HALF_OPEN for 4 min 0 s, 1 trial in flight of 3 admitted, because: delay of 5000 ms elapsed");
    }
}
