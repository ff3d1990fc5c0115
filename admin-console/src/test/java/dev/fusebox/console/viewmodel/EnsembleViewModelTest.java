package dev.fusebox.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.connect.PrometheusRateSource;
import dev.fusebox.console.feed.EnsembleAuditLine;
import dev.fusebox.console.feed.EnsembleSnapshot;
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ConnectionProfile;
import dev.fusebox.console.operator.EnsembleAction;
import dev.fusebox.console.operator.EnsembleOperations;
import dev.fusebox.console.operator.EnsembleOutcome;
import dev.fusebox.console.operator.EnsembleProfile;
import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetMember;
import dev.fusebox.ft.management.fleet.FleetMember.BreakerState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The fleet screen's view-models without any scene or FX thread: they run on the test thread, and
 * the ensemble is a recording stand-in for the connection layer (the real one, over a ZooKeeper
 * server, is tested by {@code EnsembleFleetViewTest}).
 */
class EnsembleViewModelTest {

    private static final String CHARGE = "com.example.PaymentsClient#charge";
    private static final String FIND = "com.example.Search#find";
    private static final String ACTION = "0b9a4f7e-2a43-4f0e-9d7c-3f0c2d1e8a11";

    /** Records what the view-model asked and answers at once; the test publishes the snapshots. */
    static final class RecordingEnsemble implements EnsembleOperations {
        final List<String> asked = new ArrayList<>();
        final List<EnsembleAction> actions = new ArrayList<>();
        final List<EnsembleAuditLine> auditLines = new ArrayList<>();
        Consumer<EnsembleSnapshot> publish;

        @Override
        public void connect(EnsembleProfile profile, char[] password, boolean save, Consumer<EnsembleSnapshot> snapshots) {
            asked.add("connect " + profile + " password=" + new String(password) + " save=" + save);
            publish = snapshots;
        }

        @Override
        public void disconnect() {
            asked.add("disconnect");
        }

        @Override
        public List<EnsembleProfile> savedProfiles() {
            return List.of(new EnsembleProfile("prod", "zk1:2181,zk2:2181", "/fusebox", "alice"));
        }

        @Override
        public CompletableFuture<EnsembleOutcome> act(EnsembleAction action) {
            actions.add(action);
            return CompletableFuture.completedFuture(new EnsembleOutcome(action, EnsembleOutcome.Result.APPLIED, ACTION,
                    "applied by 3 of 3 instances"));
        }

        @Override
        public CompletableFuture<List<EnsembleAuditLine>> audit(int newestPerApplication) {
            asked.add("audit " + newestPerApplication);
            return CompletableFuture.completedFuture(List.copyOf(auditLines));
        }
    }

    private final RecordingEnsemble ensemble = new RecordingEnsemble();
    private final EnsembleViewModel vm = new EnsembleViewModel(ensemble,
            new PrometheusRateSource(Duration.ofSeconds(1), Duration.ofSeconds(1)), Runnable::run);

    private static FleetMember member(String id, String chargeState, String forced, String actionId) {
        return new FleetMember("shop", id, "host-" + id, "service:jmx:rmi:///jndi/rmi://host-" + id + ":9010/jmxrmi",
                "0.1.0", 1_000, "connected", Map.of(CHARGE, new BreakerState(chargeState, forced, actionId)));
    }

    private static EnsembleSnapshot snapshot(boolean connected, List<FleetMember> shop, Map<String, FleetForcing> forced) {
        return snapshot(connected, shop, forced, "");
    }

    private static EnsembleSnapshot snapshot(boolean connected, List<FleetMember> shop, Map<String, FleetForcing> forced,
                                             String writeRefusal) {
        FleetMember search = new FleetMember("catalog", "c-1", "host-c", "", "0.1.0", 1_000, "connected",
                Map.of(FIND, new BreakerState("CLOSED", "", "")));
        return new EnsembleSnapshot(connected, connected ? "fleet at zk1:2181/fusebox as alice" : "unreachable",
                Map.of("shop", new EnsembleSnapshot.Application("shop", shop, forced),
                        "catalog", new EnsembleSnapshot.Application("catalog", List.of(search), Map.of())),
                List.of(), writeRefusal);
    }

    private EnsembleMethodRow row(String app, String target) {
        return vm.methods().stream().filter(r -> r.application().equals(app) && r.target().equals(target)).findFirst()
                .orElseThrow();
    }

    private void connect() {
        EnsembleConnectViewModel dialog = vm.connectDialog();
        dialog.passwordProperty().set("secret");
        dialog.connect();
    }

