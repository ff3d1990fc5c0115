package dev.fusebox.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.samples.quickstart.FlakyDependencyDemo.Options;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Runs the quickstart on a free port, reads its scrape page over HTTP before the container closes,
 * and checks the series a Prometheus user sees: names as the OpenTelemetry Prometheus exporter
 * writes them, the MicroProfile tags as labels, the values the scripted faults produce.
 */
class ScrapePageTest {

    private static final String SHOP = "dev.fusebox.samples.quickstart.ShopClient.";
    /** The exporter's HTTP threads and the JDK server's dispatcher. */
    private static final Predicate<String> EXPORTER_THREAD = name -> name.startsWith("prometheus-http")
            || name.equals("HTTP-Dispatcher");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void scrapePageShowsEveryPolicy() throws Exception {
        AtomicReference<URI> page = new AtomicReference<>();
        AtomicReference<HttpResponse<String>> scraped = new AtomicReference<>();
        AtomicReference<List<String>> threadsWhileUp = new AtomicReference<>();
        List<String> lines = FlakyDependencyDemo.run(new PrintStream(OutputStream.nullOutputStream()),
                new Options(0, (scrapePage, journal) -> {
                    page.set(scrapePage);
                    scraped.set(get(scrapePage));
                    threadsWhileUp.set(liveThreads(EXPORTER_THREAD));
                }));

        assertThat(page.get().toString()).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
        assertThat(lines).first().isEqualTo("metrics    scrape page: " + page.get());
        assertThat(scraped.get().statusCode()).isEqualTo(200);
        assertThat(scraped.get().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));

        List<Series> series = Series.parse(scraped.get().body());
        assertThat(value(series, "ft_invocations_total", "method", SHOP + "price", "fallback", "applied",
                "result", "valueReturned")).isEqualTo(1);
        assertThat(value(series, "ft_invocations_total", "method", SHOP + "charge", "fallback", "notDefined",
                "result", "exceptionThrown")).isEqualTo(5);
        assertThat(value(series, "ft_retry_retries_total", "method", SHOP + "stockLevel")).isEqualTo(2);
        assertThat(value(series, "ft_retry_calls_total", "method", SHOP + "checkout", "retried", "true",
                "retryResult", "maxRetriesReached")).isEqualTo(1);
        assertThat(value(series, "ft_circuitbreaker_opened_total", "method", SHOP + "charge")).isEqualTo(1);
        assertThat(value(series, "ft_circuitbreaker_calls_total", "method", SHOP + "charge",
                "circuitBreakerResult", "circuitBreakerOpen")).isEqualTo(1);
        // the breaker stays open for at least its 400 ms delay: the unit is nanoseconds
        assertThat(value(series, "ft_circuitbreaker_state_nanoseconds_total", "method", SHOP + "charge",
                "state", "open")).isGreaterThanOrEqualTo(400e6);
        assertThat(value(series, "ft_bulkhead_calls_total", "method", SHOP + "recommendations",
                "bulkheadResult", "rejected")).isEqualTo(2);
        assertThat(value(series, "ft_bulkhead_calls_total", "method", SHOP + "exportReport",
                "bulkheadResult", "rejected")).isEqualTo(1);
        assertThat(value(series, "ft_bulkhead_executionsRunning", "method", SHOP + "recommendations")).isZero();
        assertThat(value(series, "ft_bulkhead_executionsWaiting", "method", SHOP + "exportReport")).isZero();
        assertThat(series).as("waiting is measured only for asynchronous bulkheads")
                .noneMatch(s -> s.name().equals("ft_bulkhead_executionsWaiting")
                        && s.labels().get("method").equals(SHOP + "recommendations"));
        assertThat(value(series, "ft_timeout_calls_total", "method", SHOP + "shippingAddress", "timedOut", "true"))
                .isEqualTo(1);
        assertThat(value(series, "ft_timeout_executionDuration_seconds_count", "method", SHOP + "shippingAddress"))
                .isEqualTo(1);
        // a 200 ms timeout that fired: a fraction of a second, so seconds and not milli- or nanoseconds
        assertThat(value(series, "ft_timeout_executionDuration_seconds_sum", "method", SHOP + "shippingAddress"))
                .isBetween(0.1, 10.0);
        assertThat(series).filteredOn(s -> s.name().startsWith("ft_"))
                .isNotEmpty()
                .allSatisfy(s -> assertThat(s.labels()).containsKey("method")
                        .containsEntry("otel_scope_name", "dev.fusebox.ft"));

        assertThat(threadsWhileUp.get()).as("exporter threads while the page is up").isNotEmpty();
        assertThat(lingeringThreads()).as("threads left behind by the exporter, Fusebox or the demo").isEmpty();
        assertThatThrownBy(() -> get(page.get())).as("the scrape page after shutdown").isInstanceOf(ConnectException.class);
    }

    private static HttpResponse<String> get(URI page) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the one series named {@code name} with these labels (among others). */
    private static double value(List<Series> series, String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        List<Series> found = series.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(wanted.entrySet()))
                .toList();
        assertThat(found).as("series %s%s", name, wanted).hasSize(1);
        return found.get(0).value();
    }

    private static List<String> liveThreads(Predicate<String> names) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(names)
                .toList();
    }

    /** Threads of the exporter, of Fusebox and of the demo still alive a moment after the run. */
    private static List<String> lingeringThreads() throws InterruptedException {
        Predicate<String> ours = EXPORTER_THREAD.or(name -> name.startsWith("fusebox-")
                || name.startsWith(FlakyDependencyDemo.CALLER_THREAD_PREFIX));
        List<String> alive = liveThreads(ours);
        for (int i = 0; i < 50 && !alive.isEmpty(); i++) {
            Thread.sleep(20);
            alive = liveThreads(ours);
        }
        return alive;
    }

    /** One sample line of the text exposition format: {@code name{label="value",...} value}. */
    private record Series(String name, Map<String, String> labels, double value) {

        private static final Pattern LINE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

        static List<Series> parse(String page) {
            List<Series> series = new ArrayList<>();
            for (String line : page.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
                Matcher sample = LINE.matcher(line);
                assertThat(sample.matches()).as("a sample line: %s", line).isTrue();
                Map<String, String> labels = new LinkedHashMap<>();
                Matcher label = LABEL.matcher(sample.group(2) == null ? "" : sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
                series.add(new Series(sample.group(1), labels, Double.parseDouble(sample.group(3))));
            }
            return series;
        }
    }
}
