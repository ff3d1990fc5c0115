package dev.fusebox.console.viewmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.fusebox.console.connect.PrometheusRateSource;
import dev.fusebox.console.feed.EnsembleSnapshot;
import dev.fusebox.console.operator.EnsembleProfile;
import dev.fusebox.ft.management.fleet.FleetMember;
import dev.fusebox.ft.management.fleet.FleetMember.BreakerState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fleet table's rate columns through the view-model, with the real {@link PrometheusRateSource}
 * asking a real HTTP server on loopback (the JDK's) that answers as Prometheus's API does: rates per
 * row, a method Prometheus has no series for, a method no row has, a refused answer, no Prometheus
 * configured, and the worker gone after a disconnect. The view-model's thread is this test's: readings
 * reach it through a queue the test runs.
 */
class EnsembleRatesTest {

    private static final String CHARGE = "com.example.PaymentsClient#charge";
    private static final String FIND = "com.example.Search$Index#find(int)";

    private final BlockingQueue<Runnable> ui = new LinkedBlockingQueue<>();
    private final EnsembleViewModelTest.RecordingEnsemble ensemble = new EnsembleViewModelTest.RecordingEnsemble();
    private final PrometheusRateSource source = new PrometheusRateSource(Duration.ofMillis(50), Duration.ofSeconds(2));
    private final EnsembleViewModel vm = new EnsembleViewModel(ensemble, source, ui::add);
    private volatile String calls;
    private volatile String rejected;
    private volatile int status = 200;
    private HttpServer prometheus;
    private String address;

    @BeforeEach
    void startPrometheusApi() throws IOException {
        calls = vector(Map.of("com.example.PaymentsClient.charge", "2.5", "com.example.Unknown.other", "9"));
        rejected = vector(Map.of("com.example.PaymentsClient.charge", "0.04"));
        prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        prometheus.createContext("/api/v1/query", this::answer);
        prometheus.start();
        address = "http://127.0.0.1:" + prometheus.getAddress().getPort();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = URLDecoder.decode(exchange.getRequestURI().getRawQuery().substring("query=".length()),
                StandardCharsets.UTF_8);
        String body = query.equals(PrometheusRateSource.CALLS) ? calls : query.equals(PrometheusRateSource.REJECTED)
                ? rejected : "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"unexpected query\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        source.close();
        prometheus.stop(0);
    }

    private static String vector(Map<String, String> byMethod) {
        StringBuilder json = new StringBuilder("{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[");
        byMethod.forEach((method, value) -> json.append(json.charAt(json.length() - 1) == '[' ? "" : ",")
                .append("{\"metric\":{\"method\":\"").append(method).append("\"},\"value\":[1765000000,\"")
                .append(value).append("\"]}"));
        return json.append("]}}").toString();
    }

    private void connect(String prometheusAddress) {
        vm.connect(new EnsembleProfile("test", "127.0.0.1:2181", "/fusebox", "", "", "", "", prometheusAddress),
                new char[0], false);
        FleetMember member = new FleetMember("shop", "i-1", "host-1", "", "0.1.0", 1_000, "connected",
                Map.of(CHARGE, new BreakerState("CLOSED", "", ""), FIND, new BreakerState("CLOSED", "", "")));
        ensemble.publish.accept(new EnsembleSnapshot(true, "fleet at 127.0.0.1:2181/fusebox", Map.of("shop",
                new EnsembleSnapshot.Application("shop", List.of(member), Map.of())), List.of(), ""));
    }

    /** Runs what reaches the view-model's thread until {@code condition} holds, for at most 10 s. */
    private void runUntil(String what, Supplier<Object> seen, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what + "; last seen: " + seen.get());
            }
            Runnable next = ui.poll(20, TimeUnit.MILLISECONDS);
            if (next != null) {
                next.run();
            }
        }
    }

    private EnsembleMethodRow row(String target) {
        return vm.methods().stream().filter(r -> r.target().equals(target)).findFirst().orElseThrow();
    }

    /** The calls/s a row shows; empty while there is no such row (yet). */
    private String callsOf(String target) {
        return vm.methods().stream().filter(r -> r.target().equals(target)).findFirst()
                .map(r -> r.callsPerSecondProperty().get()).orElse("");
    }

    private String shown() {
        return vm.methods().stream().map(r -> r.target() + " " + r.callsPerSecondProperty().get() + " "
                + r.rejectedPerSecondProperty().get()).toList() + " / " + vm.rates().statusProperty().get();
    }

    @Test
    void eachRowShowsItsMethodsRatesADashWithoutSeriesAndMethodsWithoutARowAreIgnored() throws Exception {
        connect(address);
        runUntil("the first reading", this::shown, () -> vm.rates().statusProperty().get().startsWith("Rates from"));
        assertThat(row(CHARGE).callsPerSecondProperty().get()).isEqualTo("2.5/s");
        assertThat(row(CHARGE).rejectedPerSecondProperty().get()).isEqualTo("0.04/s");
        assertThat(row(FIND).callsPerSecondProperty().get()).isEqualTo(Formats.NONE);
        assertThat(row(FIND).rejectedPerSecondProperty().get()).isEqualTo(Formats.NONE);
        assertThat(vm.methods()).extracting(EnsembleMethodRow::target).containsExactly(CHARGE, FIND);
        assertThat(vm.rates().statusProperty().get()).startsWith("Rates from Prometheus at " + address
                + " (per second over the last minute, all instances), read at ");
        assertThat(vm.rates().failingProperty().get()).isFalse();

        calls = vector(Map.of("com.example.PaymentsClient.charge", "3", "com.example.Search.Index.find", "0.5"));
        runUntil("the overload's row matched by its metric name", this::shown,
                () -> callsOf(FIND).equals("0.5/s"));
        assertThat(row(CHARGE).callsPerSecondProperty().get()).isEqualTo("3.0/s");
    }

    @Test
    void anAnswerPrometheusRefusedIsShownAndNoRateStaysOnTheRows() throws Exception {
        connect(address);
        runUntil("the first reading", this::shown, () -> callsOf(CHARGE).equals("2.5/s"));
        status = 422;
        calls = "{\"status\":\"error\",\"errorType\":\"execution\",\"error\":\"query timed out in expression evaluation\"}";
        runUntil("the refusal shown", this::shown, () -> vm.rates().failingProperty().get());
        assertThat(vm.rates().statusProperty().get()).isEqualTo("Prometheus: " + address
                + " refused the query (HTTP 422, execution): query timed out in expression evaluation");
        assertThat(row(CHARGE).callsPerSecondProperty().get()).isEqualTo(Formats.NONE);
        assertThat(row(CHARGE).rejectedPerSecondProperty().get()).isEqualTo(Formats.NONE);
    }

    @Test
    void withoutPrometheusTheColumnsAreEmptyAndTheStatusSaysSo() throws Exception {
        connect("");
        runUntil("the rows", this::shown, () -> vm.methods().size() == 2);
        assertThat(vm.rates().statusProperty().get()).isEqualTo(EnsembleRates.NO_PROMETHEUS);
        assertThat(row(CHARGE).callsPerSecondProperty().get()).isEmpty();
        assertThat(row(CHARGE).rejectedPerSecondProperty().get()).isEmpty();
    }

    @Test
    void aDisconnectStopsTheWorkerAndEmptiesTheColumns() throws Exception {
        connect(address);
        runUntil("the first reading", this::shown, () -> callsOf(CHARGE).equals("2.5/s"));
        vm.disconnect();
        runUntil("the worker gone", () -> "a thread fusebox-console-prometheus is alive", () -> Thread
                .getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().equals("fusebox-console-prometheus")));
        assertThat(vm.rates().statusProperty().get()).isEmpty();
        ui.forEach(Runnable::run);
        assertThat(vm.rates().statusProperty().get()).as("a reading late from the old session is ignored").isEmpty();
    }

    @Test
    void aBreakerIsMatchedToTheMetricsMethodLabel() {
        assertThat(EnsembleRates.metricMethod("com.example.PaymentsClient#charge"))
                .isEqualTo("com.example.PaymentsClient.charge");
        assertThat(EnsembleRates.metricMethod("a.b.Outer$Client#find(int)")).isEqualTo("a.b.Outer.Client.find");
        assertThat(EnsembleRates.metricMethod("group:checkout")).isEqualTo("group:checkout");
    }
}
