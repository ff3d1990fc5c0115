package dev.fusebox.samples.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.jmx.remote.Credentials;
import dev.fusebox.ft.jmx.remote.Role;
import dev.fusebox.ft.testing.ThreadHygiene;
import dev.fusebox.samples.chaos.analysis.Verdict;
import dev.fusebox.samples.demo.DemoHome;
import dev.fusebox.samples.demo.FaultInjector;
import dev.fusebox.samples.web.WebShop;
import dev.fusebox.samples.web.WebShopOptions;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tiny experiments, end to end, against a real web shop in this JVM on free ports, driven over its
 * real authenticated JMX connector as the operator: a payments outage that the payments breaker
 * detects, healed on time and again at the end, with its report; and one stopped by its abort rule.
 */
@ExtendWith(ThreadHygiene.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChaosRunTest {

    static final String TINY = String.join("\n", "name = tiny", "hypothesis = the payments breaker catches an outage",
            "load.request = POST /checkout/kettle?cents=2599", "load.rate = 20/s", "load.warmup = 1s",
            "load.duration = 9s", "steady.duration = 2s", "steady.errors.max = 5%", "steady.p99.max = 2000ms",
            "fault = at 3s for 3s payments outage", "detect.breaker = dev.fusebox.samples.web.PaymentsClient#charge",
            "expect.detect.within = 2s", "expect.recover.within = 3s", "recover.stable = 2s");

    @TempDir
    static Path dir;
    static WebShop shop;
    static ChaosCommand.Login operator;

    @BeforeAll
    static void start() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home);
        Map<String, String> passwords = Credentials.create(home.resolve(DemoHome.CREDENTIALS),
                Map.of(DemoHome.OPERATOR, Role.OPERATOR));
        operator = new ChaosCommand.Login(DemoHome.OPERATOR, passwords.get(DemoHome.OPERATOR));
        shop = WebShop.start(new WebShopOptions(0, 0, home, false, List.of(), false, Map.of()));
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 20; i++) {   // the first checkouts of a fresh JVM are slow
            http.send(HttpRequest.newBuilder(shop.url().resolve("/checkout/kettle?cents=1")).POST(
                    HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        shop.close();
    }

    @Test
    @Order(1)
    void anOutageIsAppliedDetectedHealedAndReported() throws Exception {
        FaultInjector payments = shop.dependencies().payments();
        long failuresBefore = payments.getInjectedFailures();

        ChaosCommand.Outcome outcome = run(TINY, "tiny");

        RunRecord run = outcome.run();
        assertThat(run.applied()).singleElement().satisfies(step -> {
            assertThat(step.injectorStatus()).as("the injector's status just after the step").isEqualTo("OUTAGE");
            assertThat(step.appliedMillis()).isBetween(3_000L, 3_600L);
            assertThat(step.revertedMillis()).isBetween(6_000L, 6_600L);
        });
        assertThat(payments.getInjectedFailures() - failuresBefore).as("calls the outage failed").isPositive();
        assertThat(payments.getStatus()).isEqualTo("healthy");
        assertThat(run.statusesAtEnd()).isEqualTo(Map.of("payments", "healthy"));
        assertThat(run.facts().seconds()).hasSize(9);
        assertThat(run.facts().transitions()).anySatisfy(t -> assertThat(t.to()).isEqualTo("OPEN"));
        assertThat(outcome.findings().timeToDetectMillis()).as("the payments breaker's OPEN").isPresent();
        assertThat(outcome.findings().timeToDetectMillis().getAsLong()).isBetween(0L, 2_000L);
        assertThat(outcome.findings().timeToRecoverSeconds()).isPresent();
        assertThat(outcome.findings().verdict()).isEqualTo(Verdict.HELD);

        Path report = outcome.report();
        String markdown = Files.readString(report.resolve(ReportWriter.REPORT));
        assertThat(markdown).contains("**Verdict: HELD**", "| Time to detect | ", "| Time to recover (MTTR) | ",
                "payments outage: scheduled at 3 s for 3 s", "(injector: OUTAGE)", "![latency](latency.png)",
                "| CLOSED | OPEN |");
        assertThat(Files.readAllLines(report.resolve(ReportWriter.CSV))).hasSize(10);
        for (String chart : List.of(Charts.THROUGHPUT, Charts.LATENCY, Charts.ERRORS)) {
            BufferedImage image = ImageIO.read(report.resolve(chart).toFile());
            assertThat(image.getWidth()).as(chart).isEqualTo(1000);
            assertThat(image.getHeight()).as(chart).isEqualTo(420);
        }
    }

    @Test
    @Order(2)
    void anAbortRuleStopsTheRunAndHealsTheFault() throws Exception {
        String aborting = TINY.replace("name = tiny", "name = tiny-abort") + "\nabort = errors > 50% for 1s";

        ChaosCommand.Outcome outcome = run(aborting, "tiny-abort");

        assertThat(outcome.findings().verdict()).isEqualTo(Verdict.ABORTED);
        assertThat(outcome.findings().reason()).startsWith("abort rule of line 15 (errors > 50% for 1 s) fired at second 3");
        assertThat(outcome.run().facts().seconds()).as("recorded up to the abort").hasSizeLessThan(9);
        assertThat(outcome.run().applied()).singleElement().satisfies(step ->
                assertThat(step.revertedMillis()).as("healed at the abort, before its scheduled end").isLessThan(6_000));
        assertThat(shop.dependencies().payments().getStatus()).isEqualTo("healthy");
        assertThat(Files.readString(outcome.report().resolve(ReportWriter.REPORT))).contains("**Verdict: ABORTED**");
    }

    private static ChaosCommand.Outcome run(String text, String name) throws Exception {
        Path file = dir.resolve(name + ".exp");
        Files.writeString(file, text);
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        ChaosCommand.Outcome outcome = ChaosCommand.run(file, shop.url(), shop.jmxAddress(), operator,
                dir.resolve("reports").resolve(name), "test", new PrintStream(log, true, StandardCharsets.UTF_8));
        System.out.print(log.toString(StandardCharsets.UTF_8));
        return outcome;
    }
}
