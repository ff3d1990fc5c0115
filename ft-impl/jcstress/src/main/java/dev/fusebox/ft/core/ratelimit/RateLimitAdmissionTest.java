package dev.fusebox.ft.core.ratelimit;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.JJ_Result;
import org.openjdk.jcstress.infra.results.ZZZ_Result;
import org.openjdk.jcstress.infra.results.ZZ_Result;

// Proves the admission claims of the rate limiters' implementation notes (FixedWindowLimiter,
// SmoothLimiter and their split into LimiterParts, RollingWindowLimiter, SpacedLimiter): never more calls admitted than the window
// allows, a free place never refused to both callers, a refused call leaves nothing behind. The
// clock is frozen or set per actor (times are arguments), windows are 1 ms (W = 1000000 ns).
public class RateLimitAdmissionTest {

    static final long W = RateLimitPolicy.MIN_WINDOW_NANOS;

    static RateLimiter limiter(RateLimitWindow window, int limit, long spacing) {
        return RateLimiter.create(new RateLimitPolicy(window, limit, W, spacing), 0);
    }

    @JCStressTest
    @Description("FIXED, limit 1, two callers at the same time: exactly one admitted; the other told to wait"
            + " exactly to the end of the window.")
    @Outcome(id = {"0, 1000000", "1000000, 0"}, expect = ACCEPTABLE, desc = "(wait of caller 1, of caller 2): one admitted")
    @Outcome(id = "0, 0", expect = FORBIDDEN, desc = "both admitted: two calls in a window of 1")
    @Outcome(id = "1000000, 1000000", expect = FORBIDDEN, desc = "both refused: the free place was lost")
    @Outcome(expect = FORBIDDEN, desc = "anything else: a wrong retryAfter")
    @State
    public static class FixedOfOne {

        private final RateLimiter limiter = limiter(RateLimitWindow.FIXED, 1, 0);

        @Actor
        public void first(JJ_Result r) {
            r.r1 = limiter.tryAcquire(0);
        }

        @Actor
        public void second(JJ_Result r) {
            r.r2 = limiter.tryAcquire(0);
        }
    }

    @JCStressTest
    @Description("FIXED, limit 1, window 0 already full: caller 1 at W - 1 (window 0) races caller 2 at W"
            + " (window 1). Caller 2 is always admitted, caller 1 never, and is told to wait 1 ns either way.")
    @Outcome(id = "1, 0", expect = ACCEPTABLE,
            desc = "(wait of caller 1, of caller 2): window 0 full, or its time lies before the window the limiter moved to")
    @Outcome(id = "0, .*", expect = FORBIDDEN, desc = "caller 1 admitted: a second call with a time in window 0")
    @Outcome(id = ".*, [1-9][0-9]*", expect = FORBIDDEN, desc = "caller 2 refused: window 1 was free")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class FixedRollover {

        private final RateLimiter limiter = limiter(RateLimitWindow.FIXED, 1, 0);

        public FixedRollover() {
            if (limiter.tryAcquire(0) != 0) {
                throw new IllegalStateException("set-up: the first call of window 0 was refused");
            }
        }

        @Actor
        public void late(JJ_Result r) {
            r.r1 = limiter.tryAcquire(W - 1);
        }

        @Actor
        public void next(JJ_Result r) {
            r.r2 = limiter.tryAcquire(W);
        }
    }

    @JCStressTest
    @Description("SMOOTH, limit 2 (burst 2), two callers make two calls each at the same time: exactly two admitted.")
    @Outcome(id = {"2, 0", "1, 1", "0, 2"}, expect = ACCEPTABLE, desc = "(admitted for caller 1, for caller 2)")
    @Outcome(id = {"2, [12]", "1, 2"}, expect = FORBIDDEN, desc = "more than the burst admitted at one instant")
    @Outcome(id = {"0, [01]", "1, 0"}, expect = FORBIDDEN, desc = "fewer than the burst: a free place was lost")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class SmoothBurstOfTwo {

        private final RateLimiter limiter = limiter(RateLimitWindow.SMOOTH, 2, 0);

        @Actor
        public void first(II_Result r) {
            r.r1 = admitted(limiter) + admitted(limiter);
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = admitted(limiter) + admitted(limiter);
        }
    }

    @JCStressTest
    @Description("ROLLING, limit 2, two callers make two calls each at the same time: exactly two admitted"
            + " (the third ticket needs the first's slot: published or not, it is refused).")
    @Outcome(id = {"2, 0", "1, 1", "0, 2"}, expect = ACCEPTABLE, desc = "(admitted for caller 1, for caller 2)")
    @Outcome(id = {"2, [12]", "1, 2"}, expect = FORBIDDEN, desc = "more than 2 admitted within one window")
    @Outcome(id = {"0, [01]", "1, 0"}, expect = FORBIDDEN, desc = "fewer than 2: a free place was lost")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class RollingOfTwo {

        private final RateLimiter limiter = limiter(RateLimitWindow.ROLLING, 2, 0);

        @Actor
        public void first(II_Result r) {
            r.r1 = admitted(limiter) + admitted(limiter);
        }

        @Actor
        public void second(II_Result r) {
            r.r2 = admitted(limiter) + admitted(limiter);
        }
    }

