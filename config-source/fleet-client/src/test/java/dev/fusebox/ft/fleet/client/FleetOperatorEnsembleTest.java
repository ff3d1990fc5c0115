package dev.fusebox.ft.fleet.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.fleet.client.FleetActionResult.Outcome;
import dev.fusebox.ft.fleet.client.testing.Ensemble;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetLayout;
import java.time.Duration;
import dev.fusebox.ft.management.fleet.FleetAuditEntry;
import java.util.List;
import java.util.UUID;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.data.Stat;
import org.apache.curator.test.InstanceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A fleet-wide force while the 3-peer ensemble loses its leader, and while it loses its quorum:
 * applied whole with exactly one audit entry, or reported as failed or unknown, never half written.
 * <p>
 * Timeouts: the operator waiting out an election has the defaults (15 s session, 5 s connection: an
 * election takes 0.5 to 1.6 s on a quiet 2-core machine, measured, and several seconds under load),
 * so these tests take only as long as the election does; the client that must give up while the
 * quorum is lost has short ones (4 s, 1 s), since that test waits for them to pass.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetOperatorEnsembleTest {

    private static final String APP = "payments";
    private static final String TARGET = "com.acme.Payments#charge";
    private static final FleetLayout LAYOUT = FleetLayout.standard();
    private static Ensemble ensemble;
    private static FleetConnection connection;
    private static FleetOperator operator;

    @BeforeAll
    static void start() throws Exception {
        ensemble = Ensemble.start();
        connection = FleetConnection.start(FleetAccess.open(ensemble.connectString()));
        assertThat(connection.awaitConnected(Duration.ofSeconds(20))).isTrue();
        operator = new FleetOperator(connection, "alice");
        assertThat(operator.reset(APP, TARGET, "warm up").committed()).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        ensemble.close();
    }

    @Test
    @Order(1)
    void aForceIssuedAsTheLeaderDiesCommitsOnceAfterTheElection() throws Exception {
        InstanceSpec leader = ensemble.leader(Duration.ofSeconds(10));
        ensemble.kill(leader);
        FleetActionResult force;
        try {
            force = operator.forceOpen(APP, TARGET, "leader killed", null);
            assertThat(ensemble.leader(Duration.ofSeconds(10))).isNotEqualTo(leader);
        } finally {
            ensemble.restart(leader);
        }

        assertThat(force.outcome()).as(force.message()).isEqualTo(Outcome.COMMITTED);
        assertThat(entriesOf(force.actionId())).containsExactly(force.auditEntry());
        FleetForcing forcing = FleetForcing.parse(connection.curator().getData().forPath(LAYOUT.forced(APP, TARGET)),
                TARGET);
        assertThat(forcing.actionId()).isEqualTo(force.actionId());
    }

    @Test
    @Order(2)
    void aTransactionSentAsTheLeaderDiesCommitsOnceAfterTheElection() throws Exception {
        InstanceSpec leader = ensemble.leader(Duration.ofSeconds(20));
        String actionId = UUID.randomUUID().toString();

        FleetActionResult force;
        try {
            force = forceClosedKillingFirst(connection, actionId, List.of(leader));
        } finally {
            ensemble.restart(leader);
        }

        assertThat(force.outcome()).as(force.message()).isEqualTo(Outcome.COMMITTED);
        assertThat(entriesOf(actionId)).containsExactly(force.auditEntry());
        assertThat(FleetForcing.parse(connection.curator().getData().forPath(LAYOUT.forced(APP, TARGET)), TARGET)
                .actionId()).isEqualTo(actionId);
    }

    @Test
    @Order(3)
    void aTransactionSentAsTheQuorumIsLostIsUnknownUntilTheReadBackFindsItFailed() throws Exception {
        InstanceSpec leader = ensemble.leader(Duration.ofSeconds(20));
        InstanceSpec follower = ensemble.servers().stream().filter(s -> !s.equals(leader)).findFirst().orElseThrow();
        String forcedBefore = FleetForcing.parse(connection.curator().getData().forPath(LAYOUT.forced(APP, TARGET)),
                TARGET).actionId();
        int entriesBefore = FleetAuditTrail.entries(connection.curator(), LAYOUT, APP).size();
        String actionId = UUID.randomUUID().toString();

        FleetActionResult force;
        try (FleetConnection hasty = FleetConnection.start(FleetAccess.open(ensemble.connectString())
                .withTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(1)))) {
            assertThat(hasty.awaitConnected(Duration.ofSeconds(20))).isTrue();
            force = forceClosedKillingFirst(hasty, actionId, List.of(leader, follower));
        } finally {
            ensemble.restart(leader);
            ensemble.restart(follower);
        }

        assertThat(force.outcome()).as(force.message()).isEqualTo(Outcome.UNKNOWN);
        // the answer lost is a ConnectionLoss or an expired session, as the timing falls
        assertThat(force.message()).startsWith("force-closed of " + TARGET + " in " + APP + ": the ensemble's answer"
                + " was lost (KeeperErrorCode = ").contains("whether the action committed is UNKNOWN; ask"
                + " FleetOperator.outcome for action " + actionId + " when the ensemble is back");

        // read back by another client (the patient operator), as a restarted console would
        FleetActionResult readBack = operator.outcome(APP, actionId);

        assertThat(readBack.outcome()).as(readBack.message()).isEqualTo(Outcome.FAILED);
        assertThat(FleetAuditTrail.entries(connection.curator(), LAYOUT, APP)).hasSize(entriesBefore);
        assertThat(FleetForcing.parse(connection.curator().getData().forPath(LAYOUT.forced(APP, TARGET)), TARGET)
                .actionId()).isEqualTo(forcedBefore);
    }

    /** The transaction forceClosed writes, with {@code servers} killed after it is prepared and before it is sent. */
    private static FleetActionResult forceClosedKillingFirst(FleetConnection client, String actionId,
                                                             List<InstanceSpec> servers) {
        CuratorFramework zk = client.curator();
        String path = LAYOUT.forced(APP, TARGET);
        FleetForcing forcing = new FleetForcing(actionId, "CLOSED", "alice", "mid-write", 1, 0);
        FleetAuditEntry entry = new FleetAuditEntry(actionId, FleetAuditEntry.FORCE_CLOSED, TARGET, "alice",
                "mid-write", 1, 0, "");
        return new FleetTransaction(client).commit(APP, entry, "force-closed of " + TARGET + " in " + APP, () -> {
            Stat stat = zk.checkExists().forPath(path);
            for (InstanceSpec server : servers) {
                ensemble.kill(server);
            }
            return List.of(zk.transactionOp().setData().withVersion(stat.getVersion()).forPath(path,
                    forcing.toBytes()));
        });
    }

    private static List<String> entriesOf(String actionId) throws Exception {
        return operator.audit(APP, 1000).stream().filter(r -> r.audit().actionId().equals(actionId))
                .map(FleetAuditRecord::entry).toList();
    }
}
