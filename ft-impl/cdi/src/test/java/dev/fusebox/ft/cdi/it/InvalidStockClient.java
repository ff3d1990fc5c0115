package dev.fusebox.ft.cdi.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** A Rest Client interface with an invalid policy, for {@link RestClientInterceptionTest}. */
@RegisterRestClient(configKey = "stock")
@Path("/stock")
public interface InvalidStockClient extends AutoCloseable {

    @GET
    @Retry(maxRetries = -2)
    String level();
}
