package dev.fusebox.samples.chaos.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The experiment file format: a complete file read into its model; each mistake named with its line. */
class ExperimentParserTest {

    /** Line numbers matter: the error cases below replace one of these lines. */
    static final String GOOD = String.join("\n",
            "# inventory slows down",                                       // 1
            "name = inventory-latency",                                     // 2
            "hypothesis = Inventory slowness is contained by its breaker",  // 3
            "",                                                             // 4
            "load.request = POST /checkout/kettle?cents=2599",              // 5
            "load.rate = 30/s",                                             // 6
            "load.warmup = 10s",                                            // 7
            "load.duration = 70s",                                          // 8
            "steady.duration = 10s",                                        // 9
            "steady.errors.max = 1%",                                       // 10
            "steady.p99.max = 250ms",                                       // 11
            "steady.degraded.max = 0.5%",                                   // 12
            "fault = at 30s for 15s payments errors 50%",                   // 13
            "fault = at 15s for 20s inventory latency 450ms",               // 14
            "abort = errors > 50% for 5s",                                  // 15
            "abort = p99 > 3000ms for 3s",                                  // 16
            "detect.breaker = dev.fusebox.samples.web.InventoryClient#stockLevel", // 17
            "expect.detect.within = 3s",                                    // 18
            "expect.fault.errors.max = 1%",                                 // 19
            "expect.fault.p99.max = 800ms",                                 // 20
            "expect.mitigate.within = 5s",                                  // 21
            "expect.recover.within = 10s",                                  // 22
            "mitigate.stable = 2s",                                         // 23
            "recover.stable = 4s");                                         // 24

    @Test
    void aCompleteFileBecomesItsExperiment() {
        Experiment e = ExperimentParser.parse("good.exp", GOOD);

        assertThat(e.name()).isEqualTo("inventory-latency");
        assertThat(e.hypothesis()).isEqualTo("Inventory slowness is contained by its breaker");
        assertThat(e.load()).isEqualTo(new Load("POST", "/checkout/kettle?cents=2599", 30, 10, 70));
        assertThat(e.steadySeconds()).isEqualTo(10);
        assertThat(e.steady()).isEqualTo(new Thresholds(0.01, 250, 0.005));
        assertThat(e.faults()).as("sorted by start").containsExactly(
                new FaultStep(14, 15, 20, "inventory", FaultKind.LATENCY, 450),
                new FaultStep(13, 30, 15, "payments", FaultKind.ERRORS, 0.5));
        assertThat(e.faultStartSecond()).isEqualTo(15);
        assertThat(e.faultEndSecond()).isEqualTo(45);
        assertThat(e.dependencies()).containsExactly("inventory", "payments");
        assertThat(e.aborts()).containsExactly(new AbortRule(15, AbortRule.Metric.ERRORS, 0.5, 5),
                new AbortRule(16, AbortRule.Metric.P99, 3000, 3));
        assertThat(e.detectBreaker()).isEqualTo("dev.fusebox.samples.web.InventoryClient#stockLevel");
        assertThat(e.expect()).isEqualTo(new Expectations(Optional.of(Duration.ofSeconds(3)),
                Optional.of(new Thresholds(0.01, 800, 1)), Optional.of(Duration.ofSeconds(5)),
                Optional.of(Duration.ofSeconds(10)), 2, 4));
        assertThat(e.faults().get(0).describe()).isEqualTo("inventory latency 450 ms");
        assertThat(e.faults().get(1).describe()).isEqualTo("payments errors 50%");
        assertThat(e.aborts().get(0).describe()).isEqualTo("errors > 50% for 5 s");
    }

