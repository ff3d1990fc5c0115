package dev.fusebox.samples.web;

import dev.fusebox.ft.api.Hedge;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The recommendations service, called over HTTP through a MicroProfile Rest Client. Nice to have:
 * a call slower than 95 % of recent ones gets a second, hedged attempt and the first answer wins
 * (Fusebox's {@code @Hedge}; at most 10 % more calls, its budget), each attempt's answer later than
 * 400 ms is given up, a failing service opens the circuit, and whatever fails the page shows no
 * recommendations (the fallback). It extends {@link AutoCloseable} so that the
 * container closes the client it made.
 */
@RegisterRestClient(configKey = "recommendations")
@Path("/recommendations")
@Produces(MediaType.APPLICATION_JSON)
public interface RecommendationsClient extends AutoCloseable {

    @GET
    @Path("/{article}")
    @Hedge(delay = 50, percentile = 0.95)
    @Timeout(value = 400, unit = ChronoUnit.MILLIS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 4_000, successThreshold = 2)
    @Fallback(fallbackMethod = "noRecommendations")
    Recommendations alsoBought(@PathParam("article") String article);

    default Recommendations noRecommendations(String article) {
        return new Recommendations(List.of(), true);
    }
}
