package dev.fusebox.ft.fleet.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.fleet.client.testing.Ensemble;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.curator.test.InstanceSpec;
import org.junit.jupiter.api.Test;

class EnsembleTest {

    @Test
    void aWriteWaitsOutTheElectionAfterTheLeaderIsKilled() throws Exception {
        try (Ensemble ensemble = Ensemble.start();
             FleetConnection client = FleetConnection.start(FleetAccess.open(ensemble.connectString()))) {
            assertThat(client.awaitConnected(Duration.ofSeconds(20))).isTrue();
            client.curator().create().creatingParentsIfNeeded().forPath("/fusebox/probe", "a".getBytes(StandardCharsets.UTF_8));
            InstanceSpec leader = ensemble.leader(Duration.ofSeconds(10));
            ensemble.kill(leader);
            client.curator().setData().forPath("/fusebox/probe", "b".getBytes(StandardCharsets.UTF_8));
            assertThat(new String(client.curator().getData().forPath("/fusebox/probe"), StandardCharsets.UTF_8))
                    .isEqualTo("b");
            assertThat(ensemble.leader(Duration.ofSeconds(10))).isNotEqualTo(leader);
        }
    }
}