    @JCStressTest
    @Description("ROLLING, limit 1: caller 1 at 0 races caller 2 at W. Caller 2 first: only it (caller 1's time"
            + " lies before it). Caller 1 first: both, unless caller 2 finds caller 1's slot taken but not yet"
            + " published and is refused (the documented under-admission). Never neither.")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "(caller 1 admitted, caller 2 admitted): caller 1 first")
    @Outcome(id = "false, true", expect = ACCEPTABLE, desc = "caller 2 first; caller 1 refused, its time before caller 2's")
    @Outcome(id = "true, false", expect = ACCEPTABLE_INTERESTING,
            desc = "caller 1 first, caller 2 found its slot unpublished: refused, under-admits")
    @Outcome(id = "false, false", expect = FORBIDDEN, desc = "both refused: the free place was lost")
    @State
    public static class RollingUnpublished {

        private final RateLimiter limiter = limiter(RateLimitWindow.ROLLING, 1, 0);

        @Actor
        public void early(ZZ_Result r) {
            r.r1 = limiter.tryAcquire(0) == 0;
        }

        @Actor
        public void late(ZZ_Result r) {
            r.r2 = limiter.tryAcquire(W) == 0;
        }
    }

    @JCStressTest
    @Description("FIXED limit 1 with min spacing W/2, window 0 full since 0: two callers at W/2 + 1 pass the spacing"
            + " and are refused by the window, racing to claim and give back the spacing mark. A call at W is then"
            + " admitted: no refused call kept the spacing.")
    @Outcome(id = "true, true, true", expect = ACCEPTABLE, desc = "(caller 1 refused, caller 2 refused, call at W admitted)")
    @Outcome(id = "true, true, false", expect = FORBIDDEN, desc = "the call at W refused: a refused call kept the spacing")
    @Outcome(id = {"false, .*", ".*, false, .*"}, expect = FORBIDDEN, desc = "a call admitted into the full window 0")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class SpacingGiveBack {

        private final RateLimiter limiter = limiter(RateLimitWindow.FIXED, 1, W / 2);

        public SpacingGiveBack() {
            if (limiter.tryAcquire(0) != 0) {
                throw new IllegalStateException("set-up: the first call was refused");
            }
        }

        @Actor
        public void first(ZZZ_Result r) {
            r.r1 = limiter.tryAcquire(W / 2 + 1) > 0;
        }

        @Actor
        public void second(ZZZ_Result r) {
            r.r2 = limiter.tryAcquire(W / 2 + 1) > 0;
        }

        @Arbiter
        public void next(ZZZ_Result r) {
            r.r3 = limiter.tryAcquire(W) == 0;
        }
    }

    @JCStressTest
    @Description("FIXED, limit 4, splitting into 2 parts of 2 at its first contention: two callers make three calls"
            + " each at the same time. Exactly 4 admitted whether the limiter split (after 0 to 3 admissions) or not:"
            + " the parts get what the window had left, and a caller refused by its part tries the other.")
    @Outcome(id = {"1, 3, [01]", "2, 2, [01]", "3, 1, [01]"}, expect = ACCEPTABLE,
            desc = "(admitted for caller 1, for caller 2, split): 4 in all")
    @Outcome(expect = FORBIDDEN, desc = "more or fewer than 4 admitted")
    @State
    public static class FixedSplit {

        private final RateLimiter limiter = RateLimiter.create(new RateLimitPolicy(RateLimitWindow.FIXED, 4, W, 0), 0, 2);

        @Actor
        public void first(III_Result r) {
            r.r1 = admitted(limiter) + admitted(limiter) + admitted(limiter);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = admitted(limiter) + admitted(limiter) + admitted(limiter);
        }

        @Arbiter
        public void split(III_Result r) {
            r.r3 = ((FixedWindowLimiter) limiter).isSplit() ? 1 : 0;
        }
    }

    @JCStressTest
    @Description("SMOOTH, limit 4 (burst 4), splitting into 2 parts of 2 at its first contention: two callers make"
            + " three calls each at the same time. Exactly the burst, 4, admitted whether the limiter split or not.")
    @Outcome(id = {"1, 3, [01]", "2, 2, [01]", "3, 1, [01]"}, expect = ACCEPTABLE,
            desc = "(admitted for caller 1, for caller 2, split): 4 in all")
    @Outcome(expect = FORBIDDEN, desc = "more or fewer than the burst admitted at one instant")
    @State
    public static class SmoothSplit {

        private final RateLimiter limiter = RateLimiter.create(new RateLimitPolicy(RateLimitWindow.SMOOTH, 4, W, 0), 0, 2);

        @Actor
        public void first(III_Result r) {
            r.r1 = admitted(limiter) + admitted(limiter) + admitted(limiter);
        }

        @Actor
        public void second(III_Result r) {
            r.r2 = admitted(limiter) + admitted(limiter) + admitted(limiter);
        }

        @Arbiter
        public void split(III_Result r) {
            r.r3 = ((SmoothLimiter) limiter).isSplit() ? 1 : 0;
        }
    }

    static int admitted(RateLimiter limiter) {
        return limiter.tryAcquire(0) == 0 ? 1 : 0;
    }
}
