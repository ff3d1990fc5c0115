package dev.fusebox.samples.chaos.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.samples.chaos.model.Experiment;
import dev.fusebox.samples.chaos.model.ExperimentParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Time to detect, to mitigate and to recover, and the verdict, on synthetic seconds: a 60 s run,
 * steady for 10 s, the fault from second 20 to second 40, steady limits errors <= 1% and
 * p99 <= 200 ms, mitigated limits errors <= 5% and p99 <= 500 ms for 3 s in a row, recovered after 5 s in a row.
 */
class AnalysisTest {

    static final Experiment EXPERIMENT = ExperimentParser.parse("synthetic.exp", String.join("\n",
            "name = synthetic", "hypothesis = h", "load.request = GET /stock/kettle", "load.rate = 100/s",
            "load.duration = 60s", "steady.duration = 10s", "steady.errors.max = 1%", "steady.p99.max = 200ms",
            "fault = at 20s for 20s payments outage", "detect.breaker = a.B#c", "expect.detect.within = 2s",
            "expect.fault.errors.max = 5%", "expect.fault.p99.max = 500ms", "expect.mitigate.within = 5s",
            "expect.recover.within = 10s", "mitigate.stable = 3s", "recover.stable = 5s"));

    /** 60 healthy seconds: 100 requests, 1 error, p99 100 ms. */
    static List<SecondStats> healthy() {
        List<SecondStats> seconds = new ArrayList<>();
        for (int s = 0; s < 60; s++) {
            seconds.add(second(s, 1, 100));
        }
        return seconds;
    }

    static SecondStats second(int s, int errors, double p99) {
        return new SecondStats(s, 100, 100, 100 - errors, 0, p99 / 2, p99, p99 * 1.2,
                errors == 0 ? Map.of() : Map.of("503", errors));
    }

    static RunFacts facts(List<SecondStats> seconds, List<BreakerTransition> transitions) {
        return new RunFacts(seconds, OptionalLong.of(20_040), OptionalLong.of(40_030), transitions, Optional.empty(),
                Optional.empty());
    }

    static final List<BreakerTransition> OPENED_AT_21_3 = List.of(
            new BreakerTransition(-4_000, "HALF_OPEN", "CLOSED", "old news"),
            new BreakerTransition(5_000, "CLOSED", "OPEN", "before the fault: not a detection"),
            new BreakerTransition(5_100, "OPEN", "HALF_OPEN", "delay over"),
            new BreakerTransition(6_000, "HALF_OPEN", "CLOSED", "trials passed"),
            new BreakerTransition(21_290, "CLOSED", "OPEN", "failure ratio 1.00"),
            new BreakerTransition(24_290, "OPEN", "HALF_OPEN", "delay over"),
            new BreakerTransition(24_300, "HALF_OPEN", "OPEN", "trial failed"));

    @Test
    void timeToDetectRunsFromTheFaultsApplicationToTheFirstOpeningDuringIt() {
        Findings findings = Analysis.of(EXPERIMENT, facts(healthy(), OPENED_AT_21_3));
        assertThat(findings.timeToDetectMillis()).hasValue(1_250);
        assertThat(findings.claims().get(0)).isEqualTo(new Claim("time to detect (a.B#c opens)", "at most 2.00 s",
                "1.25 s", true));

        Findings late = Analysis.of(EXPERIMENT, facts(healthy(), List.of(
                new BreakerTransition(41_000, "CLOSED", "OPEN", "after the fault: not a detection"))));
        assertThat(late.timeToDetectMillis()).isEmpty();
        assertThat(late.claims().get(0).measured()).isEqualTo("the breaker did not open during the fault");
        assertThat(late.claims().get(0).held()).isFalse();
    }

