package dev.fusebox.samples.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Charges the customer through the payments service. There is no sensible fallback for money:
 * failures reach the caller and the checkout fails. At most 4 charges run at once (the rest are
 * refused at once), a charge is given up after 500 ms, and a failing payments service is left
 * alone for 3 s by the circuit breaker.
 */
@ApplicationScoped
public class PaymentsClient {

    private final AtomicLong receipts = new AtomicLong();

    @Inject
    Dependencies dependencies;

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 3_000, successThreshold = 2)
    @Bulkhead(4)
    @Timeout(value = 500, unit = ChronoUnit.MILLIS)
    public Receipt charge(String order, long cents) throws IOException, InterruptedException {
        dependencies.payments().enact();
        return new Receipt(order, cents, "R-" + receipts.incrementAndGet());
    }

    /**
     * @param order the order paid
     * @param cents the amount charged
     * @param id the payment service's receipt number
     */
    public record Receipt(String order, long cents, String id) {
    }
}
