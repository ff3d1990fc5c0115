package dev.fusebox.ft.fleet.zookeeper;

import static dev.fusebox.ft.fleet.zookeeper.FleetInstance.APPLICATION;
import static dev.fusebox.ft.fleet.zookeeper.FleetInstance.CHARGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.fleet.client.FleetAccess;
import dev.fusebox.ft.fleet.client.FleetActionResult;
import dev.fusebox.ft.fleet.client.FleetApplied;
import dev.fusebox.ft.fleet.client.FleetConnection;
import dev.fusebox.ft.fleet.client.FleetOperator;
import dev.fusebox.ft.fleet.client.testing.Ensemble;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetMember;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.KillSession;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What an instance does when the store fails it, on a real three-peer ensemble: the whole ensemble
 * down and back (the forcing kept, the status says so, a release after the return applied), its
 * session expired (member node re-created, states published again, watches still work), the
 * leader killed just before a fleet-wide force (the force commits once after the election, with
 * one audit entry, and both instances apply it), and a corrupt forced node (refused with a clear
 * message, the forcing in force kept).
 * <p>
 * The operator's client has the default timeouts (15 s session, 5 s connection), so it waits out an
 * election however long a loaded machine makes it; the instances have short ones (4 s, 2 s) where a
 * test needs their session to end, and the defaults where they must ride out an election.
 */
@ExtendWith(ThreadHygiene.class)
class FleetFailureTest {

    private static final FleetLayout LAYOUT = FleetLayout.standard();
    private static final String QUOTE = Shop.Payments.class.getName() + "#quote";
    private static Ensemble ensemble;
    private static FleetConnection operatorConnection;
    private static OperatorWrites operator;

    @BeforeAll
    static void startEnsemble() throws Exception {
        ensemble = Ensemble.start();
        operatorConnection = FleetConnection.start(FleetAccess.open(ensemble.connectString()));
        assertThat(operatorConnection.awaitConnected(Duration.ofSeconds(20))).isTrue();
        operator = new OperatorWrites(operatorConnection, APPLICATION, "alice");
    }

    @AfterAll
    static void stopEnsemble() throws Exception {
        operatorConnection.close();
        ensemble.close();
    }

    @Test
    void theEnsembleDownAndBackKeepsTheForcingAndAppliesAReleaseMadeAfter() throws Exception {
        try (FleetInstance a = FleetInstance.start("down", ensemble.connectString(), Map.of())) {
            String force = operator.forceOpen(CHARGE, "INC-8");
            Await.until("a rejects charge", a::chargeRejected);
            Await.until("a answered", () -> FleetForcingTest.acks(operator, force).size() == 1);

            ensemble.stopAll();
            Await.until("the status says the store is unreachable", () -> !a.status().isConnected()
                    && a.status().getStatus().startsWith("UNREACHABLE since ")
                    && a.status().getStatus().contains("keeping 1 fleet forcings"));
            assertThat(a.chargeRejected()).as("the forcing is kept while the store is down").isTrue();
            assertThat(a.status().getFleetForcings()).isEqualTo(1);

            ensemble.startAll();
            Await.until("connected again", () -> a.status().isConnected());
            assertThat(a.chargeRejected()).isTrue();
            String release = operator.release(CHARGE, "provider back");
            Await.until("the release after the return is applied", () -> !a.chargeRejected());
            Await.until("and answered", () -> FleetForcingTest.acks(operator, release).size() == 1);
            assertThat(a.status().getStatus()).startsWith("connected to ").contains("0 fleet forcings");
        }
    }

    @Test
    void anExpiredSessionRegistersAgainAndKeepsWatching() throws Exception {
        try (FleetInstance a = FleetInstance.start("expiring", ensemble.connectString(), Map.of())) {
            String path = LAYOUT.instance(APPLICATION, "expiring");
            Await.until("registered", () -> stat(path) != null);
            long firstOwner = stat(path).getEphemeralOwner();

            KillSession.kill(a.agent().connection().curator().getZookeeperClient().getZooKeeper());

            // the client's session ends at once; the ensemble ends the old one (and its node) after its timeout
            untilWithin(Duration.ofSeconds(15), "the member node is re-created on a new session",
                    () -> {
                        Stat now = stat(path);
                        return now != null && now.getEphemeralOwner() != firstOwner;
                    });
            String force = operator.forceOpen(QUOTE, "after the expiry");
            Await.until("the watch still works: quote forced", () -> a.container.extension(
                    dev.fusebox.ft.jmx.ManagementExtension.class).control().forcing(QUOTE) != null);
            Await.until("the new state is published in the new node", () -> {
                FleetMember member = member(path);
                return member != null && member.breakers().get(QUOTE).actionId().equals(force)
                        && member.fleetStatus().equals("connected");
            });
            operator.release(QUOTE, "done");
        }
    }

