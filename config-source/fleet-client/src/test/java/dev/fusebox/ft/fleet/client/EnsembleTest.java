package dev.fusebox.ft.fleet.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.fleet.client.testing.Ensemble;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.curator.test.InstanceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The test ensemble itself: its ports, a write across a leader's death, and nothing left once closed. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EnsembleTest {

    private static Ensemble ensemble;
    private static boolean closed;
    private static List<Path> peerDirectoriesParents;

    @BeforeAll
    static void start() throws Exception {
        ensemble = Ensemble.start();
        peerDirectoriesParents = ensemble.servers().stream().map(server -> server.getDataDirectory().toPath()
                .getParent()).distinct().toList();
    }

    @AfterAll
    static void stop() throws Exception {
        if (!closed) {
            ensemble.close();
        }
    }

    /**
     * Nine distinct ports, none of them one the system could hand to a port-0 bind or an outgoing
     * connection while the peer that owns it has it unbound (a follower's quorum port, a killed peer).
     */
    @Test
    @Order(1)
    void itsPeersPortsAreDistinctAndOutsideTheRangeTheSystemHandsOut() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        Assumptions.assumeTrue(Files.isReadable(range), "Linux's ephemeral port range is known");
        String[] bounds;
        try (InputStream in = Files.newInputStream(range)) { // Files.readString reads "3" of it (JDK 17, procfs)
            bounds = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
        }
        int low = Integer.parseInt(bounds[0]);
        int high = Integer.parseInt(bounds[1]);

        List<Integer> ports = ensemble.servers().stream().flatMap(server -> Stream.of(server.getPort(),
                server.getElectionPort(), server.getQuorumPort())).toList();

        assertThat(ports).hasSize(9).doesNotHaveDuplicates()
                .allSatisfy(port -> assertThat(port < low || port > high).as("port %d outside %d-%d", port, low, high)
                        .isTrue());
    }

    @Test
    @Order(2)
    void aWriteWaitsOutTheElectionAfterTheLeaderIsKilled() throws Exception {
        try (FleetConnection client = FleetConnection.start(FleetAccess.open(ensemble.connectString()))) {
            assertThat(client.awaitConnected(Duration.ofSeconds(20))).isTrue();
            client.curator().create().creatingParentsIfNeeded().forPath("/fusebox/probe", "a".getBytes(StandardCharsets.UTF_8));
            InstanceSpec leader = ensemble.leader(Duration.ofSeconds(20));
            ensemble.kill(leader);
            try {
                client.curator().setData().forPath("/fusebox/probe", "b".getBytes(StandardCharsets.UTF_8));
                assertThat(new String(client.curator().getData().forPath("/fusebox/probe"), StandardCharsets.UTF_8))
                        .isEqualTo("b");
                assertThat(ensemble.leader(Duration.ofSeconds(20))).isNotEqualTo(leader);
            } finally {
                ensemble.restart(leader);
            }
        }
    }

    /**
     * A leader's shutdown races each of its learner handlers for the handler's sender thread (see
     * {@code OrphanedLearnerSenders} in the testing package); lost, the sender waits for ever.
     * ZooKeeper lost it in 3 of 8 rounds of one leader killed and the ensemble closed (measured);
     * with the leaders killed here and in the test before, in most runs: whatever it leaves, nothing
     * of the ensemble outlives its close.
     */
    @Test
    @Order(3)
    void noPeerThreadOutlivesTheEnsembleAfterItsLeadersWereKilledAndRestarted() throws Exception {
        try {
            for (int round = 0; round < 2; round++) {
                InstanceSpec leader = ensemble.leader(Duration.ofSeconds(20));
                ensemble.kill(leader);
                assertThat(ensemble.leader(Duration.ofSeconds(20))).isNotEqualTo(leader);
                ensemble.restart(leader);
            }
        } finally {
            closed = true;
            ensemble.close();
        }

        assertThat(peerThreads()).as("ZooKeeper's peer threads alive when Ensemble.close returned").isEmpty();
    }

    /**
     * Each peer's start writes a {@code zookeeper.configuration*.properties} file beside its data
     * directory (ZooKeeper's embedded server, which Curator uses) and nobody deletes it.
     */
    @Test
    @Order(4)
    void closingLeavesNoneOfThePeersFilesBehind() throws Exception {
        assertThat(closed).as("closed by the test before").isTrue();

        for (Path parent : peerDirectoriesParents) {
            if (Files.exists(parent)) {
                try (Stream<Path> files = Files.list(parent)) {
                    assertThat(files.map(file -> file.getFileName().toString())
                            .filter(name -> name.startsWith("zookeeper.configuration"))).as("in " + parent).isEmpty();
                }
            }
        }
    }

    private static List<String> peerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(thread -> thread.getName() + " " + thread.getState())
                .filter(name -> name.startsWith("Sender-") || name.startsWith("LearnerHandler")
                        || name.startsWith("QuorumPeer") || name.startsWith("WorkerSender")
                        || name.startsWith("WorkerReceiver") || name.startsWith("RecvWorker")
                        || name.startsWith("SendWorker"))
                .toList();
    }
}
