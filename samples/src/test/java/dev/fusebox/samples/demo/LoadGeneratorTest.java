package dev.fusebox.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.samples.demo.CheckoutStats.Interval;
import dev.fusebox.samples.demo.CheckoutStats.Result;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load generator against a real shop with flaky payments and recommendations: it keeps about
 * its rate, and every summary's counts add up (each checkout is ok, degraded or failed; every
 * checkout asked inventory and payments; recommendations were asked exactly for the paid ones).
 */
class LoadGeneratorTest {

    private static final String SUMMARY = "\\d\\d:\\d\\d:\\d\\d checkouts (\\d+): ok (\\d+), degraded (\\d+), failed (\\d+)"
            + " \\| inventory .* \\| payments .* \\| recommendations .* \\| breakers inventory=\\S+ payments=\\S+"
            + " recommendations=\\S+";

    @TempDir
    Path home;

    @Test
    void summariesAddUp() throws Exception {
        BlockingQueue<Interval> intervals = new LinkedBlockingQueue<>();
        Output output = new Output();
        try (ShopDemo demo = ShopDemo.start(DemoOptions.parse("--home", home.toString(), "--jmx-port", "0",
                "--metrics-port", "0", "--rate", "40", "--users", "4", "--summary-seconds", "0.5", "--summary-file", "-",
                "--fault", "payments=errors:0.2", "--fault", "recommendations=errors:0.5"), output.stream(),
                intervals::add)) {
            List<Interval> seen = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Interval interval = intervals.poll(5, TimeUnit.SECONDS);
                assertThat(interval).as("summary %d", i + 1).isNotNull();
                seen.add(interval);
            }
            output.await(SUMMARY, Duration.ofSeconds(1));

            long checkouts = 0;
            for (Interval interval : seen.subList(1, seen.size())) {
                assertThat(interval.count(Result.OK) + interval.count(Result.DEGRADED) + interval.count(Result.FAILED))
                        .isEqualTo(interval.checkouts());
                assertThat(interval.calls(Dependencies.INVENTORY)).isEqualTo(interval.checkouts());
                assertThat(interval.calls(Dependencies.PAYMENTS)).isEqualTo(interval.checkouts());
                assertThat(interval.count(Result.FAILED)).as("only failed payments fail a checkout")
                        .isEqualTo(interval.calls(Dependencies.PAYMENTS) - interval.count(Dependencies.PAYMENTS, Outcome.OK));
                assertThat(interval.calls(Dependencies.RECOMMENDATIONS))
                        .isEqualTo(interval.count(Result.OK) + interval.count(Result.DEGRADED));
                checkouts += interval.checkouts();
            }
            // 40/s for 1.5 s: allow for a slow, shared machine but not for a stalled generator
            assertThat(checkouts).isBetween(20L, 70L);
            assertThat(seen.stream().mapToLong(i -> i.count(Result.FAILED)).sum()).as("payments errors").isPositive();
            assertThat(seen.stream().mapToLong(i -> i.count(Result.DEGRADED)).sum()).as("recommendations fallback")
                    .isPositive();
        }
        List<String> summaries = output.lines().stream().filter(line -> line.matches(SUMMARY)).toList();
        assertThat(summaries).hasSizeGreaterThanOrEqualTo(4);
        for (String line : summaries) {
            java.util.regex.Matcher counts = java.util.regex.Pattern.compile(SUMMARY).matcher(line);
            assertThat(counts.matches()).isTrue();
            assertThat(Long.parseLong(counts.group(2)) + Long.parseLong(counts.group(3)) + Long.parseLong(counts.group(4)))
                    .as(line).isEqualTo(Long.parseLong(counts.group(1)));
        }
    }
}
