package dev.fusebox.ft.fleet.zookeeper;

import static dev.fusebox.ft.fleet.zookeeper.FleetInstance.APPLICATION;
import static dev.fusebox.ft.fleet.zookeeper.FleetInstance.CHARGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.fleet.client.FleetAccess;
import dev.fusebox.ft.fleet.client.FleetAcl;
import dev.fusebox.ft.fleet.client.FleetConnection;
import dev.fusebox.ft.fleet.client.testing.Ensemble;
import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetMember;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fleet-wide forcings on a real three-peer ensemble with role ACLs: a force reaches the running
 * instances and one started later applies it before its first call; every instance answers the
 * action and registers its member node with its breakers' states; an instance may not write a
 * forcing.
 */
@ExtendWith(ThreadHygiene.class)
class FleetForcingTest {

    private static final FleetLayout LAYOUT = FleetLayout.standard();
    private static Ensemble ensemble;
    private static FleetConnection operatorConnection;
    private static OperatorWrites operator;
    private static Map<String, String> instanceLogin;

    @BeforeAll
    static void startEnsemble() throws Exception {
        ensemble = Ensemble.start();
        String operators = FleetAcl.digestId("ops", "ops-secret");
        String instances = FleetAcl.digestId("inst", "inst-secret");
        FleetAcl acl = FleetAcl.of(LAYOUT, operators, instances, "");
        operatorConnection = FleetConnection.start(FleetAccess.open(ensemble.connectString()).withAcl(acl)
                .withLogin("ops", "ops-secret"));
        assertThat(operatorConnection.awaitConnected(Duration.ofSeconds(20))).isTrue();
        operator = new OperatorWrites(operatorConnection, APPLICATION, "alice");
        instanceLogin = Map.of(FleetSettings.USER, "inst", FleetSettings.PASSWORD, "inst-secret",
                FleetSettings.ACL_OPERATORS, operators, FleetSettings.ACL_INSTANCES, instances);
    }

    @AfterAll
    static void stopEnsemble() throws Exception {
        operatorConnection.close();
        ensemble.close();
    }

    @Test
    void aForceReachesRunningInstancesAndOneThatStartsLaterBeforeItsFirstCall() throws Exception {
        try (FleetInstance a = FleetInstance.start("a", ensemble.connectString(), instanceLogin);
             FleetInstance b = FleetInstance.start("b", ensemble.connectString(), instanceLogin)) {
            Await.until("both instances registered", () -> member("a") != null && member("b") != null);
            assertThat(a.chargeRejected()).isFalse();

            String force = operator.forceOpen(CHARGE, "payments provider down INC-7");

            Await.until("a rejects charge", a::chargeRejected);
            Await.until("b rejects charge", b::chargeRejected);
            assertThat(operator.awaitApplied(force).summary()).isEqualTo("applied by 2 of 2 instances");
            assertThat(acks(force)).allSatisfy(ack -> {
                assertThat(ack.applied()).isTrue();
                assertThat(ack.detail()).isEqualTo("forced OPEN 1 of 1 breakers");
            });
            Await.until("a's member node shows the fleet forcing", () -> {
                FleetMember.BreakerState state = member("a").breakers().get(CHARGE);
                return state.state().equals("OPEN") && state.forced().equals("OPEN") && state.actionId().equals(force);
            });
            assertThat(a.status().getFleetForcings()).isEqualTo(1);
            assertThat(a.container.extension(dev.fusebox.ft.jmx.ManagementExtension.class).publishedMBeans())
                    .as("the status is among the MXBeans the remote connector serves")
                    .anySatisfy(mbean -> assertThat(mbean.name()).isEqualTo(FleetExtension.name("shop-a")));
            assertThat(a.container.extension(dev.fusebox.ft.jmx.ManagementExtension.class).control()
                    .forcing(CHARGE).by()).isEqualTo("fleet:alice");

            try (FleetInstance c = FleetInstance.start("c", ensemble.connectString(), instanceLogin)) {
                // no waiting: the first call of the late instance is already rejected
                assertThat(c.chargeRejected()).isTrue();
                assertThat(c.payments.invocations()).isZero();
                assertThat(operator.awaitApplied(force).summary()).isEqualTo("applied by 3 of 3 instances");

                String release = operator.release(CHARGE, "provider back");

                Await.until("every instance calls through again",
                        () -> !a.chargeRejected() && !b.chargeRejected() && !c.chargeRejected());
                assertThat(operator.awaitApplied(release).summary()).isEqualTo("applied by 3 of 3 instances");
                assertThat(acks(release)).allSatisfy(ack -> assertThat(ack.detail()).isEqualTo("released 1 breakers"));
            }
            Await.until("c's member node is gone with it", () -> member("c") == null);
        }
    }

