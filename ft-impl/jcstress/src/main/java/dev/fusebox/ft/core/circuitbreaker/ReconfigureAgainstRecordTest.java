package dev.fusebox.ft.core.circuitbreaker;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LIL_Result;
import org.openjdk.jcstress.infra.results.LLL_Result;
import org.openjdk.jcstress.infra.results.LI_Result;

// Proves: an operator's new policy racing a call's outcome leaves the breaker decided by the new
// policy: a half-open breaker is never stuck HALF_OPEN with no trial in flight (issue 11, item 1); a
// closed stay that begins while the new policy is put in force gets the new policy's window; a
// failure recorded while the window is resized is counted in the copy or not at all (its call was
// admitted into the replaced window), and an opening it decided is never lost. Result fields say
// what the arbiter saw; each case names them.
public class ReconfigureAgainstRecordTest {

    /** Half-open, successThreshold 3: two trials admitted, the first succeeded, the second still out. */
    static CountingBreaker halfOpenWithOneTrialOut(Phase[] out) {
        CountingBreaker counting = CountingBreaker.openWithZeroDelay(3);
        Phase first = counting.breaker.tryAcquire();
        out[0] = counting.breaker.tryAcquire();
        counting.breaker.record(first, false);
        counting.expect(CircuitState.HALF_OPEN);
        counting.resetCounts();
        return counting;
    }

    static CircuitBreakerPolicy successThreshold(int trials) {
        return new CircuitBreakerPolicy(1, 1.0, 0, trials);
    }

    static String nextCall(CountingBreaker counting) {
        return counting.breaker.tryAcquire() == null ? "rejected" : "admitted";
    }

    /** The verdict on a half-open stay: (state, transitions since the set-up, whether the next call is admitted). */
    static void verdict(CountingBreaker counting, LIL_Result r) {
        r.r1 = counting.state();
        r.r2 = counting.transitions();
        r.r3 = nextCall(counting);
    }

    @JCStressTest
    @Description("successThreshold 3 lowered to 2 while the second trial succeeds: the breaker closes, once.")
    @Outcome(id = "CLOSED, 1, admitted", expect = ACCEPTABLE,
            desc = "two successes meet the new threshold of 2, whichever of the record and the new policy came last")
    @Outcome(id = "HALF_OPEN, .*", expect = FORBIDDEN,
            desc = "stuck half-open: both trials succeeded, none is in flight, and every call is refused")
    @Outcome(id = ".*, [02-9], .*", expect = FORBIDDEN, desc = "not exactly one transition out of HALF_OPEN")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class LowerThresholdAgainstSuccess {

        private final Phase[] out = new Phase[1];
        private final CountingBreaker counting = halfOpenWithOneTrialOut(out);

        @Actor
        public void operator() {
            counting.breaker.reconfigure(successThreshold(2));
        }

        @Actor
        public void trial() {
            counting.breaker.record(out[0], false);
        }

        @Arbiter
        public void outcome(LIL_Result r) {
            verdict(counting, r);
        }
    }

    @JCStressTest
    @Description("successThreshold 3 lowered to 1 while the second trial fails: closed (the new policy came"
            + " first, one success was enough) or open (the failure came first), by one transition.")
    @Outcome(id = "CLOSED, 1, admitted", expect = ACCEPTABLE,
            desc = "the new policy closed on the first success; the late failure belongs to the ended stay")
    @Outcome(id = "OPEN, 1, .*", expect = ACCEPTABLE,
            desc = "the failure opened the circuit first; a new policy leaves an open stay open")
    @Outcome(id = "HALF_OPEN, .*", expect = FORBIDDEN, desc = "stuck half-open with no trial in flight")
    @Outcome(id = ".*, [02-9], .*", expect = FORBIDDEN, desc = "not exactly one transition out of HALF_OPEN")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class LowerThresholdAgainstFailure {

        private final Phase[] out = new Phase[1];
        private final CountingBreaker counting = halfOpenWithOneTrialOut(out);

        @Actor
        public void operator() {
            counting.breaker.reconfigure(successThreshold(1));
        }

        @Actor
        public void trial() {
            counting.breaker.record(out[0], true);
        }

        @Arbiter
        public void outcome(LIL_Result r) {
            verdict(counting, r);
        }
    }

