package dev.fusebox.samples.chaos;

import dev.fusebox.samples.chaos.analysis.Analysis;
import dev.fusebox.samples.chaos.analysis.BreakerTransition;
import dev.fusebox.samples.chaos.analysis.Claim;
import dev.fusebox.samples.chaos.analysis.Findings;
import dev.fusebox.samples.chaos.analysis.SecondStats;
import dev.fusebox.samples.chaos.model.Experiment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Writes a run's report into a directory: {@value #REPORT} (Markdown: verdict, figures, claims,
 * charts, breaker transitions, phases, every second, the experiment file), the three charts of
 * {@link Charts}, and {@value #CSV} with every second. Stateless.
 */
final class ReportWriter {

    static final String REPORT = "report.md";
    static final String CSV = "seconds.csv";

    private ReportWriter() {
    }

    /**
     * @param context one line on where it ran, e.g. the shop's address and the date
     * @param experimentText the experiment file as it was read
     */
    static void write(Path directory, RunRecord run, Findings findings, String context, String experimentText)
            throws IOException {
        Files.createDirectories(directory);
        Experiment e = run.experiment();
        List<SecondStats> seconds = run.facts().seconds();
        Charts.write(directory, e, seconds, run.facts().transitions());
        StringBuilder md = new StringBuilder();
        line(md, "# Chaos experiment: " + e.name());
        line(md, "");
        line(md, "**Verdict: " + findings.verdict() + "** (" + findings.reason() + ")");
        line(md, "");
        line(md, "> " + e.hypothesis());
        line(md, "");
        line(md, "| | |");
        line(md, "|---|---|");
        line(md, "| Run | " + context + " |");
        line(md, String.format(Locale.ROOT, "| Load | `%s %s` at %d/s, open loop; %d s warm-up (not recorded), then"
                + " %d s recorded |", e.load().method(), e.load().path(), e.load().ratePerSecond(),
                e.load().warmupSeconds(), seconds.size()));
        line(md, "| Steady state | the first " + e.steadySeconds() + " s, each second " + Analysis.limits(e.steady())
                + " |");
        for (RunRecord.AppliedStep a : run.applied()) {
            line(md, String.format(Locale.ROOT, "| Fault | %s: scheduled at %d s for %d s; applied at %.2f s (injector:"
                    + " %s), taken back at %s |", a.step().describe(), a.step().atSecond(), a.step().forSeconds(),
                    a.appliedMillis() / 1000.0, a.injectorStatus(), a.revertedMillis() < 0 ? "the final heal"
                    : String.format(Locale.ROOT, "%.2f s", a.revertedMillis() / 1000.0)));
        }
        line(md, "| Detection | `" + e.detectBreaker() + "` opening |");
        line(md, "| Healed at the end | " + run.statusesAtEnd() + (run.healFailures().isEmpty() ? ""
                : "; NOT healed: " + run.healFailures()) + " |");
        line(md, "");
        line(md, "## Figures");
        line(md, "");
        line(md, "| Figure | Value | Measured as (docs/chaos.md) |");
        line(md, "|---|---|---|");
        line(md, "| Time to detect | " + (findings.timeToDetectMillis().isPresent()
                ? Analysis.seconds(findings.timeToDetectMillis().getAsLong()) : "not detected")
                + " | fault applied to the breaker's first OPEN during the fault |");
        line(md, "| Time to mitigate | " + (e.expect().duringFault().isEmpty() ? "not asked"
                : findings.timeToMitigateSeconds().isPresent() ? findings.timeToMitigateSeconds().getAsInt() + " s"
                : "not mitigated") + " | fault start to the first of " + e.expect().mitigateStableSeconds()
                + " s in a row within " + e.expect().duringFault().map(Analysis::limits).orElse("-") + " |");
        line(md, "| Time to recover (MTTR) | " + (findings.timeToRecoverSeconds().isPresent()
                ? findings.timeToRecoverSeconds().getAsInt() + " s" : "not recovered") + " | fault end to the first of "
                + e.expect().recoverStableSeconds() + " s in a row within the steady-state limits |");
        line(md, "");
        line(md, "## Claims");
        line(md, "");
        line(md, "| Claim | Expected | Measured | Held |");
        line(md, "|---|---|---|---|");
        for (Claim c : findings.claims()) {
            line(md, "| " + c.what() + " | " + c.expected() + " | " + c.measured() + " | " + (c.held() ? "yes" : "**no**")
                    + " |");
        }
        line(md, "");
        line(md, "## Charts");
        line(md, "");
        line(md, "Each point is one second of requests, by when they were due; the shaded band is the fault window,"
                + " red dashed lines the breaker opening, green ones it closing.");
        line(md, "");
        line(md, "![throughput](" + Charts.THROUGHPUT + ")");
        line(md, "![latency](" + Charts.LATENCY + ")");
        line(md, "![errors](" + Charts.ERRORS + ")");
        line(md, "");
        line(md, "## Breaker transitions");
        line(md, "");
        line(md, "`" + e.detectBreaker() + "`, whose opening marks detection:");
        line(md, "");
        transitions(md, run.facts().transitions(), seconds.size());
        run.otherBreakers().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(other -> {
            line(md, "Another breaker, `" + other.getKey() + "`:");
            line(md, "");
            transitions(md, other.getValue(), seconds.size());
        });
        phases(md, e, seconds);
        line(md, "## Every second");
        line(md, "");
        line(md, "Also in [" + CSV + "](" + CSV + ").");
        line(md, "");
        line(md, "<details><summary>" + seconds.size() + " seconds</summary>");
        line(md, "");
        line(md, "| s | sent | 2xx | errors | error % | degraded % | p50 ms | p99 ms | max ms | failures |");
        line(md, "|---|---|---|---|---|---|---|---|---|---|");
        StringBuilder csv = new StringBuilder("second,sent,answered,ok,errors,degraded,p50_ms,p99_ms,max_ms,failures\n");
        for (SecondStats s : seconds) {
            line(md, String.format(Locale.ROOT, "| %d | %d | %d | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %s |", s.second(),
                    s.sent(), s.ok(), s.errors(), s.errorRate() * 100, s.degradedRate() * 100, s.p50Millis(),
                    s.p99Millis(), s.maxMillis(), s.failuresText()));
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%.2f,%.2f,%.2f,%s%n", s.second(), s.sent(),
                    s.answered(), s.ok(), s.errors(), s.degraded(), s.p50Millis(), s.p99Millis(), s.maxMillis(),
                    s.failuresText()));
        }
        line(md, "");
        line(md, "</details>");
        line(md, "");
        line(md, "## The experiment file");
        line(md, "");
        line(md, "```properties");
        md.append(experimentText.strip()).append('\n');
        line(md, "```");
        Files.writeString(directory.resolve(REPORT), md, StandardCharsets.UTF_8);
        Files.writeString(directory.resolve(CSV), csv, StandardCharsets.UTF_8);
    }

    private static void transitions(StringBuilder md, List<BreakerTransition> transitions, int seconds) {
        List<BreakerTransition> shown = transitions.stream().filter(t -> t.atMillis() >= 0
                && t.atMillis() <= seconds * 1000L).toList();
        if (shown.isEmpty()) {
            line(md, "None during the recorded load.");
        } else {
            line(md, "| at (s) | from | to | cause |");
            line(md, "|---|---|---|---|");
            shown.forEach(t -> line(md, String.format(Locale.ROOT, "| %.2f | %s | %s | %s |", t.atMillis() / 1000.0,
                    t.from(), t.to(), t.cause().replace("|", "\\|"))));
        }
        line(md, "");
    }

    private static void phases(StringBuilder md, Experiment e, List<SecondStats> seconds) {
        line(md, "## Phases");
        line(md, "");
        line(md, "| Phase | seconds | requests | error % | degraded % | median of the p99s (ms) | worst p99 (ms) |");
        line(md, "|---|---|---|---|---|---|---|");
        phase(md, "steady state", seconds, s -> s.second() < e.steadySeconds());
        phase(md, "fault", seconds, s -> s.second() >= e.faultStartSecond() && s.second() < e.faultEndSecond());
        phase(md, "after the fault", seconds, s -> s.second() >= e.faultEndSecond());
        line(md, "");
    }

    private static void phase(StringBuilder md, String name, List<SecondStats> all, Predicate<SecondStats> in) {
        List<SecondStats> seconds = all.stream().filter(in).toList();
        if (seconds.isEmpty()) {
            line(md, "| " + name + " | - | - | - | - | - | - |");
            return;
        }
        long answered = seconds.stream().mapToLong(SecondStats::answered).sum();
        long ok = seconds.stream().mapToLong(SecondStats::ok).sum();
        long degraded = seconds.stream().mapToLong(SecondStats::degraded).sum();
        double[] p99s = seconds.stream().mapToDouble(SecondStats::p99Millis).sorted().toArray();
        line(md, String.format(Locale.ROOT, "| %s | %d to %d | %d | %.1f | %.1f | %.0f | %.0f |", name,
                seconds.get(0).second(), seconds.get(seconds.size() - 1).second(), answered,
                answered == 0 ? 0 : 100.0 * (answered - ok) / answered, ok == 0 ? 0 : 100.0 * degraded / ok,
                p99s[p99s.length / 2], p99s[p99s.length - 1]));
    }

    private static void line(StringBuilder md, String text) {
        md.append(text).append('\n');
    }
}
