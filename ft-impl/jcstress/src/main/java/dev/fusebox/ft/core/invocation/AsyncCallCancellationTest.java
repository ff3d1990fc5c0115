package dev.fusebox.ft.core.invocation;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.I_Result;
import org.openjdk.jcstress.infra.results.ZZ_Result;
import org.openjdk.jcstress.infra.results.Z_Result;

// Proves the promises of AsyncCall's implementation notes: a cancellation racing with the
// installation of a cancel action runs that action exactly once (whichever side comes second runs
// it); an interrupt from cancel(true) lands while the method runs or not at all, never after the
// worker has left the call (where it would hit the worker's next, unrelated call); and once a
// cancellation asked for an interrupt, a racing cancel(false) does not take it back.
public class AsyncCallCancellationTest {

    @JCStressTest
    @Description("cancel() races onCancel(action): the action runs exactly once.")
    @Outcome(id = "1", expect = ACCEPTABLE, desc = "the action ran once, from whichever side came second")
    @Outcome(id = "0", expect = FORBIDDEN, desc = "lost cancellation: the action never ran")
    @Outcome(id = "[2-9]", expect = FORBIDDEN, desc = "the action ran more than once")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ActionRunsOnce {

        private final AsyncCall call = new AsyncCall(() -> null);
        private final AtomicInteger runs = new AtomicInteger();

        @Actor
        public void cancel() {
            call.cancel(false);
        }

        @Actor
        public void install() {
            call.onCancel(interrupt -> runs.incrementAndGet());
        }

        @Arbiter
        public void outcome(I_Result r) {
            r.r1 = runs.get();
        }
    }

    @JCStressTest
    @Description("cancel(true) races a worker that enters and leaves the call: once runningOn(null) has returned"
            + " and the worker cleared its flag, no interrupt from this call reaches it.")
    @Outcome(id = {"true, false", "false, false"}, expect = ACCEPTABLE,
            desc = "(interrupted while in the call, flag set after it left): interrupted in the call, or not at all")
    @Outcome(id = ".*, true", expect = FORBIDDEN,
            desc = "late interrupt: it landed after the worker left the call and cleared its flag")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class NoLateInterrupt {

        private final AsyncCall call = new AsyncCall(() -> null);
        private volatile Thread worker;

        @Actor
        public void worker(ZZ_Result r) {
            Thread self = Thread.currentThread();
            worker = self;
            Thread.interrupted(); // start clean
            call.runningOn(self);
            call.runningOn(null);
            r.r1 = Thread.interrupted(); // what landed while in the call; the flag is clear after this
        }

        @Actor
        public void canceller() {
            call.cancel(true);
        }

        @Arbiter
        public void outcome(ZZ_Result r) {
            r.r2 = worker.isInterrupted(); // set only by an interrupt after the clearing read
        }
    }

    @JCStressTest
    @Description("An attempt's timeout, cancel(true), races the caller's cancel(false) before the method has"
            + " marked its thread; then the method starts: it is interrupted whichever cancel came last.")
    @Outcome(id = "true", expect = ACCEPTABLE, desc = "(the starting method's thread was interrupted): yes")
    @Outcome(id = "false", expect = FORBIDDEN,
            desc = "lost timeout: the later cancel(false) took back the interrupt the timeout asked for")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class InterruptIsKept {

        private final AsyncCall attempt = new AsyncCall(() -> null);

        @Actor
        public void timeout() {
            attempt.cancel(true);
        }

        @Actor
        public void caller() {
            attempt.cancel(false);
        }

        @Arbiter
        public void outcome(Z_Result r) {
            Thread.interrupted(); // start clean
            attempt.runningOn(Thread.currentThread());
            attempt.runningOn(null);
            r.r1 = Thread.interrupted();
        }
    }
}
