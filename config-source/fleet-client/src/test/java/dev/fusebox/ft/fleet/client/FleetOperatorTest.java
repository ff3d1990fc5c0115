package dev.fusebox.ft.fleet.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.fleet.client.FleetActionResult.Outcome;
import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetOverridesAction;
import dev.fusebox.ft.management.fleet.FleetRelease;
import dev.fusebox.ft.management.fleet.FleetMember;
import dev.fusebox.ft.management.fleet.FleetReset;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The operator's actions against one real ZooKeeper server (open ACLs; ACLs and failures have their own tests). */
class FleetOperatorTest {

    private static final String TARGET = "com.acme.Payments#charge";
    private static TestingServer server;
    private static FleetConnection connection;
    private static FleetOperator operator;
    private static final FleetLayout LAYOUT = FleetLayout.standard();

    @BeforeAll
    static void start() throws Exception {
        server = new TestingServer();
        connection = FleetConnection.start(FleetAccess.open(server.getConnectString()));
        assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
        operator = new FleetOperator(connection, "alice");
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        server.close();
    }

    private static String app() {
        return "app-" + UUID.randomUUID();
    }

    private static CuratorFramework zk() {
        return connection.curator();
    }

    @Test
    void aForcingIsWrittenWithItsAuditEntryAndTheParentOfItsAcknowledgements() throws Exception {
        String app = app();

        FleetActionResult result = operator.forceOpen(app, TARGET, "payments down", Duration.ofMinutes(5));

        assertThat(result.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(result.auditEntry()).matches("entry-\\d{10}");
        assertThat(result.message()).contains("force-open of " + TARGET, result.auditEntry(), result.actionId());
        FleetForcing forcing = FleetForcing.parse(zk().getData().forPath(LAYOUT.forced(app, TARGET)), TARGET);
        assertThat(forcing.actionId()).isEqualTo(result.actionId());
        assertThat(forcing.state()).isEqualTo("OPEN");
        assertThat(forcing.by()).isEqualTo("alice");
        assertThat(forcing.untilEpochMillis() - forcing.sinceEpochMillis()).isEqualTo(Duration.ofMinutes(5).toMillis());
        FleetAuditEntry entry = FleetAuditEntry.parse(
                zk().getData().forPath(LAYOUT.audit(app) + "/" + result.auditEntry()), result.auditEntry());
        assertThat(entry).extracting(FleetAuditEntry::actionId, FleetAuditEntry::action, FleetAuditEntry::target,
                FleetAuditEntry::reason).containsExactly(result.actionId(), "force-open", TARGET, "payments down");
        assertThat(zk().checkExists().forPath(LAYOUT.acks(app, result.actionId()))).isNotNull();
    }

    @Test
    void aSecondForcingReplacesTheFirstAndEachHasItsEntry() throws Exception {
        String app = app();
        operator.forceOpen(app, TARGET, "down", null);

        FleetActionResult closed = operator.forceClosed(app, TARGET, "back", null);

        assertThat(closed.committed()).isTrue();
        FleetForcing forcing = FleetForcing.parse(zk().getData().forPath(LAYOUT.forced(app, TARGET)), TARGET);
        assertThat(forcing).extracting(FleetForcing::state, FleetForcing::actionId, FleetForcing::untilEpochMillis)
                .containsExactly("CLOSED", closed.actionId(), 0L);
        assertThat(operator.audit(app, 10)).extracting(r -> r.audit().action())
                .containsExactly("force-open", "force-closed");
    }

    @Test
    void releaseDeletesTheForcingAndReleasingWhatIsNotForcedWritesNothing() throws Exception {
        String app = app();
        operator.forceOpen(app, TARGET, "down", null);

        assertThat(operator.release(app, TARGET, "fixed").committed()).isTrue();
        assertThat(zk().checkExists().forPath(LAYOUT.forced(app, TARGET))).isNull();

        FleetActionResult again = operator.release(app, TARGET, "twice");
        assertThat(again.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(again.message()).isEqualTo("release of " + TARGET + " in " + app + ": nothing written: " + TARGET
                + " is not forced fleet-wide in " + app);
        assertThat(zk().checkExists().forPath(LAYOUT.acks(app, again.actionId()))).isNull();
        assertThat(operator.audit(app, 10)).extracting(r -> r.audit().action()).containsExactly("force-open", "release");
    }

    @Test
    void aResetIsWrittenEachTimeWithANewActionId() throws Exception {
        String app = app();
        FleetActionResult first = operator.reset(app, TARGET, "");
        FleetActionResult second = operator.reset(app, TARGET, "again");

        FleetReset reset = FleetReset.parse(zk().getData().forPath(LAYOUT.resets(app, TARGET)), TARGET);
        assertThat(reset.actionId()).isEqualTo(second.actionId()).isNotEqualTo(first.actionId());
        assertThat(reset.reason()).isEqualTo("again");
    }

    @Test
    void configureMergesIntoTheOverridesNodeAndRefusesToMergeIntoACorruptOne() throws Exception {
        String app = app();
        String ratio = "com.acme.Payments/charge/CircuitBreaker/failureRatio";
        String delay = "com.acme.Payments/charge/CircuitBreaker/delay";

        assertThat(operator.configure(app, Map.of(ratio, "0.5", delay, "1000"), List.of(), "tune").committed()).isTrue();
        FleetActionResult second = operator.configure(app, Map.of(ratio, "0.75"), List.of(delay), "tune again");

        assertThat(second.committed()).isTrue();
        assertThat(new String(zk().getData().forPath(LAYOUT.overrides(app)), UTF_8))
                .isEqualTo("# fleet action " + second.actionId() + " by alice\n" + ratio + "=0.75\n");
        FleetAuditEntry entry = operator.audit(app, 1).get(0).audit();
        assertThat(entry.target()).isEqualTo(ratio + ", " + delay);
        assertThat(entry.detail()).isEqualTo(ratio + "=0.75, removed " + delay);

        zk().setData().forPath(LAYOUT.overrides(app), "no equals sign\n".getBytes(UTF_8));
        FleetActionResult refused = operator.configure(app, Map.of(ratio, "0.1"), List.of(), "");
        assertThat(refused.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.message()).contains("nothing written", "the overrides node of " + app
                + " holds what instances refuse", "line 1: no '=' in 'no equals sign'");
        assertThat(new String(zk().getData().forPath(LAYOUT.overrides(app)), UTF_8)).isEqualTo("no equals sign\n");
        assertThatThrownBy(() -> operator.configure(app, Map.of("a\nb", "1"), List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot contain line breaks");
        assertThatThrownBy(() -> operator.configure(app, Map.of(ratio, " 0.1"), List.of(), ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("white space would be lost");
    }

    @Test
    void aConcurrentChangeOfTheOverridesIsMergedNotLost() throws Exception {
        String app = app();
        operator.configure(app, Map.of("a/b/Retry/maxRetries", "1"), List.of(), "");
        FleetOverridesEdit edit = new FleetOverridesEdit(zk(), LAYOUT);
        FleetOverridesEdit.Change change = FleetOverridesEdit.change(Map.of("a/b/Retry/delay", "10"), List.of());
        String actionId = UUID.randomUUID().toString();
        FleetAuditEntry entry = new FleetAuditEntry(actionId, FleetAuditEntry.CONFIGURE, change.target(), "alice", "",
                1, 0, change.detail());
        int[] attempts = {0};

        FleetActionResult result = new FleetTransaction(connection).commit(app, entry, "configure", () -> {
            var op = edit.operation(app, change, new FleetOverridesAction(actionId, "alice"));
            if (attempts[0]++ == 0) {
                // another operator writes between our read and our transaction
                zk().setData().forPath(LAYOUT.overrides(app), "a/b/Retry/maxRetries=5\n".getBytes(UTF_8));
            }
            return List.of(op);
        });

        assertThat(result.committed()).as(result.message()).isTrue();
        assertThat(attempts[0]).isEqualTo(2);
        assertThat(new String(zk().getData().forPath(LAYOUT.overrides(app)), UTF_8))
                .isEqualTo("# fleet action " + actionId + " by alice\na/b/Retry/delay=10\na/b/Retry/maxRetries=5\n");
    }

    @Test
    void aNodeWrittenByHandIsMergedAsTheInstancesReadIt() throws Exception {
        String app = app();
        new FleetTransaction(connection).ensureParents(app);
        zk().create().forPath(LAYOUT.overrides(app),
                "# set by hand\r\n  a/b/Retry/maxRetries = 3 \r\n".getBytes(UTF_8));

        FleetActionResult result = operator.configure(app, Map.of("a/b/Retry/delay", "10"), List.of(), "");

        assertThat(result.committed()).as(result.message()).isTrue();
        assertThat(new String(zk().getData().forPath(LAYOUT.overrides(app)), UTF_8))
                .isEqualTo("# fleet action " + result.actionId() + " by alice\na/b/Retry/delay=10\n"
                        + "a/b/Retry/maxRetries=3\n");
    }

    @Test
    void aReleaseNamesTheForcingItDeleted() throws Exception {
        String app = app();
        FleetActionResult force = operator.forceOpen(app, "a.B#m", "", null);
        FleetActionResult release = operator.release(app, "a.B#m", "over");

        assertThat(release.committed()).as(release.message()).isTrue();
        assertThat(zk().checkExists().forPath(LAYOUT.forced(app, "a.B#m"))).isNull();
        assertThat(FleetRelease.parse(zk().getData().forPath(LAYOUT.released(app, "a.B#m")), "a.B#m"))
                .extracting(FleetRelease::actionId, FleetRelease::by, FleetRelease::reason, FleetRelease::forcingId)
                .containsExactly(release.actionId(), "alice", "over", force.actionId());
    }

    @Test
    void awaitAppliedCountsTheAcknowledgementsAgainstTheRegisteredInstances() throws Exception {
        String app = app();
        for (String id : List.of("i1", "i2", "i3")) {
            zk().create().creatingParentsIfNeeded().forPath(LAYOUT.instance(app, id), member(app, id).toBytes());
        }
        FleetActionResult force = operator.forceOpen(app, TARGET, "down", null);
        acknowledge(app, force.actionId(), new FleetAck("i1", true, "forced OPEN", 1));
        acknowledge(app, force.actionId(), new FleetAck("i2", false, "no breaker " + TARGET, 2));
        acknowledge(app, force.actionId(), new FleetAck("gone", false, "stopping", 2));

        FleetApplied partly = operator.awaitApplied(app, force.actionId(), Duration.ofMillis(200));

        assertThat(partly.everywhere()).isFalse();
        assertThat(partly.missing()).containsExactly("i3");
        assertThat(partly.summary()).isEqualTo("applied by 1 of 3 instances; missing: i3; refused by i2: no breaker "
                + TARGET);

        Thread late = new Thread(() -> acknowledge(app, force.actionId(), new FleetAck("i3", true, "forced OPEN", 3)));
        late.start();
        FleetApplied all = operator.awaitApplied(app, force.actionId(), Duration.ofSeconds(10));
        late.join();
        assertThat(all.missing()).isEmpty();
        assertThat(all.summary()).isEqualTo("applied by 2 of 3 instances; refused by i2: no breaker " + TARGET);

        FleetActionResult release = operator.release(app, TARGET, "");
        for (String id : List.of("i1", "i2", "i3")) {
            acknowledge(app, release.actionId(), new FleetAck(id, true, "released", 4));
        }
        FleetApplied everywhere = operator.awaitApplied(app, release.actionId(), Duration.ofSeconds(10));
        assertThat(everywhere.everywhere()).isTrue();
        assertThat(everywhere.summary()).isEqualTo("applied by 3 of 3 instances");
        // the audit keeps every answer, also of an instance gone since
        assertThat(operator.audit(app, 2).get(0).acks()).extracting(FleetAck::instanceId)
                .containsExactly("gone", "i1", "i2", "i3");
        assertThatThrownBy(() -> operator.awaitApplied(app, "no-such-action", Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("there is no fleet action no-such-action in " + app
                        + " (it did not commit, or its audit entry was trimmed)");
    }

    @Test
    void theAuditKeepsTheNewestEntriesAndDropsTheAcknowledgementsOfTheOthers() throws Exception {
        String app = app();
        FleetOperator keepingThree = new FleetOperator(connection, "bob", 3, Clock.systemUTC());
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = keepingThree.reset(app, TARGET, "reset " + i).actionId();
            acknowledge(app, id, new FleetAck("i1", true, "reset", i));
            ids.add(id);
        }

        List<FleetAuditRecord> audit = keepingThree.audit(app, 1000);

        assertThat(audit).extracting(r -> r.audit().reason()).containsExactly("reset 2", "reset 3", "reset 4");
        assertThat(audit.get(0).acks()).hasSize(1);
        assertThat(zk().getChildren().forPath(LAYOUT.audit(app))).hasSize(3);
        // the two trimmed actions lost their acknowledgements with their entries; the kept ones keep theirs
        assertThat(zk().checkExists().forPath(LAYOUT.acks(app, ids.get(0)))).isNull();
        assertThat(zk().checkExists().forPath(LAYOUT.acks(app, ids.get(1)))).isNull();
        assertThat(zk().checkExists().forPath(LAYOUT.acks(app, ids.get(2)))).isNotNull();
    }

    @Test
    void outcomeReadsBackWhetherAnActionCommitted() {
        String app = app();
        FleetActionResult force = operator.forceOpen(app, TARGET, "", null);

        FleetActionResult committed = operator.outcome(app, force.actionId());
        FleetActionResult never = operator.outcome(app, "0b5e1c70-0000-0000-0000-000000000000");

        assertThat(committed.outcome()).isEqualTo(Outcome.COMMITTED);
        assertThat(committed.auditEntry()).isEqualTo(force.auditEntry());
        assertThat(never.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(never.message()).isEqualTo("action 0b5e1c70-0000-0000-0000-000000000000 did not commit: nothing"
                + " was written");
    }

    @Test
    void aTransactionThatFailsInItsLastOperationLeavesNothingOfTheAction() throws Exception {
        String app = app();
        String guard = LAYOUT.application(app) + "/guard";
        zk().create().creatingParentsIfNeeded().forPath(guard);
        String actionId = UUID.randomUUID().toString();
        FleetAuditEntry entry = new FleetAuditEntry(actionId, FleetAuditEntry.FORCE_OPEN, TARGET, "alice", "", 1, 0, "");
        FleetForcing forcing = new FleetForcing(actionId, "OPEN", "alice", "", 1, 0);

        FleetActionResult result = new FleetTransaction(connection).commit(app, entry, "force-open of " + TARGET, () ->
                List.of(zk().transactionOp().create().forPath(LAYOUT.forced(app, TARGET), forcing.toBytes()),
                        zk().transactionOp().check().withVersion(7).forPath(guard)));

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.message()).startsWith("force-open of " + TARGET + ": nothing written: the node changed under"
                + " each of 3 attempts (another operator at work?); last: KeeperErrorCode = BadVersion");
        assertThat(zk().checkExists().forPath(LAYOUT.forced(app, TARGET))).isNull();
        assertThat(zk().getChildren().forPath(LAYOUT.audit(app))).isEmpty();
        assertThat(zk().checkExists().forPath(LAYOUT.acks(app, actionId))).isNull();
    }

    @Test
    void aTransactionSentAgainAfterItCommittedIsReportedCommittedAndWritesNoSecondEntry() throws Exception {
        String app = app();
        String actionId = UUID.randomUUID().toString();
        FleetAuditEntry entry = new FleetAuditEntry(actionId, FleetAuditEntry.RESET, TARGET, "alice", "", 1, 0, "");
        FleetReset reset = new FleetReset(actionId, "alice", "", 1);
        FleetTransaction transaction = new FleetTransaction(connection);
        String path = LAYOUT.resets(app, TARGET);
        FleetTransaction.Operations resetOps = () -> {
            Stat stat = zk().checkExists().forPath(path);
            return List.of(stat == null ? zk().transactionOp().create().forPath(path, reset.toBytes())
                    : zk().transactionOp().setData().withVersion(stat.getVersion()).forPath(path, reset.toBytes()));
        };
        FleetActionResult first = transaction.commit(app, entry, "reset", resetOps);

        // what Curator does when the first answer is lost: the same transaction again
        FleetActionResult again = transaction.commit(app, entry, "reset", resetOps);

        assertThat(again.outcome()).as(again.message()).isEqualTo(Outcome.COMMITTED);
        assertThat(again.auditEntry()).isEqualTo(first.auditEntry());
        assertThat(again.message()).endsWith("its first answer was lost, the read-back found it)");
        assertThat(zk().getChildren().forPath(LAYOUT.audit(app))).containsExactly(first.auditEntry());
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> new FleetOperator(connection, "a b"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("operator's name");
        assertThatThrownBy(() -> operator.forceOpen(app(), TARGET, "", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expiry must be positive");
        assertThatThrownBy(() -> operator.forceOpen(app(), TARGET, "line\nbreak", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThatThrownBy(() -> operator.forceOpen("", TARGET, "", null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a fleet name must have");
    }

    static FleetMember member(String app, String id) {
        return new FleetMember(app, id, "host", "", "1", 1, "connected",
                Map.of(TARGET, new FleetMember.BreakerState("CLOSED", "", "")));
    }

    static void acknowledge(String app, String actionId, FleetAck ack) {
        try {
            zk().create().forPath(LAYOUT.ack(app, actionId, ack.instanceId()), ack.toBytes());
        } catch (Exception e) {
            throw new AssertionError("could not write the acknowledgement " + ack, e);
        }
    }
}
