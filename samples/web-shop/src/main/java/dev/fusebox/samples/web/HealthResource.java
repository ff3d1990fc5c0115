package dev.fusebox.samples.web;

import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * MicroProfile Health's readiness endpoint, {@code /health/ready}, for a servlet container without a
 * MicroProfile runtime: SmallRye Health's reporter runs every readiness check (Fusebox's
 * {@code fusebox-circuit-breakers} among them) and writes the JSON; DOWN answers 503, UP 200, as
 * the MicroProfile Health specification asks. A CDI bean made by RESTEasy through Weld.
 */
@Path("/health")
@ApplicationScoped
public class HealthResource {

    @Inject
    SmallRyeHealthReporter reporter;

    @GET
    @Path("/ready")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        SmallRyeHealth health = reporter.getReadiness();
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        reporter.reportHealth(json, health);
        return Response.status(health.isDown() ? Response.Status.SERVICE_UNAVAILABLE : Response.Status.OK)
                .entity(json.toString(StandardCharsets.UTF_8)).build();
    }
}
