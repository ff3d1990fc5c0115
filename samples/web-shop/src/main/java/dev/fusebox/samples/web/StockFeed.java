package dev.fusebox.samples.web;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.api.Jitter;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The inventory's stock as a feed read with the JDK's own HTTP client, as a vendor's plain Java
 * library would: no CDI interceptor can reach it, so a programmatic {@link Guard} protects it, with
 * the same policies an annotated method has. The guard, {@value #GUARD}, is built once for the
 * application and closed with it; management shows it as {@code dev.fusebox.ft.api.Guard#inventory-feed}
 * in the application {@code <app>-guards}, where an operator forces its breaker like any other.
 */
@ApplicationScoped
public class StockFeed {

    static final String GUARD = "inventory-feed";

    @Inject
    @ConfigProperty(name = "inventory/mp-rest/url")
    String inventoryUrl;

    private HttpClient http;
    private Guard guard;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        guard = Guard.builder(GUARD)
                .retry(r -> r.maxRetries(2).delay(Duration.ofMillis(40)).jitter(Duration.ZERO)
                        .exponentialBackoff(2, Duration.ofMillis(160), Jitter.FULL).abortOn(
                                org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException.class))
                .retryBudget(b -> b.ratio(0.2))
                .circuitBreaker(cb -> cb.requestVolumeThreshold(10).failureRatio(0.5).delay(Duration.ofSeconds(5)))
                .timeout(Duration.ofMillis(300))
                .build();
    }

    @PreDestroy
    void stop() {
        guard.close();
    }

    /** The stock of {@code article}; a guess (one unit, marked) when the feed fails or is cut off. */
    public StockLevel stock(String article) throws Exception {
        return guard.call(() -> read(article), failure -> new StockLevel(article, 1, true));
    }

    private StockLevel read(String article) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(inventoryUrl + "/inventory/" + article))
                .timeout(Duration.ofSeconds(2)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the inventory feed answered " + response.statusCode());
        }
        JsonObject json = Json.createReader(new StringReader(response.body())).readObject();
        return new StockLevel(json.getString("article"), json.getInt("units"), false);
    }
}
