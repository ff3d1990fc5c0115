package dev.fusebox.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.ThreadHygiene;
import dev.fusebox.samples.demo.FaultInjector;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The web shop seen from outside, over real HTTP: the JDK's client calls the shop in Jetty, whose
 * Rest Clients call the dependencies' HTTP services, whose faults the test switches. Each policy on
 * the Rest Client interfaces shows in what the shop answers, and two of them are overridden through
 * MicroProfile Config, as a bean's would be: the method-level retry of
 * {@code InventoryClient#stockLevel} (3 retries, the annotation says 2) and the breaker declared on
 * the {@code PaymentsClient} interface (opens after 4 calls, the annotation says 10; stays open 20 s).
 */
@ExtendWith(ThreadHygiene.class)
class WebShopHttpTest {

    static final long BREAKER_DELAY_SECONDS = 20;

    @TempDir
    static Path home;
    static WebShop shop;
    static ShopCalls calls;

    @BeforeAll
    static void start() throws Exception {
        shop = WebShop.start(WebShopOptions.forTests(home, Map.of(
                ShopCalls.CLIENTS + "InventoryClient/stockLevel/Retry/maxRetries", "3",
                ShopCalls.CLIENTS + "InventoryClient/stockLevel/Retry/delay", "0",
                ShopCalls.CLIENTS + "InventoryClient/stockLevel/Retry/jitter", "0",
                ShopCalls.CLIENTS + "PaymentsClient/CircuitBreaker/requestVolumeThreshold", "4",
                ShopCalls.CLIENTS + "PaymentsClient/CircuitBreaker/delay", Long.toString(BREAKER_DELAY_SECONDS * 1000))));
        calls = new ShopCalls(shop.url());
    }

    @AfterAll
    static void stop() throws Exception {
        shop.close();
    }

    @BeforeEach
    void healAndReset() {
        shop.dependencies().all().forEach(FaultInjector::heal);
        ShopCalls.breaker("PaymentsClient", "charge").reset();
        ShopCalls.breaker("InventoryClient", "stockLevel").reset();
    }

    @Test
    void aHealthyCheckoutAnswersTheOrderAsJson() throws Exception {
        HttpResponse<String> answer = calls.checkout("kettle");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"article\":\"kettle\"", "\"fallback\":false", "\"cents\":2599",
                "\"kettle-case\"");
    }

    @Test
    void aFailingDependencyIsRetriedAsConfiguredThenTheFallbackAnswers() throws Exception {
        FaultInjector inventory = shop.dependencies().inventory();
        inventory.setErrorRate(1);
        long before = inventory.getCalls();

        HttpResponse<String> answer = calls.get("/stock/kettle");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"article\":\"kettle\",\"fallback\":true,\"units\":1}");
        assertThat(inventory.getCalls() - before).as("one call and 3 retries (config), not 2 (annotation)")
                .isEqualTo(4);
    }

    @Test
    void aHungPaymentAnswers504() throws Exception {
        shop.dependencies().payments().setHang(true);

        HttpResponse<String> answer = calls.checkout("kettle");

        assertThat(answer.statusCode()).isEqualTo(504);
        assertThat(answer.body()).contains("timed out after PT0.5S", "PaymentsClient#charge");
    }

    @Test
    void theInterfacesBreakerOpensAfterTheConfiguredVolumeAndAnswers503WithRetryAfter() throws Exception {
        FaultInjector payments = shop.dependencies().payments();
        payments.setOutage(true);
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> failed = calls.checkout("kettle");
            assertThat(failed.statusCode()).as("failure %d reaches the caller as a bad gateway", i).isEqualTo(502);
            assertThat(failed.body()).isEqualTo("{\"error\":\"payments answered 503\"}");
        }
        long opened = System.nanoTime();
        long before = payments.getCalls();

        HttpResponse<String> answer = calls.checkout("kettle");
        long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - opened) + 1;

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("circuit breaker is open", "PaymentsClient#charge");
        assertThat(payments.getCalls()).as("no call reached payments").isEqualTo(before);
        long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).as("the rest of the configured %d s delay, rounded up", BREAKER_DELAY_SECONDS)
                .isBetween(BREAKER_DELAY_SECONDS - elapsed, BREAKER_DELAY_SECONDS);
    }
}
