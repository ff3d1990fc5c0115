package dev.fusebox.samples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fusebox.samples.demo.Dependencies;
import dev.fusebox.samples.demo.FaultInjector;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shop's three dependencies as small HTTP services on loopback, one server and port each (the
 * JDK's HTTP server), every call going through the dependency's {@link FaultInjector} first: an
 * outage or an injected error answers 503, latency delays the answer, a hang blocks the call until
 * lifted. Healthy answers are JSON: {@code GET /inventory/{article}},
 * {@code POST /payments/charges}, {@code GET /recommendations/{article}}.
 *
 * <p>{@link #close()} releases hung calls for good, then stops the servers and their threads. Start
 * and close from one thread; the handlers run on each service's pool and share only the injectors
 * (thread-safe) and an atomic receipt counter.
 */
public final class DependencyServices implements AutoCloseable {

    /** Threads per service: enough for the calls a hang may hold at once in the demo and the tests. */
    private static final int THREADS = 16;

    private final Dependencies dependencies;
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final List<ExecutorService> pools = new ArrayList<>();
    private final AtomicLong receipts = new AtomicLong();

    private DependencyServices(Dependencies dependencies) {
        this.dependencies = dependencies;
    }

    /** Starts the three services, each on a free loopback port. */
    public static DependencyServices start(Dependencies dependencies) throws IOException {
        DependencyServices services = new DependencyServices(dependencies);
        try {
            services.serve(Dependencies.INVENTORY, "/inventory/", services::stockLevel);
            services.serve(Dependencies.PAYMENTS, "/payments/charges", services::charge);
            services.serve(Dependencies.RECOMMENDATIONS, "/recommendations/", services::alsoBought);
        } catch (IOException | RuntimeException e) {
            services.close();
            throw e;
        }
        return services;
    }

    /** The base URL of {@code dependency}'s service, e.g. {@code http://127.0.0.1:41234}. */
    public URI url(String dependency) {
        HttpServer server = servers.get(dependency);
        if (server == null) {
            throw new IllegalArgumentException("no service named " + dependency + "; there are " + servers.keySet());
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private interface Answer {
        String json(HttpExchange exchange) throws IOException;
    }

    private void serve(String dependency, String path, Answer answer) throws IOException {
        FaultInjector faults = dependencies.named(dependency).orElseThrow();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS, runnable -> {
            Thread thread = new Thread(runnable, "web-shop-" + dependency);
            thread.setDaemon(true);
            return thread;
        });
        pools.add(pool);
        server.setExecutor(pool);
        server.createContext(path, exchange -> {
            // closed after the answer (a try-with-resources would close it before its catch blocks answer)
            try {
                faults.enact();
                respond(exchange, 200, answer.json(exchange));
            } catch (IOException injected) {
                respond(exchange, 503, "{\"error\":\"" + injected.getMessage() + "\"}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                respond(exchange, 503, "{\"error\":\"" + dependency + " is stopping\"}");
            } finally {
                exchange.close();
            }
        });
        server.start();
        servers.put(dependency, server);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String stockLevel(HttpExchange exchange) {
        String article = lastSegment(exchange);
        int units = 20 + Math.floorMod(article.hashCode(), 80);
        return Json.createObjectBuilder().add("article", article).add("units", units).add("fallback", false).build()
                .toString();
    }

    private String charge(HttpExchange exchange) throws IOException {
        JsonObject charge;
        try (InputStream in = exchange.getRequestBody(); JsonReader reader = Json.createReader(in)) {
            charge = reader.readObject();
        }
        return Json.createObjectBuilder().add("order", charge.getString("order"))
                .add("cents", charge.getJsonNumber("cents").longValue())
                .add("id", "R-" + receipts.incrementAndGet()).build().toString();
    }

    private String alsoBought(HttpExchange exchange) {
        String article = lastSegment(exchange);
        return Json.createObjectBuilder().add("articles", Json.createArrayBuilder().add(article + "-case")
                .add(article + "-cable").add(article + "-warranty")).add("fallback", false).build().toString();
    }

    private static String lastSegment(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Releases every hung call, then stops the servers and their threads. */
    @Override
    public void close() {
        dependencies.all().forEach(FaultInjector::close);
        servers.values().forEach(server -> server.stop(0));
        pools.forEach(ExecutorService::shutdownNow);
        servers.clear();
    }
}
