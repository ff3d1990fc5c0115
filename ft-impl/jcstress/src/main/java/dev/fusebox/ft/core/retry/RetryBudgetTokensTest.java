package dev.fusebox.ft.core.retry;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZI_Result;

// Proves the retry budget's grants are exact under races (RetryBudget's implementation notes): two
// callers withdrawing the last whole retry never both get it and never both miss it, within one
// slice and across the move to the next slice. Time is plain nanos passed in, one second per slice
// (ttl 10 s), so each case sets exactly the slices it races in.
public class RetryBudgetTokensTest {

    static final long SECOND = 1_000_000_000L;

    /** Slice {@code slice} of a budget made at time 0 with a ttl of 10 s, half a slice in. */
    static long at(int slice) {
        return slice * SECOND + SECOND / 2;
    }

    @JCStressTest
    @Description("ratio 1, no reserve, one first attempt deposited: two callers withdraw in the same slice.")
    @Outcome(id = {"true, false, 0", "false, true, 0"}, expect = ACCEPTABLE,
            desc = "(first caller granted, second granted, balance after) one of them took the one retry")
    @Outcome(id = "true, true, .*", expect = FORBIDDEN, desc = "both granted: one retry spent twice")
    @Outcome(id = "false, false, .*", expect = FORBIDDEN, desc = "both refused: the one retry was lost")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class LastDeposit {

        private final RetryBudget budget = new RetryBudget(new RetryBudgetPolicy(1, 10 * SECOND, 0), 0);
        private boolean first;
        private boolean second;

        public LastDeposit() {
            budget.firstAttempt(at(3));
        }

        @Actor
        public void firstCaller() {
            first = budget.tryRetry(at(3));
        }

        @Actor
        public void secondCaller() {
            second = budget.tryRetry(at(3));
        }

        @Arbiter
        public void outcome(ZZI_Result r) {
            r.r1 = first;
            r.r2 = second;
            r.r3 = (int) budget.balance(at(3));
        }
    }

    @JCStressTest
    @Description("ratio 1, no reserve, first attempts in slices 0 and 4: a caller in slice 9 (window 0..9, two"
            + " deposits) and one in slice 10 (window 1..10, one deposit) withdraw at once. Exactly one is granted in"
            + " every order; a budget that let the slice-9 caller write into its slice after the slice-10 caller had"
            + " summed it would grant both.")
    @Outcome(id = {"true, false, 1", "false, true, 1"}, expect = ACCEPTABLE,
            desc = "(slice-9 caller granted, slice-10 caller granted, retries in the window of slice 10)")
    @Outcome(id = "true, true, .*", expect = FORBIDDEN,
            desc = "both granted: two retries in the window of slice 10, which holds one deposit")
    @Outcome(id = "false, false, .*", expect = FORBIDDEN, desc = "both refused: a whole retry was left")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class AcrossTheMove {

        private final RetryBudget budget = new RetryBudget(new RetryBudgetPolicy(1, 10 * SECOND, 0), 0);
        private boolean old;
        private boolean fresh;

        public AcrossTheMove() {
            budget.firstAttempt(at(0));
            budget.firstAttempt(at(4));
        }

        @Actor
        public void inSliceNine() {
            old = budget.tryRetry(at(9));
        }

        @Actor
        public void inSliceTen() {
            fresh = budget.tryRetry(at(10));
        }

        @Arbiter
        public void outcome(ZZI_Result r) {
            r.r1 = old;
            r.r2 = fresh;
            r.r3 = (int) budget.snapshot(at(10)).retriesInWindow();
        }
    }
}