    @Test
    void optionalKeysTakeTheirDefaultsAndOutageAndExhaustionTakeNoValue() {
        Experiment e = ExperimentParser.parse("min.exp", String.join("\n", "name = x", "hypothesis = h",
                "load.request = GET /stock/kettle", "load.rate = 5/s", "load.duration = 30s", "steady.duration = 5s",
                "steady.errors.max = 0%", "steady.p99.max = 1s", "detect.breaker = a.B#c",
                "fault = at 5s for 5s payments outage", "fault = at 10s for 5s payments exhaustion",
                "expect.recover.within = 10s"));

        assertThat(e.load().warmupSeconds()).isZero();
        assertThat(e.steady().maxDegradedRate()).isEqualTo(1);
        assertThat(e.aborts()).isEmpty();
        assertThat(e.faults()).extracting(FaultStep::kind).containsExactly(FaultKind.OUTAGE, FaultKind.EXHAUSTION);
        assertThat(e.expect().duringFault()).isEmpty();
        assertThat(e.expect().mitigateStableSeconds()).isEqualTo(Expectations.DEFAULT_MITIGATE_STABLE_SECONDS);
        assertThat(e.expect().recoverStableSeconds()).isEqualTo(Expectations.DEFAULT_RECOVER_STABLE_SECONDS);
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "2  | name = Inventory Latency             | name: 'Inventory Latency' is not a name of a-z, 0-9 and -",
        "3  | hypothesis                           | expected key = value",
        "5  | load.request = DELETE /checkout/x    | load.request: 'DELETE /checkout/x' is not a request line",
        "6  | load.rate = 30                       | load.rate: '30' is not a rate; write requests per second",
        "6  | load.rate = 900/s                    | load.rate: 900/s is out of range; it must be from 1/s to 500/s",
        "7  | load.warmup = 1500ms                 | load.warmup: 1500ms is not a whole number of seconds",
        "8  | load.duration = 70                   | load.duration: '70' is not a duration; write it with its unit",
        "10 | steady.errors.max = 0.01             | steady.errors.max: '0.01' is not a percentage",
        "10 | steady.errors.max = 120%             | steady.errors.max: 120% is more than 100%",
        "12 | steady.p99.max = 300ms               | steady.p99.max: given twice (first on line 11)",
        "12 | steady.colour = blue                 | unknown key 'steady.colour'; the keys are name, hypothesis",
        "13 | fault = at 30s payments errors 50%   | fault: expected 'at <time> for <time> <dependency> <kind> [value]'",
        "13 | fault = at 30s for 15s payments slow 5% | fault: 'slow' is not a fault kind; use latency, errors, outage or exhaustion",
        "13 | fault = at 30s for 15s payments errors | fault: errors needs a value, e.g. errors 50%",
        "13 | fault = at 30s for 15s payments outage 1s | fault: outage takes no value; was '1s'",
        "13 | fault = at 30s for 15s payments errors 0% | fault: errors 0% injects nothing",
        "13 | fault = at 5s for 15s payments errors 50% | fault: starts at 5s, inside the steady-state check (the first 10s)",
        "13 | fault = at 50s for 18s payments errors 50% | fault: ends at 68s, which leaves less than recover.stable (4s)",
        "13 | fault = at 30s for 15s Payments! errors 50% | fault: 'Payments!' is not a dependency's name",
        "14 | fault = at 35s for 5s payments errors 10% | fault: overlaps the payments errors 50% of line 13",
        "14 | fault = at 15s for 20s inventory latency 90s | fault: 90s is out of range; it must be from 1ms to 60s",
        "15 | abort = errors >= 50% for 5s        | abort: expected '<errors|p99|degraded> > <limit> for <time>'",
        "16 | abort = cpu > 90% for 5s           | abort: 'cpu' cannot be watched; use errors, p99 or degraded",
        "17 | detect.breaker = InventoryClient   | detect.breaker: 'InventoryClient' is not a breaker's name",
    })
    void eachMistakeIsNamedWithItsLine(int line, String replacement, String message) {
        assertThatThrownBy(() -> ExperimentParser.parse("bad.exp", replaceLine(GOOD, line, replacement)))
                .isInstanceOfSatisfying(ExperimentFileException.class, e -> assertThat(e.line()).isEqualTo(line))
                .hasMessageStartingWith("bad.exp:" + line + ": ").hasMessageContaining(message);
    }

    @Test
    void whatConcernsTheWholeFileIsNamedWithoutALine() {
        assertThatThrownBy(() -> ExperimentParser.parse("a.exp", replaceLine(GOOD, 6, "# no rate")))
                .isInstanceOfSatisfying(ExperimentFileException.class, e -> assertThat(e.line()).isZero())
                .hasMessage("a.exp: missing load.rate (required; see docs/chaos.md)");
        String noFault = replaceLine(replaceLine(GOOD, 13, ""), 14, "");
        assertThatThrownBy(() -> ExperimentParser.parse("a.exp", noFault)).hasMessageStartingWith("a.exp: no fault step");
        String noClaim = replaceLine(replaceLine(replaceLine(GOOD, 18, ""), 21, ""), 22, "");
        assertThatThrownBy(() -> ExperimentParser.parse("a.exp", noClaim)).hasMessageStartingWith("a.exp: no claim to check");
        String mitigateWithoutLimits = replaceLine(replaceLine(GOOD, 19, ""), 20, "");
        assertThatThrownBy(() -> ExperimentParser.parse("a.exp", mitigateWithoutLimits))
                .hasMessageStartingWith("a.exp:21: expect.mitigate.within: needs the limits that count as mitigated");
    }

    @Test
    void sizesAreBounded(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> ExperimentParser.parse("long.exp", GOOD + "\n# " + "x".repeat(1000)))
                .hasMessage("long.exp:25: the line has 1002 characters; at most 1000");
        assertThatThrownBy(() -> ExperimentParser.parse("many.exp", GOOD + "\n#".repeat(500)))
                .hasMessage("many.exp: the file has 524 lines; at most 500");
        String elevenFaults = GOOD + "\nfault = at 40s for 1s recommendations outage".repeat(10);
        assertThatThrownBy(() -> ExperimentParser.parse("f.exp", elevenFaults))
                .hasMessage("f.exp:33: fault: more than 10 fault steps");
        Path big = dir.resolve("big.exp");
        Files.write(big, new byte[ExperimentParser.MAX_BYTES + 1]);
        assertThatThrownBy(() -> ExperimentParser.parse(big))
                .hasMessage("big.exp: the file has 65537 bytes; at most 65536");
        Path latin1 = dir.resolve("latin1.exp");
        Files.write(latin1, (GOOD + "\n# caf\u00e9").getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ExperimentParser.parse(latin1)).hasMessageStartingWith("latin1.exp: not UTF-8 text");
    }

    @Test
    void theShippedExperimentsAreValid() throws Exception {
        // the experiments shipped with the runner, in the sibling module
        Path experiments = Path.of("../chaos/experiments");
        try (var files = Files.list(experiments)) {
            assertThat(files.filter(f -> f.toString().endsWith(".exp")).map(f -> {
                try {
                    return ExperimentParser.parse(f).faults().get(0).kind();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            })).as("one experiment per fault kind").containsExactlyInAnyOrder(FaultKind.values());
        }
    }

    static String replaceLine(String text, int line, String replacement) {
        String[] lines = text.split("\n", -1);
        lines[line - 1] = replacement;
        return String.join("\n", lines);
    }
}
