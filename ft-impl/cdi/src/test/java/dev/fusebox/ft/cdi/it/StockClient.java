package dev.fusebox.ft.cdi.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The MicroProfile Rest Client interface of {@link RestClientInterceptionTest}: a breaker declared
 * on the interface (so on every method), a retry and a fallback declared on methods. It extends
 * {@link AutoCloseable} so that the container closes the client it made (RESTEasy closes only
 * instances that are {@code AutoCloseable}, and the intercepted instance is what it sees).
 */
@RegisterRestClient(configKey = "stock")
@Path("/stock")
@Produces(MediaType.TEXT_PLAIN)
@CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 60_000)
public interface StockClient extends AutoCloseable {

    /** Retried three times at most. */
    @GET
    @Path("/{sku}")
    @Retry(maxRetries = 3, delay = 0, jitter = 0)
    String level(@PathParam("sku") String sku);

    /** Guarded by the interface's breaker only. */
    @GET
    @Path("/{sku}")
    String plainLevel(@PathParam("sku") String sku);

    /** Falls back to {@link #unknownLevel(String)}. */
    @GET
    @Path("/{sku}")
    @Fallback(fallbackMethod = "unknownLevel")
    String levelOrUnknown(@PathParam("sku") String sku);

    default String unknownLevel(String sku) {
        return "unknown " + sku;
    }
}
