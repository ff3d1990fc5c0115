package dev.fusebox.ft.core.timeout;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.fusebox.ft.core.time.Scheduler;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.IIII_Result;
import org.openjdk.jcstress.infra.results.JI_Result;

// Proves the claims of CallDeadline's and DeadlineWatcher's implementation notes: the end of a timed call
// and the watcher firing its deadline are settled by one CAS (exactly one side wins, and no
// interrupt is left on the caller once finish() returned), a call armed while a scan runs is
// never forgotten (the scan sees it, or the call schedules a scan itself), and reusing a thread's
// watch for the next call (a retried attempt) while a scan fires the previous one is safe.
public class DeadlineWatchTest {

    @JCStressTest
    @Description("The caller finishes its call while the watcher fires the passed deadline: exactly one wins,"
            + " and no interrupt is left on the caller after finish().")
    @Outcome(id = "1, 0, 0, 0", expect = ACCEPTABLE, desc = "(in time, flag after finish, watcher fired, flag"
            + " left from an earlier call): the caller finished first; no interrupt")
    @Outcome(id = "0, 0, 1, 0", expect = ACCEPTABLE,
            desc = "the watcher fired first; the caller waited for the interrupt and cleared it")
    @Outcome(id = "1, .*, 1, .*", expect = FORBIDDEN, desc = "both sides won")
    @Outcome(id = "0, .*, 0, .*", expect = FORBIDDEN, desc = "the caller lost to a watcher that did not fire")
    @Outcome(id = ".*, 1, .*, .*", expect = FORBIDDEN, desc = "an interrupt leaked past finish()")
    @Outcome(id = ".*, .*, .*, 1", expect = FORBIDDEN,
            desc = "late interrupt: it landed after an earlier call's finish() cleared the flag")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class FireAgainstFinish {

        private volatile CallDeadline watch;

        @Actor
        public void caller(IIII_Result r) {
            r.r4 = Thread.interrupted() ? 1 : 0; // a flag here was set after this thread's last finish()
            CallDeadline mine = new ThreadDeadlines(Thread.currentThread()).push();
            mine.arm(0);
            watch = mine;
            r.r1 = mine.finish() ? 1 : 0;
            r.r2 = Thread.interrupted() ? 1 : 0;
        }

        @Actor
        public void watcher(IIII_Result r) {
            CallDeadline seen = watch;
            if (seen == null) {
                return; // not armed yet: as if the watcher came later; the caller must win
            }
            long state = seen.state();
            boolean due = CallDeadline.isRunning(state) && seen.deadline() <= 1;
            r.r3 = due && seen.tryFire(state) ? 1 : 0;
        }
    }

    /** Counts the scans asked for and remembers the delay of the last one; runs nothing. */
    static final class CountingScheduler implements Scheduler {
        final AtomicInteger calls = new AtomicInteger();
        volatile long lastDelay = -1;

        @Override
        public Scheduled schedule(Runnable task, long delayNanos) {
            lastDelay = delayNanos;
            calls.incrementAndGet();
            return () -> { };
        }
    }

    @JCStressTest
    @Description("A call arms a deadline of 5 while the scan due at 3 runs (clock at 1): the new deadline is"
            + " covered by a newly scheduled scan, from the scan or from the arming call, due no later than 5.")
    @Outcome(id = "4, 1", expect = ACCEPTABLE, desc = "(delay of the last scan asked for, scans asked for):"
            + " one of the two scheduled a scan at 5")
    @Outcome(id = "4, 2", expect = ACCEPTABLE, desc = "both scheduled one (a harmless duplicate)")
    @Outcome(id = ".*, 0", expect = FORBIDDEN, desc = "lost wake-up: the armed deadline is covered by no scan")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ArmAgainstScan {

        private final CountingScheduler scheduler = new CountingScheduler();
        private final DeadlineWatcher watcher = new DeadlineWatcher(scheduler, () -> 1L);

        public ArmAgainstScan() {
            watcher.end(watcher.start(3)); // a scan is now due at 3 (the first one asked for)
        }

        @Actor
        public void arm() {
            watcher.start(5); // stays armed: its deadline needs a scan
        }

        @Actor
        public void scan() {
            watcher.scan();
        }

        @Arbiter
        public void outcome(JI_Result r) {
            r.r1 = scheduler.lastDelay;
            r.r2 = scheduler.calls.get() - 1;
        }
    }

    @JCStressTest
    @Description("A retried attempt re-arms the watch its first attempt used (same thread, same depth) while a"
            + " scan fires the first attempt's passed deadline (clock at 10; deadlines 5, then 20): one side wins"
            + " the first attempt, a scan that saw the first attempt never fires the second, the second stays"
            + " armed and covered by a scan due no later than 20, and no interrupt is left on the thread.")
    @Outcome(id = "1, 0, 1, 1", expect = ACCEPTABLE, desc = "(first in time, flag after it ended, second still armed,"
            + " a scan asked for by 20): the first attempt ended before the scan fired it")
    @Outcome(id = "0, 0, 1, 1", expect = ACCEPTABLE,
            desc = "the scan fired the first attempt; its interrupt was delivered and cleared inside finish()")
    @Outcome(id = ".*, .*, 0, .*", expect = FORBIDDEN,
            desc = "the second attempt's watch was fired by a scan that saw the first (ABA across reuse)")
    @Outcome(id = ".*, .*, .*, 0", expect = FORBIDDEN,
            desc = "lost wake-up: no scan is asked for by the second attempt's deadline")
    @Outcome(id = ".*, 1, .*, .*", expect = FORBIDDEN, desc = "an interrupt leaked past the first attempt's end")
    @Outcome(expect = FORBIDDEN, desc = "anything else")
    @State
    public static class ReArmAgainstScan {

        private final CountingScheduler scheduler = new CountingScheduler();
        private final DeadlineWatcher watcher = new DeadlineWatcher(scheduler, () -> 10L);
        private volatile CallDeadline second;

        @Actor
        public void attempts(IIII_Result r) {
            Thread.interrupted(); // start clean
            CallDeadline first = watcher.start(5);
            r.r1 = watcher.end(first) ? 1 : 0;
            r.r2 = Thread.interrupted() ? 1 : 0;
            second = watcher.start(20); // the same watch object, next generation; stays armed
        }

        @Actor
        public void scan() {
            watcher.scan();
        }

        @Arbiter
        public void outcome(IIII_Result r) {
            r.r3 = CallDeadline.isRunning(second.state()) ? 1 : 0;
            r.r4 = watcher.wakeAt() <= 20 ? 1 : 0;
        }
    }
}
