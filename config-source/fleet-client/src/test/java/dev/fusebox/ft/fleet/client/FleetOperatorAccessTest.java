package dev.fusebox.ft.fleet.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetLayout;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Digest ACLs: only operators write actions; a viewer, an instance and a wrong password are refused, and checkCanWrite says so first. */
class FleetOperatorAccessTest {

    private static final String APP = "payments";
    private static final String TARGET = "com.acme.Payments#charge";
    private static final FleetLayout LAYOUT = FleetLayout.standard();
    private static TestingServer server;
    private static FleetAcl acl;
    private static FleetConnection ops;

    @BeforeAll
    static void start() throws Exception {
        server = new TestingServer();
        acl = FleetAcl.of(LAYOUT, FleetAcl.digestId("ops", "ops-secret"), FleetAcl.digestId("inst", "inst-secret"),
                FleetAcl.digestId("viewer", "viewer-secret"));
        ops = login("ops", "ops-secret");
    }

    @AfterAll
    static void stop() throws Exception {
        ops.close();
        server.close();
    }

    private static FleetConnection login(String user, String password) throws InterruptedException {
        FleetConnection connection = FleetConnection.start(FleetAccess.open(server.getConnectString()).withAcl(acl)
                .withLogin(user, password));
        assertThat(connection.awaitConnected(Duration.ofSeconds(10))).isTrue();
        return connection;
    }

    @Test
    void anOperatorWritesAndTheOthersAreRefusedWithAClearMessage() throws Exception {
        FleetOperator operator = new FleetOperator(ops, "ops");
        assertThatCode(() -> operator.checkCanWrite(APP)).doesNotThrowAnyException();
        FleetActionResult force = operator.forceOpen(APP, TARGET, "outage", null);
        assertThat(force.committed()).as(force.message()).isTrue();

        try (FleetConnection viewer = login("viewer", "viewer-secret");
             FleetConnection instance = login("inst", "inst-secret");
             FleetConnection wrongPassword = login("ops", "not-the-secret")) {
            FleetOperator asViewer = new FleetOperator(viewer, "viewer");
            assertThatThrownBy(() -> asViewer.release(APP, TARGET, "let me"))
                    .isInstanceOf(FleetAccessException.class)
                    .hasMessage("the login 'viewer' may not write the fleet's actions for payments at "
                            + server.getConnectString() + "/fusebox: ZooKeeper answered NoAuth for "
                            + LAYOUT.forced(APP, TARGET) + " (the login of a viewer or an instance, or a wrong"
                            + " password)");
            assertThatThrownBy(() -> new FleetOperator(instance, "inst").forceClosed(APP, TARGET, "", null))
                    .isInstanceOf(FleetAccessException.class).hasMessageContaining("the login 'inst' may not write");
            assertThatThrownBy(() -> new FleetOperator(wrongPassword, "ops").reset(APP, TARGET, ""))
                    .isInstanceOf(FleetAccessException.class).hasMessageContaining("the login 'ops' may not write");
            // what they may do: read
            assertThat(FleetForcing.parse(viewer.curator().getData().forPath(LAYOUT.forced(APP, TARGET)), TARGET)
                    .actionId()).isEqualTo(force.actionId());
        }
        assertThat(FleetForcing.parse(ops.curator().getData().forPath(LAYOUT.forced(APP, TARGET)), TARGET).actionId())
                .isEqualTo(force.actionId());
        assertThat(operator.audit(APP, 10)).extracting(r -> r.audit().actionId()).containsExactly(force.actionId());
    }

    @Test
    void aViewerReadsTheFleetAndAWrongPasswordIsToldItMayNot() throws Exception {
        FleetActionResult force = new FleetOperator(ops, "ops").forceOpen("shipping", TARGET, "", null);
        List<FleetSnapshot> seenByViewer = new CopyOnWriteArrayList<>();
        List<FleetSnapshot> seenByWrongPassword = new CopyOnWriteArrayList<>();
        try (FleetConnection viewer = login("viewer", "viewer-secret");
             FleetConnection wrongPassword = login("viewer", "not-the-secret");
             FleetView view = FleetView.watch(viewer, seenByViewer::add);
             FleetView refused = FleetView.watch(wrongPassword, seenByWrongPassword::add)) {
            FleetView.checkCanRead(viewer);
            String message = "the login 'viewer' may not read the fleet at " + server.getConnectString() + "/fusebox:"
                    + " ZooKeeper answered NoAuth for /fusebox/apps (a wrong password, or a login the fleet's ACLs do"
                    + " not name)";
            assertThatThrownBy(() -> FleetView.checkCanRead(wrongPassword)).isInstanceOf(FleetAccessException.class)
                    .hasMessage(message);

            Eventually.until("the viewer's first snapshot", Duration.ofSeconds(10), () -> !seenByViewer.isEmpty());
            Eventually.until("the wrong password's first snapshot", Duration.ofSeconds(10),
                    () -> !seenByWrongPassword.isEmpty());
            FleetSnapshot viewed = seenByViewer.get(seenByViewer.size() - 1);
            assertThat(viewed.problems()).isEmpty();
            assertThat(viewed.applications().get("shipping").forced().get(TARGET).actionId()).isEqualTo(force.actionId());
            assertThat(seenByWrongPassword.get(seenByWrongPassword.size() - 1).problems()).containsExactly(message);
        }
    }

    @Test
    void checkCanWriteFindsAViewerAndAWrongPasswordWithoutWritingAnything() throws Exception {
        FleetOperator operator = new FleetOperator(ops, "ops");
        operator.checkCanWrite("orders");
        List<String> forcedBefore = ops.curator().getChildren().forPath(LAYOUT.forced("orders"));

        try (FleetConnection viewer = login("viewer", "viewer-secret");
             FleetConnection wrongPassword = login("ops", "not-the-secret")) {
            assertThatThrownBy(() -> new FleetOperator(viewer, "viewer").checkCanWrite("orders"))
                    .isInstanceOf(FleetAccessException.class)
                    .hasMessageStartingWith("the login 'viewer' may not write the fleet's actions for orders")
                    .hasMessageContaining("ZooKeeper answered NoAuth for " + LAYOUT.forced("orders") + " (");
            assertThatThrownBy(() -> new FleetOperator(wrongPassword, "ops").checkCanWrite("orders"))
                    .isInstanceOf(FleetAccessException.class)
                    .hasMessageStartingWith("the login 'ops' may not write the fleet's actions for orders");
            // an application no one has written yet: the parents are refused already
            assertThatThrownBy(() -> new FleetOperator(viewer, "viewer").checkCanWrite("fresh"))
                    .isInstanceOf(FleetAccessException.class).hasMessageContaining(LAYOUT.application("fresh"));
            assertThatThrownBy(() -> new FleetOperator(viewer, "viewer")
                    .configure("orders", Map.of("k", "v"), List.of(), ""))
                    .isInstanceOf(FleetAccessException.class).hasMessageContaining(LAYOUT.overrides("orders"));
        }
        assertThat(ops.curator().getChildren().forPath(LAYOUT.forced("orders"))).isEqualTo(forcedBefore).isEmpty();
        assertThat(ops.curator().getChildren().forPath(LAYOUT.audit("orders"))).isEmpty();
        assertThat(ops.curator().checkExists().forPath(LAYOUT.application("fresh"))).isNull();
    }
}