    @Test
    void groupsEachBreakerAcrossTheInstancesAndSaysWhoForcedItFleetWide() {
        connect();
        FleetForcing forcing = new FleetForcing(ACTION, "OPEN", "alice", "db failover", 1_000, 0);
        ensemble.publish.accept(snapshot(true, List.of(member("a", "OPEN", "OPEN", ACTION),
                member("b", "OPEN", "OPEN", ACTION), member("c", "CLOSED", "", "")), Map.of(CHARGE, forcing)));

        assertThat(vm.methods()).extracting(r -> r.application() + " " + r.summaryProperty().get()).containsExactly(
                "catalog Search#find: 1 of 1 instance CLOSED", "shop PaymentsClient#charge: 2 of 3 instances OPEN");
        EnsembleMethodRow charge = row("shop", CHARGE);
        assertThat(charge.fleetForcingProperty().get()).isEqualTo("OPEN by alice: db failover");
        assertThat(charge.forcedHereProperty().get()).isEqualTo("2 OPEN");
        assertThat(vm.connectionProperty().get()).isEqualTo("fleet at zk1:2181/fusebox as alice");

        // the third instance applies it, a fourth registers: the same row object is updated
        ensemble.publish.accept(snapshot(true, List.of(member("a", "OPEN", "OPEN", ACTION),
                member("b", "OPEN", "OPEN", ACTION), member("c", "OPEN", "OPEN", ACTION),
                member("d", "OPEN", "OPEN", ACTION)), Map.of(CHARGE, forcing)));
        assertThat(row("shop", CHARGE)).isSameAs(charge);
        assertThat(charge.summaryProperty().get()).isEqualTo("PaymentsClient#charge: 4 of 4 instances OPEN");

        // released fleet-wide, and the ensemble's last reading stays while it is unreachable
        ensemble.publish.accept(snapshot(false, List.of(member("a", "HALF_OPEN", "", "")), Map.of()));
        assertThat(charge.summaryProperty().get()).isEqualTo("PaymentsClient#charge: 1 of 1 instance HALF_OPEN");
        assertThat(charge.fleetForcingProperty().get()).isEmpty();
        assertThat(vm.connectedProperty().get()).isFalse();
    }

    @Test
    void aForcedGroupIsARowOfItsOwnAndGoneRowsAreDropped() {
        connect();
        FleetForcing group = new FleetForcing(ACTION, "CLOSED", "bob", "canary", 1_000, 0);
        ensemble.publish.accept(snapshot(true, List.of(member("a", "CLOSED", "CLOSED", ACTION)),
                Map.of("group:checkout", group)));
        assertThat(row("shop", "group:checkout").summaryProperty().get()).isEqualTo("group:checkout: group forced fleet-wide");
        assertThat(row("shop", "group:checkout").fleetForcingProperty().get()).isEqualTo("CLOSED by bob: canary");

        vm.select(row("shop", "group:checkout"));
        ensemble.publish.accept(snapshot(true, List.of(member("a", "CLOSED", "", "")), Map.of()));
        assertThat(vm.methods()).extracting(EnsembleMethodRow::target).containsExactly(FIND, CHARGE);
        assertThat(vm.selectedProperty().get()).as("the selected row went away").isNull();
    }

    @Test
    void theSelectedBreakersInstancesShowItsStateThereAndOpenTheirJmxAddress() {
        connect();
        ensemble.publish.accept(snapshot(true, List.of(member("b", "OPEN", "OPEN", ACTION),
                member("a", "OPEN", "OPEN", ""), member("c", "CLOSED", "", "")), Map.of()));
        vm.select(row("shop", CHARGE));

        assertThat(vm.instances()).extracting(i -> i.instanceId() + " " + i.state() + " " + i.forced())
                .containsExactly("a OPEN OPEN (local)", "b OPEN OPEN (fleet)", "c CLOSED ");
        ConnectionProfile jmx = vm.drillDown(vm.instances().get(0));
        assertThat(jmx.serviceUrl()).isEqualTo("service:jmx:rmi:///jndi/rmi://host-a:9010/jmxrmi");
        assertThat(jmx.name()).isEqualTo("a");

        vm.select(row("catalog", FIND));
        assertThat(vm.drillDown(vm.instances().get(0))).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("c-1 registered no JMX address");
    }