    @JCStressTest
    @Description("The last trial closes the circuit while the window size goes from 1 to 3: the new closed"
            + " stay counts 3 calls, whichever came first.")
    @Outcome(id = "CLOSED, 3", expect = ACCEPTABLE,
            desc = "(state, failing calls it took to open again): the closed stay has the new window of 3")
    @Outcome(id = ".*, 1", expect = FORBIDDEN,
            desc = "the closed stay kept the old window of 1 although the new policy was in force when both returned")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class NewWindowAgainstClosing {

        private final CountingBreaker counting = CountingBreaker.closed(1, 1.0);
        private final Phase trial = halfOpenAfterOneFailure(counting);

        private static Phase halfOpenAfterOneFailure(CountingBreaker counting) {
            counting.breaker.reconfigure(successThreshold(1)); // delay 0: the next call is a trial
            counting.failingCall();
            Phase trial = counting.breaker.tryAcquire();
            counting.expect(CircuitState.HALF_OPEN);
            return trial;
        }

        @Actor
        public void trial() {
            counting.breaker.record(trial, false);
        }

        @Actor
        public void operator() {
            counting.breaker.reconfigure(new CircuitBreakerPolicy(3, 1.0, Long.MAX_VALUE, 1));
        }

        @Arbiter
        public void outcome(LI_Result r) {
            r.r1 = counting.state();
            int calls = 0;
            while (counting.breaker.state() == CircuitState.CLOSED && calls < 10) {
                counting.failingCall();
                calls++;
            }
            r.r2 = calls;
        }
    }

    @JCStressTest
    @Description("Window of 2 holding S F at ratio 1.0: a failing call races a new window size of 3 (ratio 1.0)."
            + " Then the arbiter makes one more failing call.")
    @Outcome(id = "opened, OPEN, OPEN", expect = ACCEPTABLE,
            desc = "(the call, the state after the race, after one more failure): F F opened the window of 2 first")
    @Outcome(id = "recorded, CLOSED/SFF, OPEN", expect = ACCEPTABLE,
            desc = "the new window came first: S F F, two failures of the three now needed; the arbiter's F makes F F F")
    @Outcome(id = "recorded, CLOSED/SF, CLOSED", expect = ACCEPTABLE,
            desc = "the call was admitted into the old window and recorded after the seal: not counted (documented)")
    @Outcome(id = "recorded, CLOSED/FF, .*", expect = FORBIDDEN,
            desc = "the failure was counted and made F F in the window of 2, but its opening was lost to the resize")
    @Outcome(id = ".*, CLOSED/SF, OPEN", expect = FORBIDDEN,
            desc = "the closed stay kept the old window of 2 (S F then F opened it)")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class NewWindowAgainstFailure {

        private final CountingBreaker counting = oneFailureIn("SF");
        private String call;

        private static CountingBreaker oneFailureIn(String outcomes) {
            CountingBreaker counting = CountingBreaker.closed(2, 1.0);
            for (char outcome : outcomes.toCharArray()) {
                counting.breaker.record(counting.breaker.tryAcquire(), outcome == 'F');
            }
            counting.expect(CircuitState.CLOSED);
            return counting;
        }

        @Actor
        public void failingCall() {
            call = counting.failingCall();
        }

        @Actor
        public void operator() {
            counting.breaker.reconfigure(new CircuitBreakerPolicy(3, 1.0, Long.MAX_VALUE, 1));
        }

        @Arbiter
        public void outcome(LLL_Result r) {
            r.r1 = call;
            CircuitState state = counting.state();
            r.r2 = state == CircuitState.CLOSED ? state + "/" + counting.breaker.snapshot().window() : state;
            counting.failingCall();
            r.r3 = counting.state();
        }
    }
}