    @Test
    void timeToMitigateIsTheStartOfTheFirstStableRunInsideTheFault() {
        List<SecondStats> seconds = healthy();
        seconds.set(20, second(20, 100, 30));   // every call fails
        seconds.set(21, second(21, 50, 900));
        seconds.set(22, second(22, 2, 300));    // within the mitigated limits
        seconds.set(23, second(23, 6, 300));    // 6% errors: not, so the run restarts
        seconds.set(24, second(24, 5, 500));    // at the limits: within
        assertThat(Analysis.of(EXPERIMENT, facts(seconds, OPENED_AT_21_3)).timeToMitigateSeconds()).hasValue(4);

        List<SecondStats> untouched = healthy();
        assertThat(Analysis.of(EXPERIMENT, facts(untouched, OPENED_AT_21_3)).timeToMitigateSeconds())
                .as("never outside the limits: mitigated from the first second").hasValue(0);

        List<SecondStats> lateRun = healthy();
        for (int s = 20; s < 38; s++) {
            lateRun.set(s, second(s, 60, 100));
        }
        Findings findings = Analysis.of(EXPERIMENT, facts(lateRun, OPENED_AT_21_3));
        assertThat(findings.timeToMitigateSeconds()).as("seconds 38, 39 are good, 40 is after the fault: no run of 3")
                .isEmpty();
        assertThat(findings.claims().get(1).measured()).isEqualTo("not mitigated during the fault");
        assertThat(findings.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(findings.reason()).isEqualTo("did not hold: time to mitigate");
    }

    @Test
    void timeToRecoverIsFromTheFaultsEndToTheFirstOfEnoughSteadySeconds() {
        List<SecondStats> seconds = healthy();
        for (int s = 20; s < 42; s++) {
            seconds.set(s, second(s, 100, 20));
        }
        seconds.set(46, second(46, 0, 250));   // p99 above the steady 200 ms: the run of 42..45 is too short
        Findings findings = Analysis.of(EXPERIMENT, facts(seconds, OPENED_AT_21_3));
        assertThat(findings.timeToRecoverSeconds()).hasValue(7);
        assertThat(findings.claims().get(2).held()).isTrue();

        List<SecondStats> never = healthy();
        for (int s = 20; s < 56; s++) {
            never.set(s, second(s, 3, 100));
        }
        Findings unrecovered = Analysis.of(EXPERIMENT, facts(never, OPENED_AT_21_3));
        assertThat(unrecovered.timeToRecoverSeconds()).as("56..59 is 4 s, one short").isEmpty();
        assertThat(unrecovered.claims().get(2).measured()).isEqualTo("not recovered before the load ended");
    }

    @Test
    void theVerdict() {
        assertThat(Analysis.of(EXPERIMENT, facts(healthy(), OPENED_AT_21_3)).verdict()).isEqualTo(Verdict.HELD);
        Findings undetected = Analysis.of(EXPERIMENT, facts(healthy(), List.of()));
        assertThat(undetected.verdict()).isEqualTo(Verdict.REFUTED);
        assertThat(undetected.reason()).isEqualTo("did not hold: time to detect");

        RunFacts aborted = new RunFacts(healthy().subList(0, 25), OptionalLong.of(20_040), OptionalLong.of(25_010),
                OPENED_AT_21_3, Optional.empty(), Optional.of("abort rule of line 9 fired"));
        Findings stopped = Analysis.of(EXPERIMENT, aborted);
        assertThat(stopped.verdict()).isEqualTo(Verdict.ABORTED);
        assertThat(stopped.reason()).isEqualTo("abort rule of line 9 fired");
        assertThat(stopped.timeToDetectMillis()).hasValue(1_250);

        RunFacts unsteady = new RunFacts(healthy().subList(0, 10), OptionalLong.empty(), OptionalLong.empty(), List.of(),
                Optional.of("not steady: ..."), Optional.empty());
        assertThat(Analysis.of(EXPERIMENT, unsteady).verdict()).isEqualTo(Verdict.NOT_STEADY);
        assertThat(Analysis.of(EXPERIMENT, unsteady).claims()).isEmpty();
    }

    @Test
    void theSteadyStateCheckNamesTheSecondsThatBrokeIt() {
        assertThat(Analysis.steadyStateBreaches(EXPERIMENT, healthy())).isEmpty();
        List<SecondStats> seconds = healthy();
        seconds.set(3, second(3, 0, 201));
        seconds.set(7, second(7, 2, 100));
        assertThat(Analysis.steadyStateBreaches(EXPERIMENT, seconds)).hasValue("not steady: 2 of the first 10 s broke"
                + " the steady-state limits (second 3: errors 0.0%, p99 201 ms, degraded 0.0%; second 7: errors 2.0%,"
                + " p99 100 ms, degraded 0.0%)");
        List<SecondStats> silent = healthy();
        silent.set(0, new SecondStats(0, 100, 0, 0, 0, 0, 0, 0, Map.of()));
        assertThat(Analysis.steadyStateBreaches(EXPERIMENT, silent)).as("a second without answers is not steady")
                .isPresent();
    }
}
