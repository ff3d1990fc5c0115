package dev.fusebox.samples.quickstart;

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
import java.util.Optional;

/**
 * The sample's OpenTelemetry: an SDK whose one metric reader is the OpenTelemetry Prometheus
 * exporter, an HTTP server on 127.0.0.1. Fusebox publishes its metrics to any {@code OpenTelemetry}
 * bean, so they can be scraped while the demo runs. The SDK, and with it the HTTP server and its
 * threads, is closed when the container shuts down. Thread-safe.
 */
@ApplicationScoped
public class Telemetry {

    /** Loopback only: the sample opens no port to the network. */
    static final String HOST = "127.0.0.1";
    private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

    @Inject
    FlakyDependencyDemo.Options options;

    /** Set once, by the producer; read by the demo. */
    private volatile URI scrapePage;

    /** Fusebox asks for this bean at deployment, unless metrics are disabled. */
    @Produces
    @Singleton
    OpenTelemetrySdk openTelemetry() {
        int port = options.metricsPort() == 0 ? freePort() : options.metricsPort();
        PrometheusHttpServer server;
        try {
            server = PrometheusHttpServer.builder().setHost(HOST).setPort(port).build();
        } catch (UncheckedIOException e) {
            throw new IllegalStateException("cannot open the Prometheus scrape page on " + HOST + ":" + port + "; set "
                    + FlakyDependencyDemo.Options.PORT_KEY + " to another port, or to 0 for a free one", e);
        }
        scrapePage = URI.create("http://" + HOST + ":" + port + "/metrics");
        SdkMeterProvider meters = SdkMeterProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, "fusebox-quickstart"))))
                .registerMetricReader(server)
                .build();
        return OpenTelemetrySdk.builder().setMeterProvider(meters).build();
    }

    /** Shuts the meter provider down, which stops the HTTP server; returns once it has stopped. */
    void close(@Disposes OpenTelemetrySdk telemetry) {
        telemetry.close();
    }

    /** Where Prometheus scrapes; empty when metrics are disabled, so no OpenTelemetry was made. */
    public Optional<URI> scrapePage() {
        return Optional.ofNullable(scrapePage);
    }

    /**
     * A port the system has just found free on {@link #HOST}. The exporter does not tell which port
     * it bound when given 0, so the sample asks first; should another process take the port in
     * between, start-up fails with the message above.
     */
    private static int freePort() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on " + HOST, e);
        }
    }
}
