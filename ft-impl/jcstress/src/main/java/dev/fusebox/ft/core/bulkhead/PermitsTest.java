package dev.fusebox.ft.core.bulkhead;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;
import org.openjdk.jcstress.infra.results.ZII_Result;

// Proves: under acquire/release races the count of permits in use never exceeds the limit, never
// goes negative and returns to zero (no permit leaks), and a free permit is never refused to
// everyone. Each actor acquires, looks at the count while it holds its permits, and releases.
// WrongGuesses (issue 12) makes the compare-and-exchange loops start from a wrong guess.
public class PermitsTest {

    @JCStressTest
    @Description("Permits(1), two callers acquire and release: the holder always sees 1, nothing leaks.")
    @Outcome(id = {"1, 1, 0", "1, 0, 0", "0, 1, 0"}, expect = ACCEPTABLE,
            desc = "each holder saw itself alone; at most one was refused while the other held the permit")
    @Outcome(id = {"2, .*", ".*, 2, .*"}, expect = FORBIDDEN, desc = "two permits in use with a limit of 1")
    @Outcome(id = "0, 0, .*", expect = FORBIDDEN, desc = "both refused: a free permit was lost")
    @Outcome(id = ".*, -?[1-9][0-9]*", expect = FORBIDDEN, desc = "permits in use after every holder released: leaked or negative")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class LimitOfOne {

        private final Permits permits = new Permits(1);
        private int first;
        private int second;

        @Actor
        public void firstCaller() {
            first = useOnce(permits);
        }

        @Actor
        public void secondCaller() {
            second = useOnce(permits);
        }

        @Arbiter
        public void outcome(III_Result r) {
            r.r1 = first;
            r.r2 = second;
            r.r3 = permits.used();
        }

        /** The count seen while holding a permit, or 0 when refused. */
        private static int useOnce(Permits permits) {
            if (!permits.tryAcquire()) {
                return 0;
            }
            int seen = permits.used();
            permits.release();
            return seen;
        }
    }

    @JCStressTest
    @Description("Bulkhead(2), two callers each take two permits at once, then give back what they got:"
            + " never more than 2 running, a free permit is never refused, none leaks.")
    @Outcome(id = "[12], [234], 0", expect = ACCEPTABLE,
            desc = "(most running seen by a holder, permits granted in all, running at the end)")
    @Outcome(id = "[3-9], .*", expect = FORBIDDEN, desc = "more than 2 running with a limit of 2")
    @Outcome(id = ".*, [01], .*", expect = FORBIDDEN, desc = "fewer than 2 granted: a free permit was refused")
    @Outcome(id = ".*, -?[1-9][0-9]*", expect = FORBIDDEN,
            desc = "calls running after every holder released: leaked or negative")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class BulkheadOfTwo {

        private final Bulkhead bulkhead = new Bulkhead("jcstress", 2);
        private final int[] first = new int[2];
        private final int[] second = new int[2];

        @Actor
        public void firstCaller() {
            takeTwo(bulkhead, first);
        }

        @Actor
        public void secondCaller() {
            takeTwo(bulkhead, second);
        }

        @Arbiter
        public void outcome(III_Result r) {
            r.r1 = Math.max(first[1], second[1]);
            r.r2 = first[0] + second[0];
            r.r3 = bulkhead.running();
        }

        /** Tries for two permits; stores how many it got and the running count it saw holding them. */
        private static void takeTwo(Bulkhead bulkhead, int[] got) {
            int held = (bulkhead.tryAcquire() ? 1 : 0) + (bulkhead.tryAcquire() ? 1 : 0);
            got[0] = held;
            got[1] = held > 0 ? bulkhead.running() : 0;
            for (int i = 0; i < held; i++) {
                bulkhead.release();
            }
        }
    }

    @JCStressTest
    @Description("Permits(2), one permit already held: a release and an acquire race, so each starts from a"
            + " wrong guess in one of the orders (the release guesses 1 and finds 2, the acquire guesses 0 and"
            + " finds 1): the acquire is granted, the count ends at 1.")
    @Outcome(id = "true, 1, 1", expect = ACCEPTABLE, desc = "(acquire granted, count seen by the new holder, count at the end)")
    @Outcome(id = "true, 2, 1", expect = ACCEPTABLE, desc = "the acquire came first: the new holder saw both permits in use")
    @Outcome(id = "false, .*", expect = FORBIDDEN, desc = "a free permit was refused (at most one other was in use)")
    @Outcome(id = ".*, [03-9], .*", expect = FORBIDDEN, desc = "the new holder saw a count that no order gives")
    @Outcome(id = ".*, [02-9]", expect = FORBIDDEN, desc = "the count does not end at 1: a permit lost, leaked or taken twice")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class WrongGuesses {

        private final Permits permits = new Permits(2);
        private boolean granted;
        private int seen;

        public WrongGuesses() {
            permits.tryAcquire(); // the permit the release gives back
        }

        @Actor
        public void releaser() {
            permits.release();
        }

        @Actor
        public void acquirer() {
            granted = permits.tryAcquire();
            seen = granted ? permits.used() : 0;
        }

        @Arbiter
        public void outcome(ZII_Result r) {
            r.r1 = granted;
            r.r2 = seen;
            r.r3 = permits.used();
        }
    }
}
