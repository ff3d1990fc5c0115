package dev.fusebox.samples.chaos.compare;

import dev.fusebox.samples.chaos.compare.AdmissionComparison.HedgeRun;
import dev.fusebox.samples.chaos.compare.RampLoad.Second;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The comparison's report: a table per phase and variant (admitted p50 and p99, throughput, shed
 * and failed shares), the hedging table, a CSV of every second, and the charts ({@link ComparisonCharts}).
 * Stateless.
 */
final class ComparisonReport {

    /** A stretch of the scenario: its name and its seconds, {@code from} inclusive, {@code to} exclusive. */
    record Phase(String name, int from, int to) {
    }

    static final List<Phase> PHASES = List.of(new Phase("unloaded, 20 ms", 0, 10),
            new Phase("ramp: 20 → 500 ms, 20 → 150 req/s", 10, 50), new Phase("overloaded: 500 ms, 150 req/s", 50, 70),
            new Phase("unloaded, 500 ms", 75, 85));

    /** What one variant did in one phase. */
    record Outcome(double p50, double p99, double okPerSecond, double shedShare, double failedShare) {
    }

    private ComparisonReport() {
    }

    static Outcome outcome(List<Second> seconds, int from, int to) {
        Histogram merged = new Histogram(60_000_000L, 2);
        long sent = 0;
        long ok = 0;
        long shed = 0;
        long failed = 0;
        for (Second s : seconds.subList(from, Math.min(to, seconds.size()))) {
            merged.add(s.admitted);
            sent += s.sent;
            ok += s.ok;
            shed += s.shed;
            failed += s.failed;
        }
        double total = Math.max(1, sent);
        return new Outcome(merged.getValueAtPercentile(50) / 1000.0, merged.getValueAtPercentile(99) / 1000.0,
                ok / (double) (to - from), shed / total, failed / total);
    }

    static void write(Path out, Map<String, List<Second>> runs, List<HedgeRun> hedging, int cpu) throws IOException {
        ComparisonCharts.write(out, runs, hedging);
        StringBuilder md = new StringBuilder();
        md.append("# Front doors under a slowing dependency, and hedging\n\n")
                .append("Written by `AdmissionComparison` (samples/chaos; docs/adaptive.md, \"The comparison\"). ")
                .append(cpu >= 0 ? "The shop ran in its own JVM pinned to CPU " + cpu + " (`taskset -c " + cpu
                        + "`), this load generator on the other CPU.\n\n" : "Nothing was pinned.\n\n")
                .append("Each front door admits `GET /browse/kettle` (`X-Priority: live`), which calls the recommendations ")
                .append("service (16 threads; 10 ms of its own plus the injected latency the phases name) with no other ")
                .append("policy: its timeout, breaker and hedge are switched off. Latency is measured from when each request was due ")
                .append("(open loop); *admitted* means answered 2xx; *shed* means 503 or 429 from the front door.\n\n");
        md.append("| Variant | Phase | admitted p50 ms | admitted p99 ms | admitted /s | shed | failed |\n")
                .append("|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<Second>> run : runs.entrySet()) {
            for (Phase phase : PHASES) {
                Outcome o = outcome(run.getValue(), phase.from(), phase.to());
                md.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.0f | %.1f | %.1f %% | %.1f %% |%n",
                        run.getKey(), phase.name(), o.p50(), o.p99(), o.okPerSecond(), 100 * o.shedShare(),
                        100 * o.failedShare()));
            }
        }
        md.append("\nThe issue's goal: admitted p99 under overload within 2× of the unloaded p99 at the same latency.\n\n")
                .append("| Variant | overloaded p99 / unloaded p99 at 500 ms |\n|---|---|\n");
        for (Map.Entry<String, List<Second>> run : runs.entrySet()) {
            Outcome loaded = outcome(run.getValue(), 50, 70);
            Outcome unloaded = outcome(run.getValue(), 75, 85);
            md.append(String.format(Locale.ROOT, "| %s | %.2f |%n", run.getKey(), loaded.p99() / unloaded.p99()));
        }
        md.append("\n![admitted p99 per second](admitted-p99.png)\n\n![admitted per second](throughput.png)\n\n")
                .append("![shed per second](shed.png)\n\n## Hedging\n\nThe recommendations service at 20 ms, 3 % of ")
                .append("its calls 300 ms slower; 40 requests a second for 30 s after 5 s of warm-up; ")
                .append("`@Hedge(delay = 50, percentile = 0.95)` switched on and off.\n\n")
                .append("| Hedging | admitted p50 ms | admitted p99 ms | calls to the service per request |\n|---|---|---|---|\n");
        for (HedgeRun run : hedging) {
            Outcome o = outcome(run.seconds(), 0, run.seconds().size());
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.3f |%n", run.hedged() ? "on" : "off", o.p50(),
                    o.p99(), run.callsPerRequest()));
        }
        md.append("\n![hedging p99 per second](hedging.png)\n\nEvery second: [seconds.csv](seconds.csv).\n");
        Files.writeString(out.resolve("README.md"), md.toString());
        Files.writeString(out.resolve("seconds.csv"), csv(runs, hedging));
    }

    private static String csv(Map<String, List<Second>> runs, List<HedgeRun> hedging) {
        StringBuilder csv = new StringBuilder("run,second,sent,admitted,shed,failed,p50_ms,p99_ms\n");
        runs.forEach((variant, seconds) -> rows(csv, variant, seconds));
        hedging.forEach(run -> rows(csv, run.hedged() ? "hedging-on" : "hedging-off", run.seconds()));
        return csv.toString();
    }

    private static void rows(StringBuilder csv, String run, List<Second> seconds) {
        for (int i = 0; i < seconds.size(); i++) {
            Second s = seconds.get(i);
            csv.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%d,%d,%.1f,%.1f%n", run, i, s.sent, s.ok, s.shed, s.failed,
                    s.admitted.getTotalCount() == 0 ? 0 : s.admitted.getValueAtPercentile(50) / 1000.0,
                    s.admitted.getTotalCount() == 0 ? 0 : s.admitted.getValueAtPercentile(99) / 1000.0));
        }
    }
}
