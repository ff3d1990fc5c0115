package dev.fusebox.ft.tck.telemetry;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/** The SDK-touching half of {@link TelemetryBeanExtension}; loaded only when the SDK is present. */
final class TelemetrySdkBean {

    private TelemetrySdkBean() {
    }

    static void register(AfterBeanDiscovery event) {
        event.addBean().types(OpenTelemetry.class, Object.class).scope(Singleton.class)
                .createWith(context -> create())
                .destroyWith((telemetry, context) -> ((OpenTelemetrySdk) telemetry).close());
    }

    static void start(jakarta.enterprise.inject.spi.BeanManager beans) {
        beans.createInstance().select(OpenTelemetry.class).get().getMeterProvider();
    }

    /**
     * MicroProfile Telemetry's rules: {@code otel.*} properties come from MicroProfile Config, the
     * SDK is disabled unless {@code otel.sdk.disabled=false}, and no exporter is assumed (a
     * deployment that wants one names it).
     */
    private static OpenTelemetry create() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> properties = new HashMap<>();
        properties.put("otel.sdk.disabled", "true");
        properties.put("otel.traces.exporter", "none");
        properties.put("otel.metrics.exporter", "none");
        properties.put("otel.logs.exporter", "none");
        for (String name : config.getPropertyNames()) {
            if (name.startsWith("otel.")) {
                config.getOptionalValue(name, String.class).ifPresent(value -> properties.put(name, value));
            }
        }
        return AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> properties)
                .setServiceClassLoader(Thread.currentThread().getContextClassLoader())
                .disableShutdownHook()
                .build()
                .getOpenTelemetrySdk();
    }
}
