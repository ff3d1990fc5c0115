package dev.fusebox.ft.health.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.health.BreakerReadinessCheck;
import dev.fusebox.ft.testing.ThreadHygiene;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.json.JsonValue;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * As an application starts Weld SE, with bean discovery on: the check is there once, with no
 * beans.xml of its own and nothing listed by the application (its extension adds it), beside
 * SmallRye Health's reporter, which Weld finds in SmallRye Health's bean archive.
 */
@ExtendWith(ThreadHygiene.class)
class DiscoveryTest {

    @Test
    void theCheckIsThereOnceWhenTheModuleIsOnTheClassPath() {
        try (WeldContainer weld = new Weld("fusebox-discovery-" + System.nanoTime()).initialize()) {
            long ours = weld.select(SmallRyeHealthReporter.class).get().getReadiness().getPayload()
                    .getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                    .filter(check -> check.getString("name").equals(BreakerReadinessCheck.NAME)).count();
            assertThat(ours).isEqualTo(1);
        }
    }
}
