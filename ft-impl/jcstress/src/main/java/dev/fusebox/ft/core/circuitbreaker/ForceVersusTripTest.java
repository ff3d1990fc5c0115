package dev.fusebox.ft.core.circuitbreaker;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.LL_Result;

// Proves: an operator's forcing and the automatic state machine never both win, and the forcing is
// never lost: a failure that crosses the threshold while an operator forces the circuit ends with
// the forced state in force, whichever came first.
public class ForceVersusTripTest {

    /** A closed breaker (window 2, ratio 1.0) one failure short of opening. */
    static CountingBreaker oneFailureFromOpening() {
        CountingBreaker counting = CountingBreaker.closed(2, 1.0);
        counting.failingCall();
        counting.expect(CircuitState.CLOSED);
        counting.resetCounts();
        return counting;
    }

    /** (the state, the forced state or "null"). */
    static void stateAndForcing(CountingBreaker counting, LL_Result r) {
        r.r1 = counting.state();
        Forced forced = counting.breaker.forced();
        r.r2 = forced == null ? "null" : forced.state();
    }

    @JCStressTest
    @Description("A failure trips the breaker while an operator forces it closed: it ends closed and forced.")
    @Outcome(id = "CLOSED, CLOSED", expect = ACCEPTABLE,
            desc = "forced closed, before the trip (the trip was ignored) or after it (the forcing closed it again)")
    @Outcome(id = "OPEN, .*", expect = FORBIDDEN, desc = "the automatic opening overrode the operator")
    @Outcome(id = ".*, null", expect = FORBIDDEN, desc = "the forcing was lost")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ForceClosed {

        private final CountingBreaker counting = oneFailureFromOpening();

        @Actor
        public void trip() {
            counting.failingCall();
        }

        @Actor
        public void operator() {
            counting.breaker.force(CircuitState.CLOSED, "jcstress", "hold", Forced.NEVER);
        }

        @Arbiter
        public void outcome(LL_Result r) {
            stateAndForcing(counting, r);
        }
    }

    @JCStressTest
    @Description("A failure trips the breaker while an operator forces it open: it ends open and forced.")
    @Outcome(id = "OPEN, OPEN", expect = ACCEPTABLE, desc = "forced open, whichever came first")
    @Outcome(id = ".*, null", expect = FORBIDDEN, desc = "the automatic opening replaced the forcing")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ForceOpen {

        private final CountingBreaker counting = oneFailureFromOpening();

        @Actor
        public void trip() {
            counting.failingCall();
        }

        @Actor
        public void operator() {
            counting.breaker.force(CircuitState.OPEN, "jcstress", "outage", Forced.NEVER);
        }

        @Arbiter
        public void outcome(LL_Result r) {
            stateAndForcing(counting, r);
        }
    }
}
