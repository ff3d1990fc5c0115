package dev.fusebox.ft.core.circuitbreaker;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.ZZ_Result;

// Proves: concurrent records into the rolling window are never lost nor counted twice: each claims
// its own position, the failure count in the head always equals the failures in the slots, also
// when two records race for one slot (positions t and t + size: the later one can claim only after
// the head has counted the earlier); and the record that completes a full window at the threshold
// sees it. RollingWindowOrderTest proves the stronger claim: every answer is that of one order.
public class RollingWindowTest {

    @JCStressTest
    @Description("Window of 4, four concurrent records (F S | F F): none is lost, failures() = 'F's in contents() = 3.")
    @Outcome(id = "3, 3, 4", expect = ACCEPTABLE,
            desc = "(failures(), 'F' in contents(), recorded()): every record has its own position and is counted once")
    @Outcome(id = ".*, [0-35-9]", expect = FORBIDDEN, desc = "fewer or more than 4 records: two took one position")
    @Outcome(id = {"[0-24-9], .*", ".*, [0-24-9], .*"}, expect = FORBIDDEN,
            desc = "not 3 failures: a record was lost or counted twice")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class NoneLost {

        private final RollingWindow window = new RollingWindow(4, 5);

        @Actor
        public void failureThenSuccess() {
            window.record(true);
            window.record(false);
        }

        @Actor
        public void twoFailures() {
            window.record(true);
            window.record(true);
        }

        @Arbiter
        public void outcome(III_Result r) {
            r.r1 = window.failures();
            r.r2 = failureSlots(window);
            r.r3 = window.recorded();
        }
    }

    @JCStressTest
    @Description("Window of 1, a failure and a success recorded at once race for the one slot: whichever write"
            + " lands last stays, and failures() follows it.")
    @Outcome(id = {"1, 1, 1", "0, 0, 1"}, expect = ACCEPTABLE,
            desc = "(failures(), 'F' in contents(), recorded()): the failure or the success stayed, the count agrees")
    @Outcome(id = {"0, 1, .*", "1, 0, .*"}, expect = FORBIDDEN,
            desc = "the count disagrees with the slot: the displaced outcome was subtracted twice or never")
    @Outcome(id = {"-.*", "[2-9], .*"}, expect = FORBIDDEN, desc = "failure count out of range")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class SlotRace {

        private final RollingWindow window = new RollingWindow(1, 2);

        @Actor
        public void failure() {
            window.record(true);
        }

        @Actor
        public void success() {
            window.record(false);
        }

        @Arbiter
        public void outcome(III_Result r) {
            r.r1 = window.failures();
            r.r2 = failureSlots(window);
            r.r3 = window.recorded();
        }
    }

    static int failureSlots(RollingWindow window) {
        return (int) window.contents().chars().filter(c -> c == 'F').count();
    }

    @JCStressTest
    @Description("Window of 2 that opens at 2 failures, two failures recorded at once: the one that completes the"
            + " window sees the threshold reached.")
    @Outcome(id = {"true, false", "false, true"}, expect = ACCEPTABLE, desc = "the later record saw the full window")
    @Outcome(id = "true, true", expect = FORBIDDEN,
            desc = "both saw the threshold: only the record whose position made the window full may (the breaker's"
                    + " CAS would still pick one opener, but the window's claim is broken)")
    @Outcome(id = "false, false", expect = FORBIDDEN, desc = "neither saw the threshold: the opening was missed")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ThresholdSeen {

        private final RollingWindow window = new RollingWindow(2, 2);

        @Actor
        public void first(ZZ_Result r) {
            r.r1 = window.record(true);
        }

        @Actor
        public void second(ZZ_Result r) {
            r.r2 = window.record(true);
        }
    }
}
