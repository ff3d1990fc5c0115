package dev.fusebox.ft.core.bulkhead;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIL_Result;
import org.openjdk.jcstress.infra.results.ILL_Result;
import org.openjdk.jcstress.infra.results.ZIL_Result;

// Proves: the asynchronous bulkhead loses no task and no slot when submit, withdraw and release
// race, and a call cancelled while AsyncBulkheadStep admits it keeps no queue place. A queued task is started or withdrawn, never both and never neither (no lost wake-up);
// a started task never sees more running tasks than the limit; once every started task has
// released, running and waiting are both back to 0. Tasks run on the thread that starts them and
// keep their slot until the arbiter releases it.
public class AsyncBulkheadTest {

    /** Counts its starts and remembers how many tasks were running when it started. */
    static final class Task implements Runnable {

        private final AsyncBulkhead bulkhead;
        private final AtomicInteger starts = new AtomicInteger();
        private volatile int seenRunning;

        Task(AsyncBulkhead bulkhead) {
            this.bulkhead = bulkhead;
        }

        @Override
        public void run() {
            seenRunning = bulkhead.running();
            starts.incrementAndGet();
        }

        int starts() {
            return starts.get();
        }

        int seenRunning() {
            return seenRunning;
        }

        /** Gives back the slot of a started task, as its end would. */
        void finish() {
            if (starts() > 0) {
                bulkhead.release();
            }
        }
    }

    @JCStressTest
    @Description("limit 1, queue 1, slot held: a task submitted as the holder releases always starts (no lost wake-up).")
    @Outcome(id = "1, 1, drained", expect = ACCEPTABLE,
            desc = "(starts, or -1 if refused; running seen at its start; counters once it ended): started once, alone")
    @Outcome(id = "0, .*", expect = FORBIDDEN, desc = "lost wake-up: queued task never started although the slot is free")
    @Outcome(id = "-1, .*", expect = FORBIDDEN, desc = "refused although a queue place was free")
    @Outcome(id = "[2-9], .*", expect = FORBIDDEN, desc = "task started twice")
    @Outcome(id = ".*, [2-9], .*", expect = FORBIDDEN, desc = "more tasks running than the limit")
    @Outcome(id = ".*, running=.*", expect = FORBIDDEN, desc = "counters not back to 0")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class SubmitAgainstRelease {

        private final AsyncBulkhead bulkhead = withHolders(1, 1, 1);
        private final Task task = new Task(bulkhead);
        private boolean submitted;

        @Actor
        public void submit() {
            submitted = bulkhead.submit(task);
        }

        @Actor
        public void holderEnds() {
            bulkhead.release();
        }

        @Arbiter
        public void outcome(IIL_Result r) {
            r.r1 = submitted ? task.starts() : -1;
            r.r2 = task.seenRunning();
            task.finish();
            r.r3 = counters(bulkhead);
        }
    }

    @JCStressTest
    @Description("limit 1, queue 1, one task queued: withdrawing it as the holder releases either withdraws it or"
            + " starts it, never both, never neither.")
    @Outcome(id = {"true, 0, drained", "false, 1, drained"}, expect = ACCEPTABLE,
            desc = "(withdrawn, starts, counters once it ended): withdrawn, or started before the withdrawal")
    @Outcome(id = "true, [1-9], .*", expect = FORBIDDEN, desc = "withdrawn and started")
    @Outcome(id = "false, 0, .*", expect = FORBIDDEN, desc = "neither withdrawn nor started: the task was lost")
    @Outcome(id = ".*, [2-9], .*", expect = FORBIDDEN, desc = "task started twice")
    @Outcome(id = ".*, running=.*", expect = FORBIDDEN, desc = "counters not back to 0")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class WithdrawAgainstRelease {

        private final AsyncBulkhead bulkhead = withHolders(1, 1, 1);
        private final Task task = queue(bulkhead, new Task(bulkhead));
        private boolean withdrawn;

        @Actor
        public void withdraw() {
            withdrawn = bulkhead.withdraw(task);
        }

        @Actor
        public void holderEnds() {
            bulkhead.release();
        }

        @Arbiter
        public void outcome(ZIL_Result r) {
            r.r1 = withdrawn;
            r.r2 = task.starts();
            task.finish();
            r.r3 = counters(bulkhead);
        }
    }

