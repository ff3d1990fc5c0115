package dev.fusebox.ft.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The MicroProfile Health readiness check over the application's circuit breakers, named
 * {@value #NAME}: DOWN while a breaker marked critical ({@code fusebox.health.critical}) is open
 * and its delay not over, or forced open by an operator; UP otherwise, half-open included (trial
 * calls must reach the instance). Its data lists every breaker's state, bounded
 * ({@link ReadinessReport}). Added to the deployment by {@link ReadinessExtension}; never a
 * liveness check, since a restart does not heal a dependency. Thread-safe: each call reads the
 * breakers anew.
 */
@Readiness
@ApplicationScoped
public class BreakerReadinessCheck implements HealthCheck {

    /** The check's name in the health report. */
    public static final String NAME = "fusebox-circuit-breakers";

    @Inject
    ReadinessExtension extension;

    @Override
    public HealthCheckResponse call() {
        ReadinessReport report = extension.report();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).status(report.up());
        report.data().forEach((key, value) -> {
            if (value instanceof Long number) {
                response.withData(key, number);
            } else {
                response.withData(key, String.valueOf(value));
            }
        });
        return response.build();
    }
}
