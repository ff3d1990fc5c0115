package dev.fusebox.samples.chaos.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fusebox.samples.chaos.compare.RampLoad.Second;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison's figures from synthetic seconds: a phase's admitted percentiles, rate and shares. */
class ComparisonReportTest {

    @Test
    void aPhaseMergesItsSecondsAdmittedLatenciesAndCountsShedAndFailedAgainstWhatWasSent() {
        List<Second> seconds = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            Second second = new Second();
            for (int i = 1; i <= 100; i++) {
                second.sent++;
                second.ended(i * 1_000L * (s + 1), 200);
            }
            second.sent += 2;
            second.ended(5_000, 503);
            second.ended(5_000, 502);
            seconds.add(second);
        }
        ComparisonReport.Outcome middle = ComparisonReport.outcome(seconds, 1, 3);
        assertThat(middle.okPerSecond()).isEqualTo(100);
        assertThat(middle.shedShare()).isCloseTo(2 / 204.0, within(1e-9));
        assertThat(middle.failedShare()).isCloseTo(2 / 204.0, within(1e-9));
        // seconds 1 and 2: 2..200 ms by 2 and 3..300 ms by 3; the 99th percentile of those 200 values
        assertThat(middle.p99()).isCloseTo(294, within(3.0));
        assertThat(middle.p50()).isCloseTo(120, within(3.0));
    }

    @Test
    void theScenarioGrowsPastCapacityThenHoldsThenIdles() {
        assertThat(AdmissionComparison.rate(0)).isEqualTo(10);
        assertThat(AdmissionComparison.rate(10)).isEqualTo(20);
        assertThat(AdmissionComparison.rate(49)).isEqualTo(AdmissionComparison.PEAK);
        assertThat(AdmissionComparison.rate(60)).isEqualTo(AdmissionComparison.PEAK);
        assertThat(AdmissionComparison.rate(72)).isZero();
        assertThat(AdmissionComparison.rate(80)).isEqualTo(5);
    }

    @Test
    void theReportWritesItsTablesChartsAndEverySecond(@org.junit.jupiter.api.io.TempDir java.nio.file.Path out)
            throws Exception {
        List<Second> seconds = new ArrayList<>();
        for (int s = 0; s < AdmissionComparison.SECONDS; s++) {
            Second second = new Second();
            second.sent = 2;
            second.ended(10_000L * (s + 1), 200);
            second.ended(1_000, 503);
            seconds.add(second);
        }
        ComparisonReport.write(out, java.util.Map.of("adaptive", seconds),
                List.of(new AdmissionComparison.HedgeRun(true, seconds.subList(0, 30), 1.05)), 0);
        for (String png : List.of("admitted-p99.png", "throughput.png", "shed.png", "hedging.png")) {
            assertThat(out.resolve(png)).as(png).isNotEmptyFile();
        }
        assertThat(java.nio.file.Files.readString(out.resolve("README.md")))
                .contains("| adaptive | overloaded: 500 ms, 150 req/s |", "| on |", "1.050", "taskset -c 0");
        assertThat(java.nio.file.Files.readAllLines(out.resolve("seconds.csv"))).hasSize(1 + AdmissionComparison.SECONDS + 30);
    }
}
