package dev.fusebox.ft.core.adaptive;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;
import org.openjdk.jcstress.infra.results.JJ_Result;
import org.openjdk.jcstress.infra.results.ZI_Result;

// Proves the admission claims of AdaptiveLimit's implementation notes: no call admitted with the
// limit, as it stood at that instant, used up, whether the limit moves under it or another call
// races for the last place; places given back exactly once; and WindowHistory's: of two closers
// racing for one slot, the later window stays.
public class AdaptiveAdmissionTest {

    static final long MS = 1_000_000L;

    static AdaptiveLimit limit(int initial, double liveReserve) {
        return new AdaptiveLimit("jcstress", new AdaptiveLimitPolicy(new AimdAlgorithm(0.5, 1_000 * MS), initial, 1, 16,
                MS, 1, liveReserve), 0);
    }

    @JCStressTest
    @Description("Limit 2 with 1 call in flight: a call asks for the last place while a window closes and halves the"
            + " limit to 1. The closer then reads the calls in flight. Admitted after the limit fell (the closer saw 1"
            + " in flight, yet the call got in) is forbidden: the limit and the count are one word.")
    @Outcome(id = "true, 2", expect = ACCEPTABLE, desc = "(admitted, in flight seen by the closer): admitted before the limit fell")
    @Outcome(id = "false, 1", expect = ACCEPTABLE, desc = "refused: the limit had fallen to 1")
    @Outcome(id = "true, 1", expect = FORBIDDEN, desc = "admitted although the limit had already fallen to 1 with 1 in flight")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class LimitFallsUnderAdmission {

        private final AdaptiveLimit limit = limit(2, 0);

        public LimitFallsUnderAdmission() {
            if (!limit.tryAcquire(Priority.LIVE) || !limit.tryAcquire(Priority.LIVE)) {
                throw new IllegalStateException("set-up: two places of 2 refused");
            }
            limit.release(0, 1, true);
        }

        @Actor
        public void call(ZI_Result r) {
            r.r1 = limit.tryAcquire(Priority.LIVE);
        }

        @Actor
        public void closer(ZI_Result r) {
            limit.closeWindow(2 * MS);
            r.r2 = limit.inflight();
        }
    }

    @JCStressTest
    @Description("Limit 4, live reserve 0.25 (batch calls may use 3 places), 2 batch calls in flight: two batch calls"
            + " race for the last batch place. Exactly one gets it; then a live call still gets the reserved place.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "(batch calls admitted, live call admitted)")
    @Outcome(id = "2, .*", expect = FORBIDDEN, desc = "both batch calls admitted: the live reserve was taken")
    @Outcome(id = "0, .*", expect = FORBIDDEN, desc = "neither: the last batch place was lost")
    @Outcome(id = "1, 0", expect = FORBIDDEN, desc = "the live call refused: a place leaked")
    @State
    public static class LastBatchPlace {

        private final AdaptiveLimit limit = limit(4, 0.25);
        private volatile int batch;

        public LastBatchPlace() {
            if (!limit.tryAcquire(Priority.BATCH) || !limit.tryAcquire(Priority.BATCH)) {
                throw new IllegalStateException("set-up: two batch places of 3 refused");
            }
        }

        @Actor
        public void first(II_Result r) {
            if (limit.tryAcquire(Priority.BATCH)) {
                r.r1++;
            }
        }

        @Actor
        public void second(II_Result r) {
            if (limit.tryAcquire(Priority.BATCH)) {
                batch = 1;
            }
        }

        @Arbiter
        public void live(II_Result r) {
            r.r1 += batch;
            r.r2 = limit.tryAcquire(Priority.LIVE) ? 1 : 0;
        }
    }

    @JCStressTest
    @Description("Limit 1, full: the call in flight gives its place back while another call asks for it. The asker"
            + " gets it or not; never is the place lost, never counted twice.")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "(asker admitted, in flight after): admitted after the give-back")
    @Outcome(id = "0, 0", expect = ACCEPTABLE, desc = "refused before the give-back; nothing in flight")
    @Outcome(expect = FORBIDDEN, desc = "a place lost or counted twice")
    @State
    public static class GiveBackAgainstAsk {

        private final AdaptiveLimit limit = limit(1, 0);

        public GiveBackAgainstAsk() {
            if (!limit.tryAcquire(Priority.LIVE)) {
                throw new IllegalStateException("set-up: the only place refused");
            }
        }

        @Actor
        public void giveBack() {
            limit.releaseIgnored();
        }

        @Actor
        public void ask(II_Result r) {
            r.r1 = limit.tryAcquire(Priority.LIVE) ? 1 : 0;
        }

        @Arbiter
        public void after(II_Result r) {
            r.r2 = limit.inflight();
        }
    }

    @JCStressTest
    @Description("Two closers record windows 5 and 125, which share a slot of the 120-window history. The slot keeps"
            + " the later window whichever writes first; the earlier never overwrites it.")
    @Outcome(id = "125, 1", expect = ACCEPTABLE, desc = "(window kept, windows kept): the later window")
    @Outcome(id = "5, 1", expect = FORBIDDEN, desc = "the earlier window overwrote the later one")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class HistoryKeepsTheLaterWindow {

        private static final WindowSummary SEEN = new WindowSummary(MS, 1, false, 1);
        private final WindowHistory history = new WindowHistory();

        @Actor
        public void earlier() {
            history.record(new ClosedWindow(5, 5 * MS, SEEN, 2));
        }

        @Actor
        public void later() {
            history.record(new ClosedWindow(5 + WindowHistory.CAPACITY, 125 * MS, SEEN, 3));
        }

        @Arbiter
        public void kept(JJ_Result r) {
            java.util.List<ClosedWindow> windows = history.windows();
            r.r1 = windows.isEmpty() ? -1 : windows.get(0).number();
            r.r2 = windows.size();
        }
    }
}
