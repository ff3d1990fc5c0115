package dev.fusebox.samples.quickstart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/** The application's calls to its flaky dependencies, each guarded by MicroProfile Fault Tolerance. */
@ApplicationScoped
public class ShopClient {

    @Inject
    FlakyDependency remote;

    @Inject
    Journal journal;

    @Retry(maxRetries = 3, delay = 50, jitter = 0)
    public String stockLevel() throws Exception {
        return remote.call("inventory", "retry");
    }

    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 400, successThreshold = 2)
    public String charge() throws Exception {
        return remote.call("payments", "breaker");
    }

    @Bulkhead(2)
    public String recommendations() throws Exception {
        return remote.call("recommendations", "bulkhead");
    }

    @Asynchronous
    @Bulkhead(value = 1, waitingTaskQueue = 1)
    public CompletionStage<String> exportReport() throws Exception {
        return CompletableFuture.completedFuture(remote.call("reports", "bulkhead"));
    }

    @Timeout(value = 200, unit = ChronoUnit.MILLIS)
    public String shippingAddress() throws Exception {
        return remote.call("addresses", "timeout");
    }

    @Fallback(fallbackMethod = "cachedPrice")
    public String price() throws Exception {
        return remote.call("pricing", "fallback");
    }

    String cachedPrice() {
        journal.say("fallback", "pricing failed; served the cached price 9.99");
        return "9.99 (cached)";
    }

    @Fallback(FlatRateShipping.class)
    public String shippingQuote() throws Exception {
        return remote.call("shipping", "fallback");
    }

    @Asynchronous
    public CompletionStage<String> loyaltyPoints() throws Exception {
        return CompletableFuture.completedFuture(remote.call("loyalty", "async") + " on " + Thread.currentThread().getName());
    }

    @Asynchronous
    public Future<String> auditTrail() throws Exception {
        return CompletableFuture.completedFuture(remote.call("audit", "async") + " on " + Thread.currentThread().getName());
    }

    @Retry(maxRetries = 2, delay = 20, jitter = 0, abortOn = IllegalArgumentException.class)
    @Timeout(value = 150, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.9)
    @Fallback(fallbackMethod = "checkoutLater")
    public String checkout() throws ConnectException, InterruptedException {
        return remote.call("orders", "combined");
    }

    String checkoutLater() {
        journal.say("combined", "orders unreachable after retries; order queued for later");
        return "queued";
    }
}
