package dev.fusebox.samples.web;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The payments service, called over HTTP through a MicroProfile Rest Client. The breaker is declared
 * on the interface, so it governs every method (override it as
 * {@code dev.fusebox.samples.web.PaymentsClient/CircuitBreaker/<parameter>}); at most 4 charges run
 * at once and a charge is given up after 500 ms. No fallback for money: the failure reaches the
 * shop's caller, as 503 (open circuit), 429 (full bulkhead) or 504 (timeout). It extends
 * {@link AutoCloseable} so that the container closes the client it made.
 */
@RegisterRestClient(configKey = "payments")
@Path("/payments")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 3_000, successThreshold = 2)
public interface PaymentsClient extends AutoCloseable {

    @POST
    @Path("/charges")
    @Bulkhead(4)
    @Timeout(value = 500, unit = ChronoUnit.MILLIS)
    Receipt charge(Charge charge);
}