    @JCStressTest
    @Description("limit 2, queue 2, both slots held, two tasks queued: two concurrent releases start both queued"
            + " tasks, each once, never more than 2 running.")
    @Outcome(id = "2, [12], drained", expect = ACCEPTABLE,
            desc = "(queued tasks started exactly once, most running seen at a start, counters once they ended)")
    @Outcome(id = "[01], .*", expect = FORBIDDEN,
            desc = "a queued task did not start exactly once: lost wake-up or double start")
    @Outcome(id = ".*, [3-9], .*", expect = FORBIDDEN, desc = "more tasks running than the limit")
    @Outcome(id = ".*, running=.*", expect = FORBIDDEN, desc = "counters not back to 0")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class TwoReleasesTwoWaiting {

        private final AsyncBulkhead bulkhead = withHolders(2, 2, 2);
        private final Task first = queue(bulkhead, new Task(bulkhead));
        private final Task second = queue(bulkhead, new Task(bulkhead));

        @Actor
        public void firstHolderEnds() {
            bulkhead.release();
        }

        @Actor
        public void secondHolderEnds() {
            bulkhead.release();
        }

        @Arbiter
        public void outcome(IIL_Result r) {
            r.r1 = (first.starts() == 1 ? 1 : 0) + (second.starts() == 1 ? 1 : 0);
            r.r2 = Math.max(first.seenRunning(), second.seenRunning());
            first.finish();
            second.finish();
            r.r3 = counters(bulkhead);
        }
    }

    @JCStressTest
    @Description("limit 1, queue 1, slot held: a call is cancelled while AsyncBulkheadStep admits it (between"
            + " installing its withdrawal and queueing it). The cancelled call holds no queue place, its stage"
            + " is failed with CancellationException, and once the holder ends nothing runs or waits.")
    @Outcome(id = "0, cancelled, drained", expect = ACCEPTABLE,
            desc = "(waiting after both, the call's stage, counters once the holder ended): withdrawn, failed, no leak")
    @Outcome(id = "1, pending, .*", expect = FORBIDDEN,
            desc = "the cancelled call kept its queue place, its stage pending until a slot frees")
    @Outcome(id = ".*, running=.*", expect = FORBIDDEN, desc = "a slot or queue place leaked")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class CancelAgainstAdmission {

        private final AsyncBulkhead bulkhead = withHolders(1, 1, 1);
        private final AsyncBulkheadStep step = new AsyncBulkheadStep(call -> new CompletableFuture<>(), bulkhead,
                Rejections.plain(), () -> 0L, MethodMetrics.NONE);
        private final AsyncCall call = new AsyncCall(() -> null);
        private volatile CompletableFuture<Object> result;

        @Actor
        public void admit() {
            result = step.call(call).toCompletableFuture();
        }

        @Actor
        public void cancel() {
            call.cancel(false);
        }

        @Arbiter
        public void outcome(ILL_Result r) {
            r.r1 = bulkhead.waiting();
            r.r2 = !result.isDone() ? "pending"
                    : result.isCompletedExceptionally() && failure(result) instanceof CancellationException ? "cancelled"
                    : "other";
            bulkhead.release(); // the holder ends: a task still queued would start now and give its slot back
            r.r3 = counters(bulkhead);
        }

        private static Throwable failure(CompletableFuture<Object> stage) {
            try {
                stage.join();
                return null;
            } catch (CompletionException e) {
                return e.getCause();
            } catch (CancellationException e) {
                return e;
            }
        }
    }

    /** "drained" when nothing runs or waits, else both counts. */
    static String counters(AsyncBulkhead bulkhead) {
        int running = bulkhead.running();
        int waiting = bulkhead.waiting();
        return running == 0 && waiting == 0 ? "drained" : "running=" + running + " waiting=" + waiting;
    }

    /** A bulkhead whose {@code holders} slots are taken by started tasks that keep them. */
    static AsyncBulkhead withHolders(int limit, int queueSize, int holders) {
        AsyncBulkhead bulkhead = new AsyncBulkhead("jcstress", limit, queueSize);
        for (int i = 0; i < holders; i++) {
            Task holder = new Task(bulkhead);
            if (!bulkhead.submit(holder) || holder.starts() != 1) {
                throw new IllegalStateException("test set-up: a holder did not start");
            }
        }
        return bulkhead;
    }

    /** Submits a task that must wait in the queue. */
    static Task queue(AsyncBulkhead bulkhead, Task task) {
        if (!bulkhead.submit(task) || task.starts() != 0) {
            throw new IllegalStateException("test set-up: the task was not queued");
        }
        return task;
    }
}
