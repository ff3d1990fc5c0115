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
import org.openjdk.jcstress.infra.results.ZZI_Result;

// Proves: a half-open breaker admits exactly successThreshold trial calls, never more, and the
// OPEN -> HALF_OPEN transition that the first callers race for happens once. Each breaker has just
// opened with zero delay, so the callers also race to half-open it; no trial records an outcome,
// so the half-open phase lasts through the whole test. (Two actors: jcstress skips tests with
// more actors than CPUs, and CI has 2; more calls per actor stand in for more callers.)
public class HalfOpenTrialsTest {

    @JCStressTest
    @Description("successThreshold = 1: of two callers racing into a just-opened breaker, exactly one is a trial.")
    @Outcome(id = {"true, false, 1", "false, true, 1"}, expect = ACCEPTABLE,
            desc = "one trial admitted, one OPEN -> HALF_OPEN transition")
    @Outcome(id = "true, true, .*", expect = FORBIDDEN, desc = "two trials admitted with successThreshold 1")
    @Outcome(id = "false, false, .*", expect = FORBIDDEN, desc = "no trial admitted: a permit was lost")
    @Outcome(id = ".*, [02]", expect = FORBIDDEN, desc = "OPEN -> HALF_OPEN not reported exactly once")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class OneTrial {

        private final CountingBreaker counting = CountingBreaker.openWithZeroDelay(1);
        private boolean first;
        private boolean second;

        @Actor
        public void firstCaller() {
            first = counting.breaker.tryAcquire() != null;
        }

        @Actor
        public void secondCaller() {
            second = counting.breaker.tryAcquire() != null;
        }

        @Arbiter
        public void outcome(ZZI_Result r) {
            r.r1 = first;
            r.r2 = second;
            r.r3 = counting.transitionsTo(CircuitState.HALF_OPEN);
        }
    }

    @JCStressTest
    @Description("successThreshold = 3: two callers each try twice on a just-opened breaker: exactly three trials.")
    @Outcome(id = {"2, 1, 1", "1, 2, 1"}, expect = ACCEPTABLE,
            desc = "(trials admitted to the first caller, to the second, OPEN -> HALF_OPEN transitions)")
    @Outcome(id = "2, 2, .*", expect = FORBIDDEN, desc = "four trials admitted with successThreshold 3")
    @Outcome(id = {"[01], [01], .*", "0, .*", ".*, 0, .*"}, expect = FORBIDDEN,
            desc = "fewer than three trials admitted: a permit was lost")
    @Outcome(id = ".*, [02-9]", expect = FORBIDDEN, desc = "OPEN -> HALF_OPEN not reported exactly once")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ThreeTrials {

        private final CountingBreaker counting = CountingBreaker.openWithZeroDelay(3);
        private int first;
        private int second;

        @Actor
        public void firstCaller() {
            first = admitted(counting) + admitted(counting);
        }

        @Actor
        public void secondCaller() {
            second = admitted(counting) + admitted(counting);
        }

        @Arbiter
        public void outcome(III_Result r) {
            r.r1 = first;
            r.r2 = second;
            r.r3 = counting.transitionsTo(CircuitState.HALF_OPEN);
        }

        private static int admitted(CountingBreaker counting) {
            return counting.breaker.tryAcquire() != null ? 1 : 0;
        }
    }
}
