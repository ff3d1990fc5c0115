package dev.fusebox.samples.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * Asks the inventory service how many units of an article are in stock. Transient errors are
 * retried; a slow answer is given up after 300 ms; when inventory keeps failing the circuit opens;
 * whatever the failure, the shop goes on with the last stock level it saw (a cached value).
 */
@ApplicationScoped
public class InventoryClient {

    /** What the shop believes it has, remembered from the last good answer. */
    private final Map<String, Integer> lastSeen = new ConcurrentHashMap<>();

    @Inject
    Dependencies dependencies;

    @Retry(maxRetries = 2, delay = 40, jitter = 20, abortOn = CircuitBreakerOpenException.class)
    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 5_000, successThreshold = 3)
    @Fallback(fallbackMethod = "cachedStockLevel")
    public StockLevel stockLevel(String article) throws IOException, InterruptedException {
        dependencies.inventory().enact();
        int units = 20 + Math.floorMod(article.hashCode(), 80);
        lastSeen.put(article, units);
        return new StockLevel(article, units, false);
    }

    StockLevel cachedStockLevel(String article) {
        return new StockLevel(article, lastSeen.getOrDefault(article, 1), true);
    }

    /**
     * @param article the article asked about
     * @param units how many are in stock
     * @param cached whether this is the fallback's last known value rather than a fresh answer
     */
    public record StockLevel(String article, int units, boolean cached) {
    }
}
