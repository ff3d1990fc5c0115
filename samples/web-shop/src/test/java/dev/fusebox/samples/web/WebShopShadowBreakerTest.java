package dev.fusebox.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.testing.ThreadHygiene;
import dev.fusebox.samples.demo.FaultInjector;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's recommendations breaker ships in shadow mode (its microprofile-config.properties): when
 * recommendations fail it trips as an enforcing breaker would, yet every checkout still calls the
 * service (nothing is rejected) and the breaker counts the calls it would have rejected. An operator
 * then enforces it over JMX, and from the next checkout the open breaker rejects.
 */
@ExtendWith(ThreadHygiene.class)
class WebShopShadowBreakerTest {

    @TempDir
    Path home;

    @Test
    void theShadowBreakerTripsRejectsNothingAndCountsUntilAnOperatorEnforcesIt() throws Exception {
        try (WebShop shop = WebShop.start(WebShopOptions.forTests(home, Map.of()))) {
            ShopCalls calls = new ShopCalls(shop.url());
            FaultInjector recommendations = shop.dependencies().recommendations();
            CircuitBreakerMXBean breaker = ShopCalls.breaker("RecommendationsClient", "alsoBought");
            assertThat(breaker.isShadow()).isTrue();
            recommendations.setOutage(true);
            for (int i = 0; i < 15; i++) {
                assertThat(calls.checkout("kettle").statusCode()).isEqualTo(200);
            }
            assertThat(breaker.getState()).as("tripped after 10 calls, half failing").isEqualTo("OPEN");
            assertThat(recommendations.getCalls()).as("every checkout still called recommendations").isEqualTo(15);
            assertThat(breaker.getWouldReject()).as("the calls after it tripped").isEqualTo(5);

            assertThat(breaker.configure("shadow", "false", "CHG-14 enforce the recommendations breaker").succeeded())
                    .isTrue();
            assertThat(calls.checkout("kettle").statusCode()).isEqualTo(200);
            assertThat(recommendations.getCalls()).as("the enforcing breaker rejected the call").isEqualTo(15);
        }
    }
}
