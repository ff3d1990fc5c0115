package dev.fusebox.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.ThreadHygiene;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /health/ready} over real HTTP: UP (200) while the payments breaker, the shop's critical
 * one, is closed; DOWN (503) while an operator holds it open over JMX; UP again after the release.
 */
@ExtendWith(ThreadHygiene.class)
class WebShopReadinessTest {

    @TempDir
    static Path home;
    static WebShop shop;
    static ShopCalls calls;

    @BeforeAll
    static void start() throws Exception {
        shop = WebShop.start(WebShopOptions.forTests(home, Map.of()));
        calls = new ShopCalls(shop.url());
    }

    @AfterAll
    static void stop() throws Exception {
        shop.close();
    }

    @Test
    void readyUntilTheCriticalBreakerIsForcedOpenAndAgainAfterTheRelease() throws Exception {
        HttpResponse<String> ready = calls.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body().replaceAll("\\s", "")).contains("\"name\":\"fusebox-circuit-breakers\",\"status\":\"UP\"",
                "\"dev.fusebox.samples.web.PaymentsClient#charge\":\"CLOSED\"");

        ShopCalls.breaker("PaymentsClient", "charge").forceOpen("payment provider maintenance", "");
        HttpResponse<String> down = calls.get("/health/ready");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body().replaceAll("\\s", "")).startsWith("{\"status\":\"DOWN\"")
                .contains("\"down\":\"dev.fusebox.samples.web.PaymentsClient#charge\"",
                        "\"dev.fusebox.samples.web.PaymentsClient#charge\":\"FORCED_OPEN\"");

        ShopCalls.breaker("PaymentsClient", "charge").release();
        HttpResponse<String> again = calls.get("/health/ready");
        assertThat(again.statusCode()).as("released: half-open, trial calls must come").isEqualTo(200);
        assertThat(again.body().replaceAll("\\s", "")).contains("\"dev.fusebox.samples.web.PaymentsClient#charge\":\"HALF_OPEN\"");
    }
}
