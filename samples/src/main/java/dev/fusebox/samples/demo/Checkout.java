package dev.fusebox.samples.demo;

import dev.fusebox.samples.demo.CheckoutStats.Result;
import dev.fusebox.samples.demo.InventoryClient.StockLevel;
import dev.fusebox.samples.demo.RecommendationsClient.Recommendations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One customer's checkout, the flow the load generator repeats: look the article's stock up
 * (inventory), charge the order (payments), then show what others also bought (recommendations).
 * A failed payment ends the checkout. Thread-safe: holds only the clients' proxies.
 */
final class Checkout {

    private static final List<String> ARTICLES = List.of("kettle", "toaster", "lamp", "desk", "chair", "mug");
    /** Longer than the recommendations' own timeout and queue wait: Fusebox answers first. */
    private static final long RECOMMENDATIONS_WAIT_MILLIS = 2_000;

    private final InventoryClient inventory;
    private final PaymentsClient payments;
    private final RecommendationsClient recommendations;
    private final CheckoutStats stats;

    Checkout(ShopInstance shop, CheckoutStats stats) {
        this.inventory = shop.inventory();
        this.payments = shop.payments();
        this.recommendations = shop.recommendations();
        this.stats = stats;
    }

    /** Runs checkout number {@code number} and records it; returns its result. */
    Result run(long number) throws InterruptedException {
        String article = ARTICLES.get((int) (number % ARTICLES.size()));
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        Result result = checkout("order-" + number, article, outcomes);
        stats.record(result, outcomes);
        return result;
    }

    private Result checkout(String order, String article, Map<String, Outcome> outcomes) throws InterruptedException {
        boolean degraded = false;
        try {
            StockLevel stock = inventory.stockLevel(article);
            outcomes.put(Dependencies.INVENTORY, stock.cached() ? Outcome.FALLBACK : Outcome.OK);
            degraded = stock.cached();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            outcomes.put(Dependencies.INVENTORY, Outcome.of(e));
            return Result.FAILED;
        }
        try {
            payments.charge(order, 1_999);
            outcomes.put(Dependencies.PAYMENTS, Outcome.OK);
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            outcomes.put(Dependencies.PAYMENTS, Outcome.of(e));
            return Result.FAILED;
        }
        try {
            Recommendations shown = recommendations.alsoBought(article).toCompletableFuture()
                    .get(RECOMMENDATIONS_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            outcomes.put(Dependencies.RECOMMENDATIONS, shown.fallback() ? Outcome.FALLBACK : Outcome.OK);
            degraded |= shown.fallback();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            // failed past the fallback, or no answer in time: the page shows no recommendations
            outcomes.put(Dependencies.RECOMMENDATIONS, Outcome.of(e));
            degraded = true;
        }
        return degraded ? Result.DEGRADED : Result.OK;
    }
}
