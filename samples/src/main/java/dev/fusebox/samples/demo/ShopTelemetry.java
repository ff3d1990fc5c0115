package dev.fusebox.samples.demo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.exporter.prometheus.PrometheusHttpServer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.resources.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * The shop's OpenTelemetry, as in the quickstart: an SDK whose metric reader is the Prometheus
 * exporter's HTTP server on 127.0.0.1, so Fusebox's metrics can be scraped while the shop runs.
 * Closed, with its server and threads, when the container shuts down. Thread-safe.
 */
@ApplicationScoped
public class ShopTelemetry {

    static final String HOST = "127.0.0.1";
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    @Inject
    ShopSettings settings;

    private volatile URI scrapePage;

    @Produces
    @Singleton
    OpenTelemetrySdk openTelemetry() {
        int port = settings.metricsPort() == 0 ? freePort() : settings.metricsPort();
        PrometheusHttpServer server;
        try {
            server = PrometheusHttpServer.builder().setHost(HOST).setPort(port).build();
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot open the Prometheus scrape page on " + HOST + ":" + port
                    + " (is another shop running?); choose another with --metrics-port, or 0 for a free one", e);
        }
        scrapePage = URI.create("http://" + HOST + ":" + port + "/metrics");
        SdkMeterProvider meters = SdkMeterProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME,
                        settings.application()))))
                .registerMetricReader(server)
                .build();
        return OpenTelemetrySdk.builder().setMeterProvider(meters).build();
    }

    void close(@Disposes OpenTelemetrySdk telemetry) {
        telemetry.close();
    }

    /** The scrape page; null until Fusebox asked for the OpenTelemetry bean at deployment. */
    URI scrapePage() {
        return scrapePage;
    }

    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }
}
