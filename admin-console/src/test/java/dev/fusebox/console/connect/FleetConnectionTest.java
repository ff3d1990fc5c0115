package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.console.feed.BreakerSnapshot;
import dev.fusebox.console.feed.FleetFeed;
import dev.fusebox.console.feed.JvmSnapshot;
import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.fixture.Eventually;
import dev.fusebox.console.fixture.TestCircuitBreaker;
import dev.fusebox.console.fixture.TestJmxServer;
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.console.operator.ConnectionProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connection layer in situations the real demo service cannot produce on demand, against a real
 * RMI connector on loopback serving test MXBeans ({@code dev.fusebox.console.fixture}). Listing,
 * notifications, actions, groups, roles, wrong passwords and reconnection after a restart are
 * tested against the real demo in {@code ConsoleAgainstDemoShopTest}.
 */
class FleetConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ConsoleSettings FAST = new ConsoleSettings(Duration.ofMillis(300), Duration.ofMillis(200),
            Duration.ofMillis(800));

    private TestJmxServer server;
    private TestCircuitBreaker charge;
    private final Map<String, JvmSnapshot> latest = new ConcurrentHashMap<>();
    private FleetFeed feed;
    private Fleet fleet;

    @BeforeEach
    void startServer() throws Exception {
        server = TestJmxServer.start();
        charge = server.addBreaker("shop", "com.example.Payments", "charge");
        server.addBreaker("shop", "com.example.Payments", "refund");
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

    /**
     * Fixture: the real server refuses a viewer at its connector and tells the role through
     * {@code CallerRole} before any action; only a test MXBean can accept the login as an operator
     * and refuse inside the operation (an older or foreign server).
     */
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

    /** Fixture: a JVM whose reads hang and then answer again; the real demo cannot be made to hang its JMX. */
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

    /** Fixture: as for the refusal inside an operation, which the real server never does. */
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

    /** Fixture: the demo registers all its MBeans at start; a redeploy that adds one is simulated here. */
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

    /** Fixture: a trial call that does not return, which the demo cannot hold on demand. */
    @Test
    void aHalfOpenBreakerIsReadWithItsTrialsStillRunning() {
        String jvm = connect(TestJmxServer.OPERATOR, TestJmxServer.OPERATOR_PASSWORD, FAST);
        Eventually.within(WAIT, "connected", () -> breaker(jvm, "charge") != null);
        charge.halfOpenWithTrials(2, 1, "delay of 5000 ms elapsed");
        Eventually.within(WAIT, "half-open with its trials read", () -> breaker(jvm, "charge").reading(),
                () -> breaker(jvm, "charge").reading().trialsInFlight() == 1);
        assertThat(breaker(jvm, "charge").reading().trialsAdmitted()).isEqualTo(2);
        assertThat(breaker(jvm, "refund").reading().trialsInFlight()).as("closed: none").isZero();
    }

    /** No server at all: the reconnection schedule. */
    @Test
    void backoffDoublesUpToItsMaximum() {
        ConsoleSettings s = new ConsoleSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7, 20)).extracting(s::reconnectDelayMillis)
                .containsExactly(1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L, 30000L);
    }
}
