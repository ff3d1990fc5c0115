package dev.fusebox.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.ThreadHygiene;
import dev.fusebox.samples.demo.FaultInjector;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's public checkout endpoint is rate limited: over the limit it answers 429 Too Many
 * Requests with a {@code Retry-After} in whole seconds, before any dependency is called. The limit
 * is lowered through MicroProfile Config to two checkouts per hour, so the third is over it
 * whatever the machine's speed, and the wait it is told is close to half an hour (the smooth
 * window's share of one checkout).
 */
@ExtendWith(ThreadHygiene.class)
class WebShopRateLimitTest {

    @TempDir
    Path home;

    @Test
    void aCheckoutOverTheLimitIsAnswered429WithRetryAfterAndReachesNoDependency() throws Exception {
        String limit = ShopCalls.CLIENTS + "CheckoutResource/checkout/RateLimit/";
        try (WebShop shop = WebShop.start(WebShopOptions.forTests(home, Map.of(limit + "value", "2",
                limit + "windowUnit", "HOURS")))) {
            ShopCalls calls = new ShopCalls(shop.url());
            FaultInjector inventory = shop.dependencies().inventory();
            assertThat(calls.checkout("kettle").statusCode()).isEqualTo(200);
            assertThat(calls.checkout("kettle").statusCode()).isEqualTo(200);
            long inventoryCalls = inventory.getCalls();

            HttpResponse<String> limited = calls.checkout("kettle");

            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.body()).contains("rate limit exceeded", "CheckoutResource#checkout");
            long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
            // SMOOTH, 2 per hour: each checkout uses up 30 minutes; the burst of 2 is spent, so the
            // next one is allowed 30 minutes after the first (a few seconds of the test gone by)
            assertThat(retryAfter).isBetween(1_700L, 1_800L);
            assertThat(inventory.getCalls()).as("no dependency called").isEqualTo(inventoryCalls);
            assertThat(calls.get("/stock/kettle").statusCode()).as("other endpoints are not limited").isEqualTo(200);
        }
    }
}
