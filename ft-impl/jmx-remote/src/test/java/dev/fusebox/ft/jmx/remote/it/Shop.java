package dev.fusebox.ft.jmx.remote.it;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;

/** Guarded beans the remote access tests act on. */
final class Shop {

    private Shop() {
    }

    /** Breakers that open after 4 calls with 2 failures and stay open a minute. */
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
}
