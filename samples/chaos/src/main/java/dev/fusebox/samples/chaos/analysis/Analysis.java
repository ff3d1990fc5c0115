package dev.fusebox.samples.chaos.analysis;

import dev.fusebox.samples.chaos.model.Expectations;
import dev.fusebox.samples.chaos.model.Experiment;
import dev.fusebox.samples.chaos.model.Thresholds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The figures of a run, as docs/chaos.md defines them:
 * <ul>
 *   <li><b>time to detect</b>: from the moment the first fault step was applied to the first
 *       transition of the watched breaker to OPEN, before the fault window ended; milliseconds;</li>
 *   <li><b>time to mitigate</b>: from the fault window's first second {@code fs} to the first second
 *       {@code s} that begins {@code mitigate.stable} consecutive seconds, all inside the fault
 *       window, each keeping to the {@code expect.fault.*} limits; {@code s - fs} whole seconds;</li>
 *   <li><b>time to recover</b> (MTTR): from the fault window's end {@code fe} (its first second
 *       without faults) to the first second {@code r >= fe} that begins {@code recover.stable}
 *       consecutive recorded seconds each keeping to the steady-state limits; {@code r - fe}.</li>
 * </ul>
 * A second keeps to limits when requests ended in it and its error rate, p99 and degraded share are
 * each at most the limit. Stateless; thread-safe.
 */
public final class Analysis {

    private Analysis() {
    }

    /**
     * The steady-state check: every one of the experiment's first {@code steady.duration} seconds
     * must keep to the steady-state limits. Empty when they do, else which seconds did not and why.
     */
    public static Optional<String> steadyStateBreaches(Experiment experiment, List<SecondStats> seconds) {
        if (seconds.size() < experiment.steadySeconds()) {
            throw new IllegalArgumentException("the check needs " + experiment.steadySeconds() + " seconds, got "
                    + seconds.size());
        }
        List<String> breaches = new ArrayList<>();
        for (SecondStats second : seconds.subList(0, experiment.steadySeconds())) {
            if (!second.within(experiment.steady())) {
                breaches.add(describe(second));
            }
        }
        return breaches.isEmpty() ? Optional.empty() : Optional.of("not steady: " + breaches.size() + " of the first "
                + experiment.steadySeconds() + " s broke the steady-state limits (" + String.join("; ",
                breaches.subList(0, Math.min(3, breaches.size()))) + (breaches.size() > 3 ? "; ..." : "") + ")");
    }

    /** The figures and the verdict. */
    public static Findings of(Experiment experiment, RunFacts facts) {
        if (facts.notSteady().isPresent()) {
            return Findings.notSteady(facts.notSteady());
        }
        int faultStart = experiment.faultStartSecond();
        int faultEnd = facts.faultEndMillis().isPresent()
                ? (int) Math.min(experiment.faultEndSecond(), Math.round(facts.faultEndMillis().getAsLong() / 1000.0))
                : experiment.faultEndSecond();
        OptionalLong detect = timeToDetect(facts, faultStart);
        Expectations expect = experiment.expect();
        OptionalInt mitigate = shift(expect.duringFault().map(limits -> firstRun(facts.seconds(), faultStart,
                faultEnd, expect.mitigateStableSeconds(), limits)).orElse(OptionalInt.empty()), -faultStart);
        OptionalInt recover = shift(firstRun(facts.seconds(), faultEnd, facts.seconds().size(),
                expect.recoverStableSeconds(), experiment.steady()), -faultEnd);

        List<Claim> claims = new ArrayList<>();
        expect.detectWithin().ifPresent(within -> claims.add(new Claim("time to detect (" + experiment.detectBreaker()
                + " opens)", "at most " + seconds(within.toMillis()), detect.isPresent()
                ? seconds(detect.getAsLong()) : "the breaker did not open during the fault",
                detect.isPresent() && detect.getAsLong() <= within.toMillis())));
        expect.mitigateWithin().ifPresent(within -> claims.add(secondsClaim("time to mitigate ("
                + expect.mitigateStableSeconds() + " s in a row within " + limits(expect.duringFault().orElseThrow())
                + " during the fault)", within, mitigate, "not mitigated during the fault")));
        expect.recoverWithin().ifPresent(within -> claims.add(secondsClaim("time to recover (MTTR: "
                + expect.recoverStableSeconds() + " s in a row within the steady state " + limits(experiment.steady())
                + ")", within, recover, "not recovered before the load ended")));

        Verdict verdict;
        String reason;
        if (facts.aborted().isPresent()) {
            verdict = Verdict.ABORTED;
            reason = facts.aborted().get();
        } else if (claims.stream().allMatch(Claim::held)) {
            verdict = Verdict.HELD;
            reason = "every claim held";
        } else {
            verdict = Verdict.REFUTED;
            reason = "did not hold: " + String.join(", ", claims.stream().filter(c -> !c.held()).map(Claim::what)
                    .map(what -> what.replaceAll(" \\(.*", "")).toList());
        }
        return new Findings(verdict, reason, detect, mitigate, recover, claims);
    }

