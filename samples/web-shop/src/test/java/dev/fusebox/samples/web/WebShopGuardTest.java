package dev.fusebox.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.jmx.ManagementExtension;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.ThreadHygiene;
import dev.fusebox.samples.demo.FaultInjector;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import javax.management.JMX;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's stock feed, a plain Java HTTP client under a programmatic guard: it answers from the
 * inventory; when the inventory is down its breaker opens and the feed answers with a guess without
 * calling it; an operator sees the guard as {@code Guard#inventory-feed} over JMX and releases it.
 */
@ExtendWith(ThreadHygiene.class)
class WebShopGuardTest {

    @TempDir
    Path home;

    @Test
    void theGuardedFeedFallsBackOpensAndIsManagedLikeAnAnnotatedMethod() throws Exception {
        try (WebShop shop = WebShop.start(WebShopOptions.forTests(home, Map.of()))) {
            ShopCalls calls = new ShopCalls(shop.url());
            HttpResponse<String> healthy = calls.get("/feed/stock/kettle");
            assertThat(healthy.statusCode()).isEqualTo(200);
            assertThat(healthy.body()).contains("\"fallback\":false");

            FaultInjector inventory = shop.dependencies().inventory();
            CircuitBreakerMXBean breaker = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                    ManagementNames.of(ManagementNames.CIRCUIT_BREAKER, WebShop.APPLICATION
                            + ManagementExtension.GUARDS_SUFFIX, Guard.class.getName(), StockFeed.GUARD),
                    CircuitBreakerMXBean.class);
            assertThat(breaker.getState()).isEqualTo("CLOSED");
            inventory.setOutage(true);
            for (int i = 0; i < 12; i++) {
                assertThat(calls.get("/feed/stock/kettle").body()).contains("\"fallback\":true");
            }
            assertThat(breaker.getState()).as("ten failed attempts in the window open it").isEqualTo("OPEN");
            long reached = inventory.getCalls();
            assertThat(calls.get("/feed/stock/kettle").body()).contains("\"fallback\":true");
            assertThat(inventory.getCalls()).as("the open breaker keeps the feed off the inventory").isEqualTo(reached);

            inventory.setOutage(false);
            assertThat(breaker.reset().succeeded()).isTrue();
            assertThat(calls.get("/feed/stock/kettle").body()).contains("\"fallback\":false");
        }
    }
}
