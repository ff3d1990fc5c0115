package dev.fusebox.samples.web;

import dev.fusebox.ft.api.ExponentialBackoff;
import dev.fusebox.ft.api.Jitter;
import dev.fusebox.ft.api.RetryBudget;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The inventory service, called over HTTP through a MicroProfile Rest Client. Every annotation is
 * on the method: transient errors are retried (waits growing exponentially from 40 ms, with full
 * jitter: Fusebox's {@code @ExponentialBackoff}; at most one retry per five calls over ten seconds,
 * plus ten a second, Fusebox's {@code @RetryBudget}, so a failing inventory is not hit by a retry
 * storm), a slow answer is given up after 300 ms, a failing
 * inventory opens the circuit, and whatever the failure the checkout goes on with a guess (the
 * fallback, a default method). Override any of it like a bean's, e.g.
 * {@code dev.fusebox.samples.web.InventoryClient/stockLevel/Retry/maxRetries=3}. It extends
 * {@link AutoCloseable} so that the container closes the client it made.
 */
@RegisterRestClient(configKey = "inventory")
@Path("/inventory")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryClient extends AutoCloseable {

    @GET
    @Path("/{article}")
    @Retry(maxRetries = 2, delay = 40, abortOn = CircuitBreakerOpenException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 160, jitter = Jitter.FULL)
    @RetryBudget(ratio = 0.2, ttl = 10, minRetriesPerSecond = 10)
    @Timeout(value = 300, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 5_000, successThreshold = 3)
    @Fallback(fallbackMethod = "guessedStockLevel")
    StockLevel stockLevel(@PathParam("article") String article);

    /** The fallback: one unit, so the checkout goes on; marked as a guess. */
    default StockLevel guessedStockLevel(String article) {
        return new StockLevel(article, 1, true);
    }
}
