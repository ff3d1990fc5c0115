package dev.fusebox.ft.fleet.zookeeper;

import static dev.fusebox.ft.fleet.zookeeper.FleetInstance.APPLICATION;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.fleet.client.FleetAccess;
import dev.fusebox.ft.fleet.client.FleetConnection;
import dev.fusebox.ft.fleet.client.testing.Ensemble;
import dev.fusebox.ft.management.fleet.FleetAck;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A fleet-wide parameter override reaches every instance through the fleet ConfigSource and is
 * applied in place (a breaker of one method trips after fewer failures); a node with one invalid
 * entry, or a corrupt one, is refused whole with a clear message and the last good overrides stay.
 */
@ExtendWith(ThreadHygiene.class)
class FleetOverridesTest {

    private static final String KEY = Shop.Payments.class.getName() + "/charge/CircuitBreaker/";
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
    void anOverrideReachesEveryInstanceAndABadNodeIsRefusedWhole() throws Exception {
        try (FleetInstance a = FleetInstance.start("oa", ensemble.connectString(), Map.of());
             FleetInstance b = FleetInstance.start("ob", ensemble.connectString(), Map.of())) {
            assertThat(tripsAfterTwoFailures(a)).as("the annotation's 4 calls at 0.5").isFalse();

            String configure = operator.configure(Map.of(KEY + "requestVolumeThreshold", "2",
                    KEY + "failureRatio", "1.0"), "trip sooner");

            Await.until("both answered", () -> FleetForcingTest.acks(operator, configure).size() == 2);
            assertThat(FleetForcingTest.acks(operator, configure)).extracting(FleetAck::applied).containsOnly(true);
            assertThat(a.config()
                    .getConfigValue(KEY + "failureRatio").getSourceName()).isEqualTo("fusebox-fleet-overrides");
            assertThat(tripsAfterTwoFailures(a)).isTrue();
            assertThat(tripsAfterTwoFailures(b)).isTrue();
            try (FleetInstance late = FleetInstance.start("oc", ensemble.connectString(), Map.of())) {
                assertThat(tripsAfterTwoFailures(late)).as("in force before the late instance's first call").isTrue();
                assertThat(operator.awaitApplied(configure).summary()).isEqualTo("applied by 3 of 3 instances");
            }

            String invalid = operator.configure(Map.of(KEY + "requestVolumeThreshold", "3",
                    KEY + "failureRatio", "7"), "a typo");
            Await.until("refused by both", () -> FleetForcingTest.acks(operator, invalid).size() == 2);
            assertThat(FleetForcingTest.acks(operator, invalid)).allSatisfy(ack -> {
                assertThat(ack.applied()).isFalse();
                assertThat(ack.detail()).startsWith(KEY + "failureRatio=7: ");
            });
            assertThat(a.status().getLastProblem()).startsWith("refused the fleet overrides node /fusebox/apps/shop/overrides: "
                    + KEY + "failureRatio=7: ").endsWith("; the overrides read before stay in force");
            assertThat(a.config()
                    .getValue(KEY + "requestVolumeThreshold", String.class)).as("the whole node refused").isEqualTo("2");

            String corrupt = operator.configureRaw("no equals sign here\n".getBytes(StandardCharsets.UTF_8), "broken");
            Await.until("refused again", () -> FleetForcingTest.acks(operator, corrupt).size() == 2);
            assertThat(FleetForcingTest.acks(operator, corrupt).get(0).detail()).isEqualTo(
                    "line 2: no '=' in 'no equals sign here'");
            assertThat(a.status().getRefusedNodes()).isEqualTo(2);
            assertThat(tripsAfterTwoFailures(b)).as("the last good overrides stay").isTrue();
        }
    }

    @Test
    void aNodeWrittenByHandIsReadAsTheFileIsAndAnswersNoOperatorsAction() throws Exception {
        operator.overridesByHand(""); // whatever an earlier test left
        try (FleetInstance a = FleetInstance.start("oh", ensemble.connectString(), Map.of())) {
            String configure = operator.configure(Map.of(KEY + "requestVolumeThreshold", "2",
                    KEY + "failureRatio", "1.0"), "trip sooner");
            Await.until("answered", () -> FleetForcingTest.acks(operator, configure).size() == 1);
            FleetAck answered = FleetForcingTest.acks(operator, configure).get(0);
            assertThat(answered.applied()).as(answered.detail()).isTrue();

            // comments, spaces around '=' and CR LF, as the overrides file takes them
            operator.overridesByHand("# edited by hand\r\n  " + KEY + "requestVolumeThreshold = 3 \r\n");
            Await.until("the hand edit applied", () -> "3".equals(a.config()
                    .getValue(KEY + "requestVolumeThreshold", String.class)));
            operator.overridesByHand(KEY + "failureRatio=7\n");
            Await.until("the hand edit refused", () -> a.status().getRefusedNodes() == 1);
            // the instance answers in order on one session: once the reset is answered, any answer the
            // hand edits caused has been written
            String reset = operator.reset(FleetInstance.CHARGE, "barrier");
            Await.until("the reset answered", () -> FleetForcingTest.acks(operator, reset).size() == 1);

            assertThat(FleetForcingTest.acks(operator, configure)).as("the operator's action keeps its own answer")
                    .containsExactly(answered);
            assertThat(a.config().getValue(KEY + "requestVolumeThreshold", String.class)).isEqualTo("3");
            operator.overridesByHand("");
            Await.until("the overrides emptied", () -> a.config()
                    .getOptionalValue(KEY + "requestVolumeThreshold", String.class).isEmpty());
        }
    }

    /** Resets charge (over JMX's operations), fails it twice, and says whether the third call is rejected. */
    private static boolean tripsAfterTwoFailures(FleetInstance instance) {
        instance.container.extension(dev.fusebox.ft.jmx.ManagementExtension.class).control()
                .reset(FleetInstance.CHARGE, "test", "");
        for (int i = 0; i < 2; i++) {
            try {
                instance.payments.charge(true);
            } catch (RuntimeException expected) {
                // the failure the breaker counts, or already its rejection
            }
        }
        return instance.chargeRejected();
    }
}
