package dev.fusebox.ft.core.circuitbreaker;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIL_Result;
import org.openjdk.jcstress.infra.results.LIL_Result;
import org.openjdk.jcstress.infra.results.ZIL_Result;

// Proves: once the trials of a half-open breaker have recorded their outcomes, the breaker has
// left HALF_OPEN by exactly one transition: to OPEN if any trial failed, to CLOSED if all
// succeeded; and a call racing with the closing success is either refused (still half-open, no
// permit left) or admitted into the new closed phase, never into the old one.
public class HalfOpenVerdictTest {

    /** A breaker just half-opened with both trials of successThreshold 2 admitted. */
    static CountingBreaker withTwoTrials(Phase[] trials) {
        CountingBreaker counting = CountingBreaker.openWithZeroDelay(2);
        trials[0] = counting.breaker.tryAcquire();
        trials[1] = counting.breaker.tryAcquire();
        counting.expect(CircuitState.HALF_OPEN);
        counting.resetCounts();
        return counting;
    }

    @JCStressTest
    @Description("successThreshold = 2, one trial succeeds while the other fails: the circuit opens, once.")
    @Outcome(id = "true, 1, OPEN", expect = ACCEPTABLE,
            desc = "the failure opened the circuit; the success, before or after, changed nothing")
    @Outcome(id = ".*, HALF_OPEN", expect = FORBIDDEN, desc = "both trials recorded but the circuit is still half-open")
    @Outcome(id = ".*, CLOSED", expect = FORBIDDEN, desc = "closed although a trial failed")
    @Outcome(id = "false, .*", expect = FORBIDDEN, desc = "the failing trial did not open the circuit")
    @Outcome(id = ".*, [02-9], .*", expect = FORBIDDEN, desc = "not exactly one transition")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class SuccessAgainstFailure {

        private final Phase[] trials = new Phase[2];
        private final CountingBreaker counting = withTwoTrials(trials);
        private boolean failureOpened;

        @Actor
        public void succeedingTrial() {
            counting.breaker.record(trials[0], false);
        }

        @Actor
        public void failingTrial() {
            failureOpened = counting.breaker.record(trials[1], true);
        }

        @Arbiter
        public void outcome(ZIL_Result r) {
            r.r1 = failureOpened;
            r.r2 = counting.transitions();
            r.r3 = counting.state();
        }
    }

    @JCStressTest
    @Description("successThreshold = 2, both trials succeed at once: the circuit closes, once.")
    @Outcome(id = "1, 1, CLOSED", expect = ACCEPTABLE, desc = "the second success to count closed the circuit")
    @Outcome(id = ".*, HALF_OPEN", expect = FORBIDDEN, desc = "a success was lost: still half-open")
    @Outcome(id = ".*, OPEN", expect = FORBIDDEN, desc = "opened without a failure")
    @Outcome(id = {"[02-9], .*", ".*, [02-9], .*"}, expect = FORBIDDEN, desc = "not exactly one HALF_OPEN -> CLOSED")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class TwoSuccesses {

        private final Phase[] trials = new Phase[2];
        private final CountingBreaker counting = withTwoTrials(trials);

        @Actor
        public void firstTrial() {
            counting.breaker.record(trials[0], false);
        }

        @Actor
        public void secondTrial() {
            counting.breaker.record(trials[1], false);
        }

        @Arbiter
        public void outcome(IIL_Result r) {
            r.r1 = counting.transitionsTo(CircuitState.CLOSED);
            r.r2 = counting.transitions();
            r.r3 = counting.state();
        }
    }

    @JCStressTest
    @Description("successThreshold = 1: the closing success races a new failing call (window of 1 call):"
            + " the breaker ends CLOSED (call refused) or OPEN (call admitted after closing), never HALF_OPEN.")
    @Outcome(id = "rejected, 1, CLOSED", expect = ACCEPTABLE,
            desc = "the call came while half-open with the only permit taken; then the trial closed the circuit")
    @Outcome(id = "opened, 2, OPEN", expect = ACCEPTABLE,
            desc = "the trial closed the circuit first; the call was admitted into the new window and opened it")
    @Outcome(id = ".*, HALF_OPEN", expect = FORBIDDEN, desc = "the successful trial did not close the circuit")
    @Outcome(id = "recorded, .*", expect = FORBIDDEN,
            desc = "the call was admitted but its failure opened nothing: admitted as a second trial, or lost")
    @Outcome(id = "rejected, .*, OPEN", expect = FORBIDDEN, desc = "opened although the only failing call was refused")
    @Outcome(id = "opened, .*, CLOSED", expect = FORBIDDEN, desc = "the call claims an opening the breaker does not show")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ClosingAgainstNewCall {

        private final CountingBreaker counting = CountingBreaker.openWithZeroDelay(1);
        private final Phase trial = admitOneTrial(counting);
        private String newCall;

        private static Phase admitOneTrial(CountingBreaker counting) {
            Phase trial = counting.breaker.tryAcquire();
            counting.expect(CircuitState.HALF_OPEN);
            counting.resetCounts();
            return trial;
        }

        @Actor
        public void succeedingTrial() {
            counting.breaker.record(trial, false);
        }

        @Actor
        public void failingNewCall() {
            newCall = counting.failingCall();
        }

        @Arbiter
        public void outcome(LIL_Result r) {
            r.r1 = newCall;
            r.r2 = counting.transitions();
            r.r3 = counting.state();
        }
    }
}
