package dev.fusebox.ft.core.circuitbreaker;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZL_Result;

// Proves: the rolling window is linearizable. Each case fills a window of 1, 2 or 3 outcomes, then
// two records race so that their tickets wrap onto the oldest slots. Every record's answer (does
// the full window now reach the threshold?) must be the answer it gets in some sequential order of
// the two records, and that order must be the one the window ends with (its contents, oldest
// first, show which record came last). FORBIDDEN: an opening that no order of the records gives
// (the stale outcome of a slot still being rewritten was counted), and a missed opening that the
// order the window ends with requires (a displaced failure was subtracted before the failure that
// displaces the oldest one was counted). Result fields: (first actor's answer, second actor's
// answer, contents/failures()).
public class RollingWindowOrderTest {

    static RollingWindow filled(int failuresToOpen, String outcomes) {
        RollingWindow window = new RollingWindow(outcomes.length(), failuresToOpen);
        for (char outcome : outcomes.toCharArray()) {
            window.record(outcome == 'F');
        }
        return window;
    }

    static String contents(RollingWindow window) {
        return window.contents() + "/" + window.failures();
    }

    @JCStressTest
    @Description("Window of 1 holding S, opening at 1 failure; a failure races a success.")
    @Outcome(id = "true, false, F/1", expect = ACCEPTABLE, desc = "S then F: the failure fills the window and opens")
    @Outcome(id = "true, false, S/0", expect = ACCEPTABLE,
            desc = "F then S: the failure opened, then the success replaced it")
    @Outcome(id = "false, .*", expect = FORBIDDEN,
            desc = "the failure did not open a window of one: every order opens on it")
    @Outcome(id = ".*, true, .*", expect = FORBIDDEN, desc = "a success opened a window of one")
    @Outcome(expect = FORBIDDEN, desc = "anything else (e.g. failures() disagrees with the contents)")
    @State
    public static class SizeOne {

        private final RollingWindow window = filled(1, "S");

        @Actor
        public void failure(ZZL_Result r) {
            r.r1 = window.record(true);
        }

        @Actor
        public void success(ZZL_Result r) {
            r.r2 = window.record(false);
        }

        @Arbiter
        public void outcome(ZZL_Result r) {
            r.r3 = contents(window);
        }
    }

    @JCStressTest
    @Description("Window of 2 holding F S, opening at 2 failures (ratio 1.0); a success races a failure."
            + " No order has two failures in the last two outcomes (issue 11, item 4).")
    @Outcome(id = {"false, false, SF/1", "false, false, FS/1"}, expect = ACCEPTABLE,
            desc = "either order: the last two outcomes are S F or F S, one failure")
    @Outcome(id = {"true, .*", ".*, true, .*"}, expect = FORBIDDEN,
            desc = "opened below the ratio: the stale F of the slot the success was rewriting was counted")
    @Outcome(expect = FORBIDDEN, desc = "anything else (e.g. failures() disagrees with the contents)")
    @State
    public static class SizeTwo {

        private final RollingWindow window = filled(2, "FS");

        @Actor
        public void success(ZZL_Result r) {
            r.r1 = window.record(false);
        }

        @Actor
        public void failure(ZZL_Result r) {
            r.r2 = window.record(true);
        }

        @Arbiter
        public void outcome(ZZL_Result r) {
            r.r3 = contents(window);
        }
    }

    @JCStressTest
    @Description("Window of 2 holding S F, opening at 2 failures; a failure races a success. When the failure"
            + " comes first it meets the F already there and must open.")
    @Outcome(id = "true, false, FS/1", expect = ACCEPTABLE, desc = "F then S: F F opened, then S pushed one out")
    @Outcome(id = "false, false, SF/1", expect = ACCEPTABLE, desc = "S then F: F S, then S F, never two failures")
    @Outcome(id = "false, false, FS/1", expect = FORBIDDEN,
            desc = "the window ends F S, so F came first and saw F F, yet did not open: a failure was hidden")
    @Outcome(id = "true, .*, SF/1", expect = FORBIDDEN, desc = "opened although S came first: never two failures")
    @Outcome(id = ".*, true, .*", expect = FORBIDDEN, desc = "a success opened")
    @Outcome(expect = FORBIDDEN, desc = "anything else (e.g. failures() disagrees with the contents)")
    @State
    public static class SizeTwoHidden {

        private final RollingWindow window = filled(2, "SF");

        @Actor
        public void failure(ZZL_Result r) {
            r.r1 = window.record(true);
        }

        @Actor
        public void success(ZZL_Result r) {
            r.r2 = window.record(false);
        }

        @Arbiter
        public void outcome(ZZL_Result r) {
            r.r3 = contents(window);
        }
    }

    @JCStressTest
    @Description("Window of 3 holding F S F, opening at 3 failures; a success races a failure. No order has"
            + " three failures in the last three outcomes.")
    @Outcome(id = {"false, false, FSF/2", "false, false, FFS/2"}, expect = ACCEPTABLE,
            desc = "either order: two failures in the last three")
    @Outcome(id = {"true, .*", ".*, true, .*"}, expect = FORBIDDEN,
            desc = "opened below the ratio: a stale F was counted")
    @Outcome(expect = FORBIDDEN, desc = "anything else (e.g. failures() disagrees with the contents)")
    @State
    public static class SizeThree {

        private final RollingWindow window = filled(3, "FSF");

        @Actor
        public void success(ZZL_Result r) {
            r.r1 = window.record(false);
        }

        @Actor
        public void failure(ZZL_Result r) {
            r.r2 = window.record(true);
        }

        @Arbiter
        public void outcome(ZZL_Result r) {
            r.r3 = contents(window);
        }
    }

    @JCStressTest
    @Description("Window of 3 holding S F S, opening at 2 failures; a failure races a success. When the failure"
            + " comes first it meets the F still there and must open.")
    @Outcome(id = "true, false, SFS/1", expect = ACCEPTABLE, desc = "F then S: F S F opened, then S F S")
    @Outcome(id = "false, false, SSF/1", expect = ACCEPTABLE, desc = "S then F: F S S, then S S F")
    @Outcome(id = "false, false, SFS/1", expect = FORBIDDEN,
            desc = "the window ends S F S, so F came first and saw F S F, yet did not open: a failure was hidden")
    @Outcome(id = "true, .*, SSF/1", expect = FORBIDDEN, desc = "opened although S came first")
    @Outcome(id = ".*, true, .*", expect = FORBIDDEN, desc = "a success opened")
    @Outcome(expect = FORBIDDEN, desc = "anything else (e.g. failures() disagrees with the contents)")
    @State
    public static class SizeThreeHidden {

        private final RollingWindow window = filled(2, "SFS");

        @Actor
        public void failure(ZZL_Result r) {
            r.r1 = window.record(true);
        }

        @Actor
        public void success(ZZL_Result r) {
            r.r2 = window.record(false);
        }

        @Arbiter
        public void outcome(ZZL_Result r) {
            r.r3 = contents(window);
        }
    }
}
