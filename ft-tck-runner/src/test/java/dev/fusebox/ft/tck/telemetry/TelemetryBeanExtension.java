package dev.fusebox.ft.tck.telemetry;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Plays the part of a MicroProfile Telemetry implementation for the TCK: when the OpenTelemetry
 * SDK is on the class path, it adds an {@code OpenTelemetry} bean built by the SDK's
 * autoconfiguration from the deployment's MicroProfile Config, the way MicroProfile Telemetry
 * specifies it, starts it when the deployment is valid (as a runtime would at start-up, whether or
 * not anything uses it) and closes it with the container. Without the SDK it adds nothing (the
 * class never touches an SDK type then).
 */
public class TelemetryBeanExtension implements Extension {

    private static final String SDK = "io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk";

    private boolean present;

    void addOpenTelemetry(@Observes AfterBeanDiscovery event) {
        try {
            Class.forName(SDK, false, TelemetryBeanExtension.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return;
        }
        present = true;
        TelemetrySdkBean.register(event);
    }

    void startOpenTelemetry(@Observes AfterDeploymentValidation event, BeanManager beans) {
        if (present) {
            TelemetrySdkBean.start(beans);
        }
    }
}
