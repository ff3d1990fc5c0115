package dev.fusebox.ft.core.retry;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.ZII_Result;

// Proves no deposit is lost to a race (RetryBudget's implementation notes): a first attempt racing a
// withdrawal, and two first attempts, each moving the budget on to a new slice (a caller may find the
// other's move half done and finish it), all end counted. Plain nanos, one second per slice (ttl 10 s).
public class RetryBudgetDepositTest {

    @JCStressTest
    @Description("ratio 1, no reserve, one first attempt in slice 0: in slice 10, where it has expired, a first"
            + " attempt races a withdrawal, both moving the budget on (one may finish the other's move).")
    @Outcome(id = "true, 0, 1", expect = ACCEPTABLE,
            desc = "(withdrawal granted, balance after, first attempts in the window) the deposit came first")
    @Outcome(id = "false, 1, 1", expect = ACCEPTABLE, desc = "the withdrawal came first, found nothing, the deposit stays")
    @Outcome(id = "false, 0, .*", expect = FORBIDDEN, desc = "refused and nothing left: the deposit was lost")
    @Outcome(id = "true, 1, .*", expect = FORBIDDEN, desc = "granted and still one left: the retry was lost")
    @Outcome(id = ".*, .*, [02-9]", expect = FORBIDDEN,
            desc = "the new deposit not counted exactly once, or the expired one counted")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class AgainstWithdrawal {

        private final RetryBudget budget = new RetryBudget(
                new RetryBudgetPolicy(1, 10 * RetryBudgetTokensTest.SECOND, 0), 0);
        private boolean granted;

        public AgainstWithdrawal() {
            budget.firstAttempt(RetryBudgetTokensTest.at(0));
        }

        @Actor
        public void caller() {
            budget.firstAttempt(RetryBudgetTokensTest.at(10));
        }

        @Actor
        public void retrier() {
            granted = budget.tryRetry(RetryBudgetTokensTest.at(10));
        }

        @Arbiter
        public void outcome(ZII_Result r) {
            RetryBudgetSnapshot snapshot = budget.snapshot(RetryBudgetTokensTest.at(10));
            r.r1 = granted;
            r.r2 = (int) snapshot.balance();
            r.r3 = (int) snapshot.firstsInWindow();
        }
    }

    @JCStressTest
    @Description("ratio 1, no reserve, one first attempt in slice 5: two first attempts, in slices 10 and 11, each"
            + " move the budget on (either may find the other's move half done and finish it).")
    @Outcome(id = "3, 3", expect = ACCEPTABLE,
            desc = "(first attempts in the window of slice 11, balance there) both deposits and slice 5's count")
    @Outcome(id = "[0-2], .*", expect = FORBIDDEN, desc = "a deposit lost in a move")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class TwoMoves {

        private final RetryBudget budget = new RetryBudget(
                new RetryBudgetPolicy(1, 10 * RetryBudgetTokensTest.SECOND, 0), 0);

        public TwoMoves() {
            budget.firstAttempt(RetryBudgetTokensTest.at(5));
        }

        @Actor
        public void inSliceTen() {
            budget.firstAttempt(RetryBudgetTokensTest.at(10));
        }

        @Actor
        public void inSliceEleven() {
            budget.firstAttempt(RetryBudgetTokensTest.at(11));
        }

        @Arbiter
        public void outcome(II_Result r) {
            RetryBudgetSnapshot snapshot = budget.snapshot(RetryBudgetTokensTest.at(11));
            r.r1 = (int) snapshot.firstsInWindow();
            r.r2 = (int) snapshot.balance();
        }
    }
}