    @Test
    void aForceMadeAsTheLeaderDiesIsAppliedByEveryInstanceOnceWithOneAuditEntry() throws Exception {
        Map<String, String> rideOutAnElection = Map.of(FleetSettings.SESSION_TIMEOUT, "15000",
                FleetSettings.CONNECTION_TIMEOUT, "5000");
        try (FleetInstance a = FleetInstance.start("leader-a", ensemble.connectString(), rideOutAnElection);
             FleetInstance b = FleetInstance.start("leader-b", ensemble.connectString(), rideOutAnElection)) {
            untilWithin(Duration.ofSeconds(20), "both registered", () -> stat(LAYOUT.instance(APPLICATION, "leader-a"))
                    != null && stat(LAYOUT.instance(APPLICATION, "leader-b")) != null);
            int entriesBefore = operator.fleet().audit(APPLICATION, FleetOperator.AUDIT_KEPT).size();
            InstanceSpec leader = ensemble.leader(Duration.ofSeconds(20));
            ensemble.kill(leader);
            try {
                // at once, while the two survivors elect a new leader: the write waits the election out
                FleetActionResult forced = operator.fleet().forceOpen(APPLICATION, CHARGE, "INC-11 as the leader died",
                        null);

                assertThat(forced.outcome()).as(forced.message()).isEqualTo(FleetActionResult.Outcome.COMMITTED);
                FleetApplied applied = operator.fleet().awaitApplied(APPLICATION, forced.actionId(),
                        Duration.ofSeconds(20));
                assertThat(applied.summary()).isEqualTo("applied by 2 of 2 instances");
                assertThat(a.chargeRejected()).isTrue();
                assertThat(b.chargeRejected()).isTrue();
                List<String> ids = operator.fleet().audit(APPLICATION, FleetOperator.AUDIT_KEPT).stream()
                        .map(record -> record.audit().actionId()).toList();
                assertThat(ids).hasSize(entriesBefore + 1).containsOnlyOnce(forced.actionId());
            } finally {
                ensemble.restart(leader);
            }
            operator.release(CHARGE, "clean up");
            untilWithin(Duration.ofSeconds(20), "released", () -> !a.chargeRejected() && !b.chargeRejected());
        }
    }

    @Test
    void aCorruptForcedNodeIsRefusedAndTheForcingInForceStays() throws Exception {
        try (FleetInstance a = FleetInstance.start("corrupt", ensemble.connectString(), Map.of())) {
            operator.forceOpen(CHARGE, "INC-9");
            Await.until("a rejects charge", a::chargeRejected);

            operator.corruptForced(CHARGE, "state=SIDEWAYS\u0000\u0007".getBytes(StandardCharsets.UTF_8));

            Await.until("the node is refused", () -> a.status().getRefusedNodes() == 1);
            assertThat(a.status().getLastProblem()).startsWith("refused the fleet forcing node of " + CHARGE + ": ")
                    .endsWith("; the forcing in force stays");
            assertThat(a.chargeRejected()).isTrue();
            operator.release(CHARGE, "clean up");
            Await.until("released", () -> !a.chargeRejected());
        }
    }

    @Test
    void theMemberCarriesTheRemoteConnectorsAddress(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path users = dir.resolve("jmx-users");
        dev.fusebox.ft.jmx.remote.Credentials.create(users, Map.of("olga", dev.fusebox.ft.jmx.remote.Role.OPERATOR));
        try (FleetInstance a = FleetInstance.start("remote", ensemble.connectString(), Map.of(
                "fusebox.jmx.remote.enabled", "true", "fusebox.jmx.remote.port", "0",
                "fusebox.jmx.remote.credentials-file", users.toString()))) {
            String address = a.container.extension(dev.fusebox.ft.jmx.remote.RemoteAccessExtension.class)
                    .remoteAddress().toString();
            assertThat(address).startsWith("service:jmx:");
            Await.until("registered", () -> member(LAYOUT.instance(APPLICATION, "remote")) != null);
            assertThat(member(LAYOUT.instance(APPLICATION, "remote")).jmxAddress()).isEqualTo(address);
        }
    }

    @Test
    void anInstanceStartsWhenTheEnsembleDoesNotAnswerAndSaysSo() {
        long start = System.nanoTime();
        try (FleetInstance a = FleetInstance.start("alone", "127.0.0.1:1", Map.of(FleetSettings.STARTUP_WAIT, "300"))) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(a.chargeRejected()).isFalse();
            assertThat(a.status().isConnected()).isFalse();
            assertThat(a.status().getStatus()).isEqualTo("connecting to 127.0.0.1:1/fusebox; not yet read from the fleet");
        }
    }

    @Test
    void aFleetForcingReleasedWhileTheInstanceWasDownIsReleasedAtItsRestart(@org.junit.jupiter.api.io.TempDir
                                                                            java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("overrides.properties");
        try (FleetInstance a = FleetInstance.startWithOverridesFile("restarting", ensemble.connectString(), file)) {
            operator.forceOpen(QUOTE, "INC-10");
            Await.until("kept in the instance's store", () -> java.nio.file.Files.exists(file)
                    && readString(file).contains("fusebox.forced/" + QUOTE + "=OPEN|"));
            assertThat(a.status().getFleetForcings()).isEqualTo(1);
        }
        operator.release(QUOTE, "released while the instance is down");

        try (FleetInstance a = FleetInstance.startWithOverridesFile("restarting", ensemble.connectString(), file)) {
            // restored from the store at start, then released by the first read of the fleet, before any call
            assertThat(a.container.extension(dev.fusebox.ft.jmx.ManagementExtension.class).control().forcing(QUOTE))
                    .isNull();
        }
    }

    private static String readString(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readString(file);
        } catch (java.io.IOException unreadable) {
            throw new java.io.UncheckedIOException(unreadable);
        }
    }

    /** Like {@link Await#until}, for a condition that needs a session timeout to pass first. */
    private static void untilWithin(Duration patience, String what, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not true within " + patience + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    private static Stat stat(String path) {
        try {
            return operatorConnection.curator().checkExists().forPath(path);
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    private static FleetMember member(String path) {
        try {
            return FleetMember.parse(operatorConnection.curator().getData().forPath(path), path);
        } catch (KeeperException.NoNodeException absent) {
            return null;
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }
}
