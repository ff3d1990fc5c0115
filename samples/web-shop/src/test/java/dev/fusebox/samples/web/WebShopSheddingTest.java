package dev.fusebox.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.ThreadHygiene;
import dev.fusebox.samples.demo.FaultInjector;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The front door sheds batch requests first, deterministically: its adaptive limit is pinned at 4
 * (minimum = maximum) with half kept for live requests, and the recommendations service holds its
 * calls (a hang; its hedge switched off, so one request is one call) until the test lifts it, so two batch requests to {@code /browse} fill the batch
 * share. A third batch request is answered 503 with {@code Retry-After}; a live request still gets
 * in; a bad {@code X-Priority} is the client's error.
 */
@ExtendWith(ThreadHygiene.class)
class WebShopSheddingTest {

    private static final String DOOR = ShopCalls.CLIENTS + "AdaptiveAdmission/admit/AdaptiveBulkhead/";

    @TempDir
    Path home;

    @Test
    void batchRequestsAreShedWith503AndRetryAfterWhileLiveOnesGetIn() throws Exception {
        try (WebShop shop = WebShop.start(WebShopOptions.forTests(home, Map.of(
                DOOR + "initialLimit", "4", DOOR + "minLimit", "4", DOOR + "maxLimit", "4", DOOR + "liveReserve", "0.5",
                ShopCalls.CLIENTS + "RecommendationsClient/alsoBought/Timeout/enabled", "false",
                ShopCalls.CLIENTS + "RecommendationsClient/alsoBought/Hedge/enabled", "false",
                "recommendations/mp-rest/readTimeout", "60000")))) {
            ShopCalls calls = new ShopCalls(shop.url());
            FaultInjector recommendations = shop.dependencies().recommendations();
            recommendations.setHang(true);
            List<CompletableFuture<HttpResponse<String>>> held = List.of(
                    calls.getAsync("/browse/kettle", "batch"), calls.getAsync("/browse/toaster", "batch"));
            Await.until("two batch requests held in the recommendations service", () -> recommendations.getCalls() == 2);

            HttpResponse<String> shed = calls.getAsync("/browse/mug", "batch").join();
            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.headers().firstValue("Retry-After")).as("the window, 500 ms, rounded up").hasValue("1");
            assertThat(shed.body()).contains("AdaptiveAdmission#admit", "BATCH");
            assertThat(recommendations.getCalls()).as("the shed request never reached the dependency").isEqualTo(2);

            HttpResponse<String> live = calls.getAsync("/stock/kettle", "live").join();
            assertThat(live.statusCode()).as("a live request uses the live share").isEqualTo(200);
            assertThat(calls.getAsync("/stock/kettle", "urgent").join().statusCode()).isEqualTo(400);

            recommendations.setHang(false);
            for (CompletableFuture<HttpResponse<String>> call : held) {
                assertThat(call.join().statusCode()).isEqualTo(200);
            }
            assertThat(calls.getAsync("/browse/mug", "batch").join().statusCode()).as("places given back").isEqualTo(200);
        }
    }
}