    @Test
    void aForcingDeletedByHandIsReleasedAndAnswersNoEarlierRelease() throws Exception {
        try (FleetInstance a = FleetInstance.start("hd", ensemble.connectString(), instanceLogin)) {
            operator.forceOpen(CHARGE, "first");
            Await.until("forced", a::chargeRejected);
            String release = operator.release(CHARGE, "first over");
            Await.until("the release answered", () -> acks(release).size() == 1);
            FleetAck answered = acks(release).get(0);

            operator.forceOpen(CHARGE, "second");
            Await.until("forced again", a::chargeRejected);
            operator.deleteForcedByHand(CHARGE);
            Await.until("released", () -> !a.chargeRejected());
            String reset = operator.reset(CHARGE, "barrier"); // answered after anything the deletion caused
            Await.until("the reset answered", () -> acks(reset).size() == 1);

            assertThat(acks(release)).as("the earlier release keeps its own answer").containsExactly(answered);
        }
    }

    @Test
    void anInstanceMayNotWriteAForcing() throws Exception {
        FleetAcl acl = FleetAcl.of(LAYOUT, instanceLogin.get(FleetSettings.ACL_OPERATORS),
                instanceLogin.get(FleetSettings.ACL_INSTANCES), "");
        try (FleetInstance a = FleetInstance.start("acl", ensemble.connectString(), instanceLogin);
             FleetConnection asInstance = FleetConnection.start(FleetAccess.open(ensemble.connectString()).withAcl(acl)
                     .withLogin("inst", "inst-secret"))) {
            Await.until("the instance registered", () -> member("acl") != null);
            byte[] forcing = new FleetForcing("a-1", "OPEN", "mallory", "", 1, 0).toBytes();
            assertThat(asInstance.awaitConnected(Duration.ofSeconds(5))).isTrue();
            operator.forceOpen("group:none", "makes the forced parent exist");

            String path = LAYOUT.forced(APPLICATION, "group:mallory");
            assertThatThrownBy(() -> asInstance.curator().create().forPath(path, forcing))
                    .isInstanceOf(KeeperException.NoAuthException.class)
                    .hasMessageContaining("NoAuth for " + path);
            assertThat(operatorConnection.curator().checkExists().forPath(path)).isNull();
            assertThat(a.status().isConnected()).as("the instance itself works with its role's ACLs").isTrue();
            operator.release("group:none", "clean up");
        }
    }

    @Test
    void statesArePublishedOnTransitionsOnlyNeverPerCall() throws Exception {
        try (FleetInstance a = FleetInstance.start("quiet", ensemble.connectString(), instanceLogin)) {
            String path = LAYOUT.instance(APPLICATION, "quiet");
            // the first publication comes with the agent's first full read: on two cores busy with the whole
            // build (the clean-clone CI) that once took longer than Await's 5 s
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (member("quiet") == null || !member("quiet").fleetStatus().equals("connected")) {
                assertThat(System.nanoTime() - deadline).as("registered and published as connected within 20 s")
                        .isNegative();
                Thread.sleep(20);
            }
            int version = operatorConnection.curator().checkExists().forPath(path).getVersion();

            for (int i = 0; i < 200; i++) {
                a.payments.charge(false);
            }
            Await.holdsFor(Duration.ofMillis(300), "no write for calls that change no state", () ->
                    version == versionOf(path));

            for (int i = 0; i < 4; i++) {
                try {
                    a.payments.charge(true);
                } catch (RuntimeException failure) {
                    // counted by the breaker
                }
            }
            Await.until("the trip is published", () -> member("quiet").breakers().get(CHARGE).state().equals("OPEN"));
            assertThat(versionOf(path)).as("one transition, one write").isEqualTo(version + 1);
        }
    }

    private static int versionOf(String path) {
        try {
            return operatorConnection.curator().checkExists().forPath(path).getVersion();
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    static FleetMember member(String id) {
        try {
            byte[] data = operatorConnection.curator().getData().forPath(LAYOUT.instance(APPLICATION, id));
            return FleetMember.parse(data, id);
        } catch (KeeperException.NoNodeException absent) {
            return null;
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }

    static List<FleetAck> acks(String action) {
        return acks(operator, action);
    }

    static List<FleetAck> acks(OperatorWrites writes, String action) {
        try {
            return writes.acks(action);
        } catch (Exception failed) {
            throw new AssertionError(failed);
        }
    }
}
