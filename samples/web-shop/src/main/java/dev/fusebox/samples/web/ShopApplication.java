package dev.fusebox.samples.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The shop's JAX-RS application. Without a servlet container's annotation scanning, the resources
 * and providers are listed here, the readiness resource ({@code /health/ready}, MicroProfile Health)
 * among them.
 */
@ApplicationPath("/")
public class ShopApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(CheckoutResource.class, FaultToleranceExceptionMapper.class, HealthResource.class);
    }
}
