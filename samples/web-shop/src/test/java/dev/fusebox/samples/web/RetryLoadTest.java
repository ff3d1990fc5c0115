package dev.fusebox.samples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.ThreadHygiene;
import dev.fusebox.samples.demo.FaultInjector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load a failing dependency gets from retries, measured over real HTTP on loopback: the web
 * shop's {@code GET /stock/{article}} calls the inventory service, which fails half of its calls
 * (each independently, the fault injector's error rate 0.5), through the inventory client's
 * {@code @Retry(maxRetries = 3)}; once as a plain retry (its {@code @RetryBudget} switched off),
 * once with the budget (ratio 0.2, no reserve, a ttl of 60 s so the whole run is one window). The
 * load is the inventory's calls per shop request: 1 is no retry at all. Bounded: 400 requests per
 * run from 8 callers at once, waits of at most a few milliseconds, the breaker switched off so
 * that it does not end retries early.
 *
 * <p>Expected: with independent failures of probability p and m retries, a call makes
 * {@code (1 - p^(m+1)) / (1 - p)} attempts on average: 1.875 for p = 0.5 and m = 3 (the issue's
 * "about 2.9" holds for p near 0.8, or for failures that last across a call's attempts). With the
 * budget, retries stay at or below 0.2 per first attempt. The figures of each run are printed.
 */
@ExtendWith(ThreadHygiene.class)
class RetryLoadTest {

    private static final int REQUESTS = 400;
    private static final int CALLERS = 8;
    private static final String STOCK = ShopCalls.CLIENTS + "InventoryClient/stockLevel/";

    @TempDir
    Path home;

    @Test
    void aRetryBudgetKeepsRetriesWithinItsRatioWhereAPlainRetryNearlyDoublesTheLoad() throws Exception {
        double plain = loadPerRequest("plain @Retry(maxRetries=3)", Map.of(STOCK + "RetryBudget/enabled", "false"));
        double budgeted = loadPerRequest("@Retry(maxRetries=3) + @RetryBudget(ratio=0.2)", Map.of(
                STOCK + "RetryBudget/minRetriesPerSecond", "0", STOCK + "RetryBudget/ttl", "60"));

        assertThat(plain).as("attempts per request, plain retry (1.875 expected)").isBetween(1.70, 2.05);
        assertThat(budgeted - 1).as("retries per first attempt with the budget").isLessThanOrEqualTo(0.2);
        assertThat(budgeted - 1).as("the budget's retries were used").isGreaterThan(0.15);
    }

    private double loadPerRequest(String variant, Map<String, String> settings) throws Exception {
        Map<String, String> config = new HashMap<>(settings);
        config.put(STOCK + "Retry/maxRetries", "3");
        config.put(STOCK + "Retry/delay", "1");
        config.put(STOCK + "ExponentialBackoff/maxDelay", "4");
        config.put(STOCK + "CircuitBreaker/enabled", "false");
        try (WebShop shop = WebShop.start(WebShopOptions.forTests(home.resolve(variant.length() + "-" + settings.size()),
                config))) {
            ShopCalls calls = new ShopCalls(shop.url());
            FaultInjector inventory = shop.dependencies().inventory();
            inventory.setErrorRate(0.5);
            long before = inventory.getCalls();
            long started = System.nanoTime();
            ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < REQUESTS; i++) {
                    answers.add(callers.submit(() -> calls.get("/stock/kettle").statusCode()));
                }
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(200);
                }
            } finally {
                callers.shutdownNow();
                assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            }
            long attempts = inventory.getCalls() - before;
            double load = (double) attempts / REQUESTS;
            System.out.printf("retry load, %s: %d requests, %d inventory calls (%d failed), %.3f calls per request,"
                    + " %.3f retries per first attempt, %d ms%n", variant, REQUESTS, attempts,
                    inventory.getInjectedFailures(), load, load - 1, (System.nanoTime() - started) / 1_000_000L);
            return load;
        }
    }
}
