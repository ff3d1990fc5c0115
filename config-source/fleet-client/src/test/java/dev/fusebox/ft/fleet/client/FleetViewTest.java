package dev.fusebox.ft.fleet.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetMember;
import dev.fusebox.ft.management.fleet.FleetMember.BreakerState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The viewers' live view of the fleet on one real ZooKeeper server, with member nodes written as instances write them. */
class FleetViewTest {

    private static final String CHARGE = "com.acme.Payments#charge";
    private static final String REFUND = "com.acme.Payments#refund";
    private static final FleetLayout LAYOUT = FleetLayout.standard();
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static TestingServer server;
    private static FleetConnection connection;

    @BeforeAll
    static void start() throws Exception {
        server = new TestingServer();
        connection = FleetConnection.start(FleetAccess.open(server.getConnectString()));
        assertThat(connection.awaitConnected(PATIENCE)).isTrue();
    }

    @AfterAll
    static void stop() throws Exception {
        connection.close();
        server.close();
    }

    @Test
    void theViewGroupsEachBreakerAcrossInstancesAndListsTheNodesItSkips() throws Exception {
        register("payments", "p1", Map.of(CHARGE, open(), REFUND, closed()));
        register("payments", "p2", Map.of(CHARGE, open()));
        register("payments", "p3", Map.of(CHARGE, new BreakerState("HALF_OPEN", "", "")));
        register("payments", "p4", Map.of(CHARGE, new BreakerState("CLOSED", "CLOSED", "")));
        register("orders", "o1", Map.of("com.acme.Orders#place", closed()));
        String corrupt = LAYOUT.instance("payments", "p5");
        connection.curator().create().forPath(corrupt, "application=payments\ninstance=p5\nstarted=soon\n".getBytes(UTF_8));
        FleetOperator operator = new FleetOperator(connection, "alice");
        operator.forceOpen("payments", "group:db", "database outage", null);
        String hostile = LAYOUT.forced("payments", "com.acme.Payments#hostile");
        connection.curator().create().forPath(hostile, new byte[] {'s', 't', 'a', 't', 'e', '=', (byte) 0xff, '\n'});
        String configured = operator.configure("payments", Map.of("com.acme.Payments/charge/CircuitBreaker/delay", "500"),
                List.of(), "").actionId();
        List<FleetSnapshot> published = new CopyOnWriteArrayList<>();

        try (FleetView view = FleetView.watch(connection, published::add)) {
            Eventually.until("a first snapshot with both applications", PATIENCE,
                    () -> !published.isEmpty() && published.get(published.size() - 1).applications().size() == 2);
            FleetSnapshot snapshot = view.snapshot();

            assertThat(snapshot.connected()).isTrue();
            assertThat(snapshot.applications().get("payments").members()).extracting(FleetMember::instanceId)
                    .containsExactly("p1", "p2", "p3", "p4");
            assertThat(snapshot.applications().get("payments").overrides())
                    .as("the node's text, with the line naming the action that wrote it")
                    .isEqualTo("# fleet action " + configured + " by alice\ncom.acme.Payments/charge/CircuitBreaker/delay=500\n");
            assertThat(snapshot.problems()).containsExactly(
                    hostile + ": the fleet forcing of com.acme.Payments#hostile is not valid UTF-8 text",
                    corrupt + ": the fleet member p5: started must be milliseconds since the epoch, but is 'soon'");
            assertThat(snapshot.applications().get("payments").forced()).containsOnlyKeys("group:db");
            assertThat(snapshot.byMethod()).containsExactly(
                    new MethodRow("orders", "com.acme.Orders#place", 1, 0, 0, 1, 0, 0, ""),
                    new MethodRow("payments", CHARGE, 4, 2, 1, 1, 0, 1, ""),
                    new MethodRow("payments", REFUND, 1, 0, 0, 1, 0, 0, ""),
                    new MethodRow("payments", "group:db", 0, 0, 0, 0, 0, 0, "OPEN by alice: database outage"));
            assertThat(snapshot.byMethod().get(1).summary()).isEqualTo(CHARGE + ": 2 of 4 instances OPEN, 1 HALF_OPEN");
            assertThat(snapshot.byMethod().get(3).summary())
                    .isEqualTo("group:db: 0 of 0 instances OPEN; forced fleet-wide OPEN by alice: database outage");

            operator.forceOpen("payments", CHARGE, "", Duration.ofHours(1));
            register("payments", "p2", Map.of(CHARGE, new BreakerState("OPEN", "OPEN", "x")));
            connection.curator().delete().forPath(LAYOUT.instance("payments", "p3"));
            Eventually.until("the forcing, p2's new state and p3's leaving published", PATIENCE, () -> {
                List<MethodRow> rows = published.get(published.size() - 1).byMethod();
                return rows.stream().anyMatch(row -> row.breaker().equals(CHARGE) && row.instances() == 3
                        && row.open() == 2 && row.forcedOpen() == 1 && row.forcedClosed() == 1
                        && row.fleetForcing().matches("OPEN by alice until \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
            });
        }
        Eventually.until("the view's thread stopped", PATIENCE, () -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().equals("fusebox-fleet-view")));
    }

    @Test
    void aSnapshotSaysWhenTheEnsembleIsUnreachableAndKeepsWhatWasReadLast() throws Exception {
        try (TestingServer own = new TestingServer();
             FleetConnection client = FleetConnection.start(FleetAccess.open(own.getConnectString())
                     .withTimeouts(Duration.ofSeconds(4), Duration.ofSeconds(1)))) {
            assertThat(client.awaitConnected(PATIENCE)).isTrue();
            client.curator().create().creatingParentsIfNeeded().forPath(LAYOUT.instance("shipping", "s1"),
                    member("shipping", "s1", Map.of("com.acme.Ship#send", open())).toBytes());
            List<FleetSnapshot> published = new CopyOnWriteArrayList<>();
            try (FleetView view = FleetView.watch(client, published::add)) {
                Eventually.until("the first snapshot", PATIENCE, () -> !published.isEmpty());

                own.stop();

                Eventually.until("a snapshot saying the ensemble is unreachable", PATIENCE,
                        () -> !published.get(published.size() - 1).connected());
                FleetSnapshot stale = published.get(published.size() - 1);
                assertThat(stale.connection()).endsWith("(unreachable: showing what was read last)");
                assertThat(stale.byMethod()).containsExactly(
                        new MethodRow("shipping", "com.acme.Ship#send", 1, 1, 0, 0, 0, 0, ""));
            }
        }
    }

    @Test
    void aViewStartedOnAnEmptyEnsembleSeesTheFirstInstanceRegister() throws Exception {
        FleetLayout fresh = new FleetLayout("/fresh");
        FleetAccess access = new FleetAccess(server.getConnectString(), fresh, null, null, FleetAcl.open(fresh),
                FleetAccess.DEFAULT_SESSION, FleetAccess.DEFAULT_CONNECTION);
        List<FleetSnapshot> published = new CopyOnWriteArrayList<>();
        try (FleetConnection client = FleetConnection.start(access);
             FleetView view = FleetView.watch(client, published::add)) {
            Eventually.until("a first, empty snapshot", PATIENCE, () -> !published.isEmpty());
            assertThat(published.get(0).applications()).isEmpty();

            client.curator().create().creatingParentsIfNeeded().forPath(fresh.instance("billing", "b1"),
                    member("billing", "b1", Map.of("com.acme.Bill#send", closed())).toBytes());

            Eventually.until("the first instance published", PATIENCE,
                    () -> published.get(published.size() - 1).applications().containsKey("billing"));
            assertThat(view.snapshot().byMethod()).containsExactly(
                    new MethodRow("billing", "com.acme.Bill#send", 1, 0, 0, 1, 0, 0, ""));
        }
    }

    private static BreakerState open() {
        return new BreakerState("OPEN", "", "");
    }

    private static BreakerState closed() {
        return new BreakerState("CLOSED", "", "");
    }

    private static FleetMember member(String app, String id, Map<String, BreakerState> breakers) {
        return new FleetMember(app, id, "host-" + id, "service:jmx:rmi:///jndi/rmi://host-" + id + ":9010/jmxrmi",
                "0.1.0", 1, "connected", breakers);
    }

    private static void register(String app, String id, Map<String, BreakerState> breakers) throws Exception {
        String path = LAYOUT.instance(app, id);
        byte[] data = member(app, id, breakers).toBytes();
        if (connection.curator().checkExists().forPath(path) == null) {
            connection.curator().create().creatingParentsIfNeeded().forPath(path, data);
        } else {
            connection.curator().setData().forPath(path, data);
        }
    }
}
