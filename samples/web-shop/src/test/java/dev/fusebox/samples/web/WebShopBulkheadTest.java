package dev.fusebox.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.ThreadHygiene;
import dev.fusebox.samples.demo.FaultInjector;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full bulkhead answers 429, deterministically: the payments service holds its calls (a hang, a
 * latch in the service) until the test lifts it, so the four charges {@code @Bulkhead(4)} admits
 * stay inside; the fifth is turned away. The payments timeout is switched off through MicroProfile
 * Config here, so nothing but the test ends the held calls. Then the shop stops and leaves no
 * thread of its own: no Jetty, Fusebox, dependency-service or Rest Client thread, daemon or not.
 */
@ExtendWith(ThreadHygiene.class)
class WebShopBulkheadTest {

    @TempDir
    Path home;

    @Test
    void aFullBulkheadAnswers429AndTheShopStopsCleanly() throws Exception {
        WebShop shop = WebShop.start(WebShopOptions.forTests(home, Map.of(
                ShopCalls.CLIENTS + "PaymentsClient/charge/Timeout/enabled", "false",
                "payments/mp-rest/readTimeout", "60000")));
        try {
            ShopCalls calls = new ShopCalls(shop.url());
            FaultInjector payments = shop.dependencies().payments();
            payments.setHang(true);
            List<CompletableFuture<HttpResponse<String>>> held = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                held.add(calls.checkoutAsync("kettle-" + i));
            }
            Await.until("four charges held in the payments service", () -> payments.getCalls() == 4);

            HttpResponse<String> turnedAway = calls.checkout("kettle-5");

            assertThat(turnedAway.statusCode()).isEqualTo(429);
            assertThat(turnedAway.body()).contains("bulkhead is full", "PaymentsClient#charge");
            assertThat(payments.getCalls()).isEqualTo(4);
            payments.setHang(false);
            for (CompletableFuture<HttpResponse<String>> call : held) {
                assertThat(call.join().statusCode()).isEqualTo(200);
            }
        } finally {
            shop.close();
        }
        Await.until("no thread of the shop left", () -> shopThreads().isEmpty());
    }

    private static List<String> shopThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("qtp") || name.startsWith("web-shop-") || name.startsWith("fusebox-")
                        || name.contains("Connection evictor") || name.startsWith("Scheduler-"))
                .toList();
    }
}
