package dev.fusebox.ft.testing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Guarded beans the management tests (JMX and its remote access) act on: a payment service with
 * breakers (two of them overloads), an inventory with retry, timeout and a bulkhead, and an
 * asynchronous warehouse. Application-scoped beans; their state is atomic, so thread-safe.
 */
public final class Shop {

    private Shop() {
    }

    /** A breaker that opens after 4 calls with 2 failures and stays open a minute. */
    @ApplicationScoped
    public static class Payments {
        private final AtomicInteger invocations = new AtomicInteger();

        public int invocations() {
            return invocations.get();
        }

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
        public String charge(boolean fail) {
            invocations.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("payment service down");
            }
            return "charged";
        }

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
        @Fallback(fallbackMethod = "cachedQuote")
        public String quote(boolean fail) {
            invocations.incrementAndGet();
            if (fail) {
                throw new IllegalStateException("quote service down");
            }
            return "live quote";
        }

        public String cachedQuote(boolean fail) {
            return "cached quote";
        }

        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
        public String refund(int cents) {
            return "refunded " + cents;
        }

        @CircuitBreaker(requestVolumeThreshold = 2, failureRatio = 1.0, delay = 60_000)
        public String refund(String order) {
            return "refunded " + order;
        }
    }

    /** Retry, Timeout and a bulkhead, no breaker. */
    @ApplicationScoped
    public static class Inventory {
        private final AtomicInteger attempts = new AtomicInteger();

        /** Fails the first {@code failures} attempts of each call. */
        @Retry(maxRetries = 2, delay = 0, jitter = 0)
        @Timeout(5_000)
        public String lookup(int failures) {
            if (attempts.incrementAndGet() <= failures) {
                throw new IllegalStateException("attempt " + attempts.get() + " failed");
            }
            return "in stock";
        }

        /** Call before each call of {@link #lookup}. */
        public void newCall() {
            attempts.set(0);
        }

        @Bulkhead(2)
        public String hold(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
            entered.countDown();
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return "held";
        }
    }

    /** An asynchronous method with one execution slot and one queue place. */
    @ApplicationScoped
    public static class Warehouse {
        @Asynchronous
        @Bulkhead(value = 1, waitingTaskQueue = 1)
        public CompletionStage<String> ship(CountDownLatch started, CountDownLatch release) throws InterruptedException {
            started.countDown();
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
            return CompletableFuture.completedFuture("shipped");
        }
    }
}