    @Test
    void aConfirmedForceIsOneFleetWideActionAndItsOutcomeIsShownWithTheAudit() {
        assertThat(vm.actionsDisabledReasonProperty().get()).isEqualTo("Connect to a fleet first.");
        connect();
        ensemble.publish.accept(snapshot(true, List.of(member("a", "CLOSED", "", "")), Map.of()));
        assertThat(vm.prepare(Action.FORCE_OPEN)).as("nothing selected").isNull();
        assertThat(vm.actionsDisabledReasonProperty().get()).isEqualTo("Select a breaker to act on it in every instance.");
        vm.select(row("shop", CHARGE));

        PendingAction pending = vm.prepare(Action.FORCE_OPEN);
        assertThat(pending.description()).startsWith("Force open PaymentsClient#charge of shop in every instance"
                + " registered in the fleet (1 now)");
        assertThat(pending.readyProperty().get()).as("a reason is required").isFalse();
        pending.reasonProperty().set("payments provider down INC-4711");
        pending.expiryProperty().set("30m");
        ensemble.auditLines.add(new EnsembleAuditLine("shop", "entry-0000000000", new FleetAuditEntry(ACTION,
                FleetAuditEntry.FORCE_OPEN, CHARGE, "alice", "payments provider down INC-4711", 5_000, 1_805_000, ""),
                List.of(new FleetAck("a", true, "forced OPEN", 5_010))));

        EnsembleOutcome outcome = vm.confirm(pending).join();

        assertThat(ensemble.actions).containsExactly(new EnsembleAction(Action.FORCE_OPEN, "shop", CHARGE,
                "payments provider down INC-4711", ensemble.actions.get(0).expiry()));
        assertThat(ensemble.actions.get(0).expiry()).isBetween(Duration.ofMinutes(30).minusSeconds(1),
                Duration.ofMinutes(30));
        assertThat(outcome.result()).isEqualTo(EnsembleOutcome.Result.APPLIED);
        assertThat(vm.statusProperty().get()).isEqualTo(
                "APPLIED force-open shop com.example.PaymentsClient#charge: applied by 3 of 3 instances");
        assertThat(vm.results()).containsExactly(vm.statusProperty().get());
        assertThat(vm.audit()).extracting(a -> a.by() + " " + a.action() + " " + a.target() + " " + a.applied())
                .containsExactly("alice force-open " + CHARGE + " 1 applied");

        PendingAction release = vm.prepare(Action.RELEASE);
        assertThat(release.readyProperty().get()).as("release takes no reason").isTrue();
        vm.confirm(release).join();
        assertThat(ensemble.actions.get(1)).isEqualTo(new EnsembleAction(Action.RELEASE, "shop", CHARGE, "", null));
    }

    @Test
    void whileTheEnsembleIsUnreachableNoActionCanBeSent() {
        connect();
        ensemble.publish.accept(snapshot(true, List.of(member("a", "CLOSED", "", "")), Map.of()));
        vm.select(row("shop", CHARGE));
        ensemble.publish.accept(snapshot(false, List.of(member("a", "CLOSED", "", "")), Map.of()));
        assertThat(vm.actionsAllowedProperty().get()).isFalse();
        assertThat(vm.actionsDisabledReasonProperty().get()).startsWith("The ensemble is not reachable now");
        assertThat(vm.prepare(Action.FORCE_OPEN)).isNull();
    }

    @Test
    void aLoginThatMayNotWriteSeesTheFleetWithEveryActionDisabledAndWhy() {
        connect();
        ensemble.publish.accept(snapshot(true, List.of(member("a", "CLOSED", "", "")), Map.of(),
                "viewer may not write in shop: NoAuth for /fusebox/apps/shop/forced"));
        vm.select(row("shop", CHARGE));
        assertThat(vm.instances()).hasSize(1);
        assertThat(vm.actionsAllowedProperty().get()).isFalse();
        assertThat(vm.actionsDisabledReasonProperty().get()).isEqualTo("This login may not write fleet actions:"
                + " viewer may not write in shop: NoAuth for /fusebox/apps/shop/forced");
        assertThat(vm.prepare(Action.FORCE_OPEN)).isNull();
    }

    @Test
    void theConnectionDialogOffersTheLastProfileAndNeverKeepsThePassword() {
        EnsembleConnectViewModel dialog = vm.connectDialog();
        assertThat(dialog.addressProperty().get()).isEqualTo("zk1:2181,zk2:2181");
        assertThat(dialog.userProperty().get()).isEqualTo("alice");
        assertThat(dialog.missingProperty().get()).isEqualTo("Give the password of alice (or no user: anonymous may"
                + " read at most).");
        dialog.addressProperty().set("zk1");
        assertThat(dialog.missingProperty().get()).isEqualTo("Give the ensemble as host:port[,host:port...].");
        dialog.addressProperty().set("127.0.0.1:2181");
        dialog.rootProperty().set("fleet/");
        assertThat(dialog.readyProperty().get()).isFalse();
        dialog.rootProperty().set("/fleet");
        dialog.passwordProperty().set("pw");
        assertThat(dialog.readyProperty().get()).isTrue();
        dialog.connect();
        assertThat(ensemble.asked).containsExactly("connect " + new EnsembleProfile("prod", "127.0.0.1:2181", "/fleet",
                "alice") + " password=pw save=true");
        assertThat(vm.connectionProperty().get()).isEqualTo("connecting to alice@127.0.0.1:2181/fleet ...");
    }
}
