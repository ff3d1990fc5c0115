package dev.fusebox.console.connect;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One Prometheus server's HTTP API, asked instant queries ({@code GET <base>/api/v1/query?query=...})
 * whose answer is a vector of series with a {@code method} label, e.g.
 * {@code sum by (method) (rate(ft_invocations_total[1m]))}; the answer becomes {@code method} to value.
 * The JDK's {@link HttpClient} asks; Eclipse Parsson (jakarta.json) reads the JSON.
 *
 * <p>Bounded: one request waits at most {@code timeout} for the whole answer; an answer longer than
 * {@code maxBytes} is refused (unread beyond that); one with more than {@code maxSeries} series is
 * refused; JSON nesting is bounded by Parsson (depth 1000). Every failure is a
 * {@link PrometheusException} whose message names the address and what went wrong. Series without
 * a {@code method} label, or whose value is not a finite number ({@code NaN}, {@code +Inf}), are left
 * out.
 *
 * <p>Thread-safety: thread-safe (immutable; the {@link HttpClient} is).
 */
final class PrometheusQuery {

    /** The largest answer read: 1 MiB, about 7,000 series of a method label of 100 characters. */
    static final int MAX_BYTES = 1 << 20;
    /** The most series taken from one answer. */
    static final int MAX_SERIES = 5_000;

    private static final JsonReaderFactory JSON = Json.createReaderFactory(Map.of());

    private final HttpClient client;
    private final String base;
    private final Duration timeout;
    private final int maxBytes;
    private final int maxSeries;

    /**
     * @param base a checked base address ({@code http://host:9090}, maybe with a path prefix)
     */
    PrometheusQuery(HttpClient client, String base, Duration timeout, int maxBytes, int maxSeries) {
        this.client = client;
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.maxSeries = maxSeries;
    }

    String base() {
        return base;
    }

    /** Asks {@code promql} and returns each series' {@code method} label and value. */
    Map<String, Double> byMethod(String promql) throws PrometheusException, InterruptedException {
        URI uri = URI.create(base + "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json")
                .GET().build();
        CompletableFuture<HttpResponse<byte[]>> sent = client.sendAsync(request,
                info -> new BoundedBody(maxBytes, info.headers().firstValueAsLong("Content-Length").orElse(-1)));
        HttpResponse<byte[]> response;
        try {
            response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            sent.cancel(true);
            throw noAnswer();
        } catch (InterruptedException e) {
            sent.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
        return parse(response.statusCode(), response.body());
    }

    private PrometheusException noAnswer() {
        return new PrometheusException("no answer within " + timeout.toMillis() + " ms from " + base);
    }

    private PrometheusException failure(Throwable thrown) {
        Throwable cause = thrown;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof BoundedBody.TooLong) {
            return new PrometheusException(base + " answered more than " + maxBytes + " bytes; refused (too many series?"
                    + " the console reads at most " + maxBytes + ")");
        }
        if (cause instanceof HttpTimeoutException) {
            return noAnswer();
        }
        if (cause instanceof ConnectException) {
            return new PrometheusException("connection refused at " + base);
        }
        return new PrometheusException("cannot ask " + base + ": " + cause);
    }

    private Map<String, Double> parse(int status, byte[] body) throws PrometheusException {
        JsonObject answer;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            answer = reader.readObject();
        } catch (JsonException | IllegalStateException notJson) {
            throw new PrometheusException(base + " answered HTTP " + status + " without the JSON of Prometheus's API"
                    + " (is it a Prometheus server?): " + notJson.getMessage());
        }
        try {
            String outcome = answer.getString("status", "");
            if ("error".equals(outcome)) {
                throw new PrometheusException(base + " refused the query (HTTP " + status + ", "
                        + answer.getString("errorType", "no errorType") + "): " + answer.getString("error", "no error text"));
            }
            if (!"success".equals(outcome) || status != 200) {
                throw new PrometheusException(base + " answered HTTP " + status + " with status '" + outcome + "'");
            }
            JsonObject data = answer.getJsonObject("data");
            if (!"vector".equals(data.getString("resultType", ""))) {
                throw new PrometheusException(base + " answered a " + data.getString("resultType", "?")
                        + " where an instant vector was asked for");
            }
            JsonArray result = data.getJsonArray("result");
            if (result.size() > maxSeries) {
                throw new PrometheusException(base + " answered " + result.size() + " series, more than the "
                        + maxSeries + " the console takes; refused");
            }
            Map<String, Double> values = new HashMap<>();
            for (JsonValue series : result) {
                JsonValue method = series.asJsonObject().getJsonObject("metric").get("method");
                double value = number(series.asJsonObject().getJsonArray("value").get(1));
                if (method instanceof JsonString name && Double.isFinite(value)) {
                    values.merge(name.getString(), value, Double::sum);
                }
            }
            return values;
        } catch (ClassCastException | NullPointerException | IndexOutOfBoundsException | NumberFormatException bad) {
            throw new PrometheusException(base + " answered JSON that is not an instant query's result: " + bad);
        }
    }

    /** A sample's value: Prometheus sends it as a string ({@code "0.25"}, {@code "NaN"}, {@code "+Inf"}). */
    private static double number(JsonValue value) {
        String text = ((JsonString) value).getString();
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }

    /** Why Prometheus could not be asked or its answer was refused; the message names the address. */
    static final class PrometheusException extends Exception {
        private static final long serialVersionUID = 1L;

        PrometheusException(String message) {
            super(message, null, false, false);
        }
    }
}
