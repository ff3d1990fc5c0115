package dev.fusebox.samples.web;

import dev.fusebox.ft.management.BulkheadMXBean;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.ManagementNames;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import javax.management.JMX;

/**
 * The tests' side of the web shop: plain HTTP calls with the JDK's client, and the shop's own
 * MXBeans on this JVM's platform MBean server (to reset a breaker, to see a bulkhead fill).
 */
final class ShopCalls {

    static final String CLIENTS = "dev.fusebox.samples.web.";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI shop;

    ShopCalls(URI shop) {
        this.shop = shop;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> checkout(String article) throws IOException, InterruptedException {
        return checkoutAsync(article).join();
    }

    CompletableFuture<HttpResponse<String>> checkoutAsync(String article) {
        return http.sendAsync(request("/checkout/" + article + "?cents=2599").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** {@code GET path} with the header {@code X-Priority: priority}, answered later. */
    CompletableFuture<HttpResponse<String>> getAsync(String path, String priority) {
        return http.sendAsync(request(path).header("X-Priority", priority).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(shop.resolve(path)).timeout(Duration.ofSeconds(30));
    }

    static CircuitBreakerMXBean breaker(String client, String method) {
        return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(), ManagementNames.of(
                ManagementNames.CIRCUIT_BREAKER, WebShop.APPLICATION, CLIENTS + client, method), CircuitBreakerMXBean.class);
    }

    static BulkheadMXBean bulkhead(String client, String method) {
        return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(), ManagementNames.of(
                ManagementNames.BULKHEAD, WebShop.APPLICATION, CLIENTS + client, method), BulkheadMXBean.class);
    }
}
