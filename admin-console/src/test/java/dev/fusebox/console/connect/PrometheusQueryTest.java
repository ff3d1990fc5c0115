package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PrometheusQuery} against a real HTTP server on loopback (the JDK's) that answers as
 * Prometheus's {@code /api/v1/query} does, or does not: the answer read by {@code method}, and every
 * refusal with a message that names the address.
 */
class PrometheusQueryTest {

    private static final String VECTOR = """
            {"status":"success","data":{"resultType":"vector","result":[
             {"metric":{"method":"com.example.PaymentsClient.charge"},"value":[1765000000.5,"2.5"]},
             {"metric":{"method":"com.example.Search.find"},"value":[1765000000.5,"0"]},
             {"metric":{"method":"com.example.Idle.wait"},"value":[1765000000.5,"NaN"]},
             {"metric":{},"value":[1765000000.5,"7"]}]}}""";

    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String answer = VECTOR;
    private volatile boolean chunked;
    private volatile boolean hang;
    private HttpServer server;
    private String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeEach
    void startTheServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prefix/api/v1/query", this::answer);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/prefix/";
    }

    private void answer(HttpExchange exchange) throws IOException {
        queries.add(URLDecoder.decode(exchange.getRequestURI().getRawQuery(), StandardCharsets.UTF_8));
        if (hang) {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @AfterEach
    void stopTheServer() {
        released.countDown();
        server.stop(0);
    }

    private PrometheusQuery query(int maxBytes, int maxSeries) {
        return new PrometheusQuery(client, base, Duration.ofMillis(1500), maxBytes, maxSeries);
    }

    @Test
    void anInstantVectorIsReadByMethodWithoutSeriesThatHaveNoMethodOrNoNumber() throws Exception {
        Map<String, Double> rates = query(4096, 10).byMethod(PrometheusRateSource.CALLS);
        assertThat(rates).containsExactlyInAnyOrderEntriesOf(Map.of("com.example.PaymentsClient.charge", 2.5,
                "com.example.Search.find", 0.0));
        assertThat(queries).containsExactly("query=" + PrometheusRateSource.CALLS);
    }

    @Test
    void anAnswerLongerThanTheLimitIsRefusedWhetherItSaysSoOrNot() {
        answer = VECTOR + " ".repeat(5000);
        assertThatThrownBy(() -> query(4096, 10).byMethod("up")).hasMessage(base.substring(0, base.length() - 1)
                + " answered more than 4096 bytes; refused (too many series? the console reads at most 4096)");
        chunked = true;
        assertThatThrownBy(() -> query(4096, 10).byMethod("up")).hasMessageContaining("answered more than 4096 bytes");
    }

    @Test
    void prometheusRefusingTheQueryIsShownWithItsOwnWords() {
        status = 400;
        answer = "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"1:5: parse error: unexpected <by>\"}";
        assertThatThrownBy(() -> query(4096, 10).byMethod("sum by")).hasMessageEndingWith(
                "/prefix refused the query (HTTP 400, bad_data): 1:5: parse error: unexpected <by>");
    }

    @Test
    void moreSeriesThanTheLimitAreRefused() {
        assertThatThrownBy(() -> query(4096, 3).byMethod("up"))
                .hasMessageEndingWith("answered 4 series, more than the 3 the console takes; refused");
    }

    @Test
    void somethingThatIsNotPrometheusSaysSo() {
        status = 404;
        answer = "<html>Not Found</html>";
        assertThatThrownBy(() -> query(4096, 10).byMethod("up")).hasMessageContaining(
                "answered HTTP 404 without the JSON of Prometheus's API (is it a Prometheus server?)");
        status = 200;
        answer = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}";
        assertThatThrownBy(() -> query(4096, 10).byMethod("up")).hasMessageContaining(
                "answered a matrix where an instant vector was asked for");
        answer = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{},\"value\":7}]}}";
        assertThatThrownBy(() -> query(4096, 10).byMethod("up")).hasMessageContaining(
                "answered JSON that is not an instant query's result");
    }

    @Test
    void aPrometheusThatIsNotThereOrDoesNotAnswerSaysWhereAndWhat() throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = probe.getLocalPort();
        }
        PrometheusQuery nobody = new PrometheusQuery(client, "http://127.0.0.1:" + closed, Duration.ofSeconds(1),
                4096, 10);
        assertThatThrownBy(() -> nobody.byMethod("up")).hasMessage("connection refused at http://127.0.0.1:" + closed);

        hang = true;
        PrometheusQuery slow = new PrometheusQuery(client, base, Duration.ofMillis(300), 4096, 10);
        assertThatThrownBy(() -> slow.byMethod("up")).hasMessage("no answer within 300 ms from "
                + base.substring(0, base.length() - 1));
    }
}