    private static OptionalLong timeToDetect(RunFacts facts, int faultStartSecond) {
        if (facts.faultStartMillis().isEmpty()) {
            return OptionalLong.empty();
        }
        long start = facts.faultStartMillis().getAsLong();
        long end = facts.faultEndMillis().orElse(Long.MAX_VALUE);
        return facts.transitions().stream().filter(BreakerTransition::opened)
                .filter(t -> t.atMillis() >= start && t.atMillis() <= end)
                .mapToLong(t -> t.atMillis() - start).findFirst();
    }

    /**
     * The first second {@code s} in {@code [from, until)} such that {@code s .. s+run-1} all lie in
     * {@code [from, until)}, exist, and keep to {@code limits}.
     */
    static OptionalInt firstRun(List<SecondStats> seconds, int from, int until, int run, Thresholds limits) {
        int end = Math.min(until, seconds.size());
        int streak = 0;
        for (int s = Math.max(0, from); s < end; s++) {
            streak = seconds.get(s).within(limits) ? streak + 1 : 0;
            if (streak == run) {
                return OptionalInt.of(s - run + 1);
            }
        }
        return OptionalInt.empty();
    }

    private static OptionalInt shift(OptionalInt value, int by) {
        return value.isPresent() ? OptionalInt.of(value.getAsInt() + by) : value;
    }

    private static Claim secondsClaim(String what, Duration within, OptionalInt measured, String otherwise) {
        return new Claim(what, "at most " + seconds(within.toMillis()), measured.isPresent()
                ? measured.getAsInt() + " s" : otherwise,
                measured.isPresent() && measured.getAsInt() * 1000L <= within.toMillis());
    }

    /** E.g. {@code errors <= 1%, p99 <= 250 ms}; limits that check nothing are left out. */
    public static String limits(Thresholds limits) {
        List<String> parts = new ArrayList<>();
        if (limits.maxErrorRate() < 1) {
            parts.add(String.format(Locale.ROOT, "errors <= %s%%", percent(limits.maxErrorRate())));
        }
        if (limits.maxP99Millis() != Double.POSITIVE_INFINITY) {
            parts.add(String.format(Locale.ROOT, "p99 <= %.0f ms", limits.maxP99Millis()));
        }
        if (limits.maxDegradedRate() < 1) {
            parts.add(String.format(Locale.ROOT, "degraded <= %s%%", percent(limits.maxDegradedRate())));
        }
        return parts.isEmpty() ? "(no limit)" : String.join(", ", parts);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.4g", share * 100).replaceAll("\\.?0+$", "");
    }

    /** E.g. {@code 1.24 s}. */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }

    private static String describe(SecondStats second) {
        return String.format(Locale.ROOT, "second %d: errors %.1f%%, p99 %.0f ms, degraded %.1f%%", second.second(),
                second.errorRate() * 100, second.p99Millis(), second.degradedRate() * 100);
    }
}
