package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.feed.BreakerSnapshot;
import dev.fusebox.console.feed.ConnectionState;
import dev.fusebox.console.feed.FleetFeed;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.TestCircuitBreaker;
import dev.fusebox.console.fixture.TestJmxServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection layer against a real RMI connector on loopback serving test MXBeans. */
class FleetConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(300), Duration.ofMillis(200),
            Duration.ofMillis(800));

    private TestJmxServer server;
    private TestCircuitBreaker charge;
    private TestCircuitBreaker refund;
    private final Map<String, JvmSnapshot> latest = new ConcurrentHashMap<>();
    private FleetFeed feed;
    private Fleet fleet;

    @BeforeEach
    void startServer() throws Exception {
        server = TestJmxServer.start();
        charge = server.addBreaker("shop", "com.example.Payments", "charge");
        refund = server.addBreaker("shop", "com.example.Payments", "refund");
        server.addBulkhead("shop", "com.example.Payments", "charge", 10, 0);
        server.registry("shop").defineGroup("payments", charge.getName(), refund.getName());
        feed = new FleetFeed();
        feed.addListener(s -> latest.put(s.jvm(), s));
    }

    @AfterEach
    void stop() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
        server.close();
    }

    private String connect(String user, String password, ConsoleSettings settings) {
        fleet = new Fleet(feed, settings);
        return fleet.connect(ConnectionProfile.remote("127.0.0.1", server.port(), user, false,
                Permission.Role.UNKNOWN), password.toCharArray());
    }

    private JvmSnapshot snapshot(String jvm) {
        return latest.get(jvm);
    }

    private BreakerSnapshot breaker(String jvm, String method) {
        JvmSnapshot s = snapshot(jvm);
        return s == null ? null : s.breakers().stream().filter(b -> b.key().method().equals(method)).findFirst()
                .orElse(null);
    }

    @Test
    void listsBreakersBulkheadsAndGroupsOfTheJvm() {
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, FAST);
        Eventually.within(WAIT, "two breakers", () -> snapshot(jvm),
                () -> snapshot(jvm) != null && snapshot(jvm).breakers().size() == 2);
        JvmSnapshot s = snapshot(jvm);
        assertThat(s.connection().phase()).isEqualTo(ConnectionState.Phase.CONNECTED);
        assertThat(s.bulkheads()).hasSize(1);
        assertThat(s.groups().get("shop")).extracting(g -> g.name()).containsExactly("payments");
        assertThat(s.permission().actionsAllowed()).isTrue();
        assertThat(s.breakers().get(0).reading().settings().requestVolumeThreshold()).isEqualTo(20);
    }

    @Test
    void aStateNotificationReachesTheFeedWellBeforeTheNextPoll() {
        ConsoleSettings slowPolls = new ConsoleSettings(Duration.ofSeconds(30), Duration.ofMillis(200),
                Duration.ofSeconds(1));
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, slowPolls);
        Eventually.within(WAIT, "connected", () -> breaker(jvm, "charge") != null);
        charge.transitionTo("OPEN", "failure ratio 0.60 >= 0.50 over 20 calls");
        Eventually.within(Duration.ofSeconds(1), "OPEN within 1 s", () -> breaker(jvm, "charge"),
                () -> "OPEN".equals(breaker(jvm, "charge").reading().state()));
        assertThat(breaker(jvm, "charge").lastCause()).startsWith("failure ratio 0.60");
    }

    @Test
    void forceOpenReachesTheServerWithReasonAndExpiry() throws Exception {
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, FAST);
        Eventually.within(WAIT, "connected", () -> breaker(jvm, "charge") != null);
        MethodKey key = breaker(jvm, "charge").key();
        List<ActionOutcome> outcomes = fleet.act(Action.FORCE_OPEN, List.of(key), "payments DB down", "PT30M")
                .get(5, TimeUnit.SECONDS);
        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).result().succeeded()).isTrue();
        assertThat(charge.received()).containsExactly(
                new TestCircuitBreaker.Received("forceOpen", "payments DB down", "PT30M"));
        Eventually.within(WAIT, "forced OPEN shown", () -> breaker(jvm, "charge"),
                () -> breaker(jvm, "charge").reading().forced());
    }

    @Test
    void aGroupActionGoesThroughTheRegistryOfEachJvm() throws Exception {
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, FAST);
        Eventually.within(WAIT, "groups read", () -> snapshot(jvm) != null && !snapshot(jvm).groups().isEmpty());
        List<ActionOutcome> outcomes = fleet.actOnGroup(Action.FORCE_OPEN, "payments", "maintenance", "")
                .get(5, TimeUnit.SECONDS);
        assertThat(outcomes).extracting(o -> o.result().target())
                .containsExactlyInAnyOrder(charge.getName(), refund.getName());
        assertThat(refund.received()).extracting(TestCircuitBreaker.Received::reason).containsExactly("maintenance");
    }

    @Test
    void aViewerLoginIsRecognisedAtConnectFromTheServersCallerRole() {
        String jvm = connect(TestJmxServer.VIEWER, TestJmxServer.VIEWER_PASSWORD, FAST);
        Eventually.within(WAIT, "viewer recognised", () -> snapshot(jvm),
                () -> snapshot(jvm) != null && snapshot(jvm).permission().role() == Permission.Role.VIEWER);
        assertThat(snapshot(jvm).permission().reason()).contains("has role viewer");
        assertThat(charge.received()).isEmpty();
    }

    @Test
    void aRefusalInsideAnOperationDisablesActionsAfterTheFirstTry() throws Exception {
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, FAST);
        Eventually.within(WAIT, "connected", () -> breaker(jvm, "charge") != null);
        charge.refuseOperationsAs("operator");
        List<ActionOutcome> outcomes = fleet.act(Action.RESET, List.of(breaker(jvm, "charge").key()), "", "")
                .get(5, TimeUnit.SECONDS);
        assertThat(outcomes.get(0).result().succeeded()).isFalse();
        assertThat(outcomes.get(0).result().message()).contains("has role viewer; reset needs role operator");
        Eventually.within(WAIT, "actions disabled", () -> !snapshot(jvm).permission().actionsAllowed());
    }

    @Test
    void aWrongPasswordIsReportedAndNotRetried() {
        String jvm = connect(TestJmxServer.OPERATOR, "wrong", FAST);
        Eventually.within(WAIT, "login refused", () -> snapshot(jvm),
                () -> snapshot(jvm) != null && snapshot(jvm).connection().phase() == ConnectionState.Phase.DISCONNECTED);
        assertThat(snapshot(jvm).connection().describe()).contains("login refused");
    }

    @Test
    void aLostConnectorIsRetriedWithBackoffAndComesBack() throws Exception {
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, FAST);
        Eventually.within(WAIT, "connected", () -> breaker(jvm, "charge") != null);
        server.stop();
        Eventually.within(WAIT, "reconnecting", () -> snapshot(jvm).connection(),
                () -> snapshot(jvm).connection().phase() == ConnectionState.Phase.RECONNECTING);
        assertThat(snapshot(jvm).connection().describe()).startsWith("DISCONNECTED (");
        server.listen();
        Eventually.within(WAIT, "connected again", () -> snapshot(jvm).connection(),
                () -> snapshot(jvm).connection().isConnected());
        charge.transitionTo("OPEN", "after the restart");
        Eventually.within(WAIT, "notifications again", () -> "OPEN".equals(breaker(jvm, "charge").reading().state()));
    }

    @Test
    void aJvmThatStopsAnsweringIsShownAsSuchAndRecovers() {
        ConsoleSettings quickStall = new ConsoleSettings(Duration.ofMillis(300), Duration.ofMillis(200),
                Duration.ofMillis(800), Duration.ofSeconds(1));
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, quickStall);
        Eventually.within(WAIT, "connected", () -> breaker(jvm, "charge") != null);
        CountDownLatch release = new CountDownLatch(1);
        charge.holdReads(release);
        try {
            Eventually.within(WAIT, "not answering", () -> snapshot(jvm).connection(),
                    () -> snapshot(jvm).connection().describe().startsWith("CONNECTED, but not answering for"));
        } finally {
            charge.holdReads(null);
            release.countDown();
        }
        Eventually.within(WAIT, "answering again", () -> snapshot(jvm).connection(),
                () -> "CONNECTED".equals(snapshot(jvm).connection().describe()));
    }

    @Test
    void aRefusalIsRememberedAcrossReconnections() throws Exception {
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, FAST);
        Eventually.within(WAIT, "connected", () -> breaker(jvm, "charge") != null);
        charge.refuseOperationsAs("operator");
        fleet.act(Action.FORCE_OPEN, List.of(breaker(jvm, "charge").key()), "x", "").get(5, TimeUnit.SECONDS);
        fleet.reconnect(jvm);
        Eventually.within(WAIT, "reconnected", () -> snapshot(jvm).connection().isConnected()
                && snapshot(jvm).permission().reason().contains("the server refused forceOpen"));
        assertThat(snapshot(jvm).permission().actionsAllowed()).isFalse();
    }

    @Test
    void aBreakerRegisteredAfterConnectingIsListedAndNotifies() {
        ConsoleSettings slowPolls = new ConsoleSettings(Duration.ofSeconds(60), Duration.ofMillis(200),
                Duration.ofSeconds(1));
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, slowPolls);
        Eventually.within(WAIT, "connected", () -> breaker(jvm, "charge") != null);
        TestCircuitBreaker late = server.addBreaker("shop", "com.example.Payments", "capture");
        Eventually.within(WAIT, "new breaker listed without waiting for a poll", () -> breaker(jvm, "capture") != null);
        late.transitionTo("OPEN", "late failure");
        Eventually.within(WAIT, "and its notifications", () -> "OPEN".equals(breaker(jvm, "capture").reading().state()));
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        ConsoleSettings s = new ConsoleSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 20)).extracting(s::reconnectDelayMillis)
                .containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    }
}
