package dev.fusebox.ft.core.timeout;

import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Interrupts threads whose synchronous timed calls reach their deadline; one watcher serves every
 * {@link TimeoutStep} of a container. A call arms a {@link CallDeadline} that its thread reuses call after
 * call (one per nesting depth), so a call that ends in time allocates nothing and schedules
 * nothing. The watcher is one task on the scheduler, due at the earliest armed deadline it knows
 * of; it is rescheduled only when a call arms a deadline earlier than that, or when it has run.
 * With a steady stream of calls of one timeout that is about once per timeout period.
 *
 * <p>Implementation notes. {@code wakeAt} is the due time of the earliest scan that is scheduled,
 * or {@link #IDLE} when none is needed. Invariant: every RUNNING call deadline with deadline d is either
 * seen by a scan that starts at or before d, or has {@code wakeAt <= d}. Arming writes the watch's
 * state (volatile) and then reads {@code wakeAt}; a scan first writes {@code wakeAt = IDLE} and then
 * reads every call deadline's state. These are volatile accesses, so one of the two sees the other: either
 * the arming thread sees IDLE (or a later time than its deadline) and lowers {@code wakeAt} by CAS
 * and schedules a scan itself, or the scan sees the call deadline RUNNING and, if it is not yet due,
 * includes its deadline in the next wake-up. A value of {@code wakeAt} other than IDLE was written
 * by a CAS whose author schedules a scan for it, and that scan's IDLE write comes after any read of
 * that value. Superfluous scans (an earlier one scheduled while a later one is pending) are
 * harmless: a scan only fires call deadlines whose deadline has passed. Ticks are compared directly (a
 * deadline saturates at {@code Long.MAX_VALUE}, meaning never).
 *
 * <p>The threads known to the watcher are a singly linked list of their {@link ThreadDeadlines},
 * from {@code head} through {@link ThreadDeadlines#next} (both volatile). A thread joins on its first
 * timed call by putting itself at the head; links change only under {@code joinLock}, and scans
 * read the list without it. Nothing is copied, so joining and leaving cost O(1) each (amortised),
 * however many threads there are; a copy-on-write array, as before issue 11, made n joins by
 * short-lived (e.g. virtual) threads cost O(n^2). Ended threads leave in two ways: a joining thread
 * first drops the ended threads at the head (a stream of short-lived threads, each ended when the
 * next joins, so keeps one entry, not one per thread), then looks at the {@value #JOIN_SWEEP}
 * entries after the first live one and unlinks the ended among them (issue 14: the virtual threads
 * of consecutive asynchronous calls overlap, each joining while the one before it still finishes,
 * so the head is alive at every join and the ended threads behind it stayed known until a scan;
 * now such a stream keeps about two entries); and a scan that met an ended thread unlinks every
 * ended one in one pass (it visits every entry anyway). So a join costs O(1) however many threads
 * are known, and an ended thread deeper in the list than the sweep reaches (behind more live
 * threads) stays known until the next scan, which comes at the latest at the earliest armed
 * deadline: the ended threads known are at most those that joined since the last scan. Why a scan without the lock is still
 * correct: a new entry only ever goes in at the head, and an entry is unlinked only when its
 * thread has ended (no RUNNING call deadline), by pointing its predecessor past it, never by changing its
 * own {@code next}. So a scan that read {@code head} reaches every entry that was in the list then
 * and whose thread is alive, even if it stands on an entry that is unlinked meanwhile; an entry
 * added after that read belongs to a thread whose arming comes after the scan's write of IDLE, and
 * the handshake above makes that thread schedule a scan itself. Thread-safe.
 */
public final class DeadlineWatcher {

    private static final long IDLE = Long.MAX_VALUE;
    /** How many entries after the first live one a join looks at, unlinking the ended (see the notes). */
    private static final int JOIN_SWEEP = 4;
    private static final VarHandle WAKE_AT;

    static {
        try {
            WAKE_AT = MethodHandles.lookup().findVarHandle(DeadlineWatcher.class, "wakeAt", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Scheduler scheduler;
    private final Ticker ticker;
    private final Runnable scan = this::scan;
    private final ThreadLocal<ThreadDeadlines> perThread = ThreadLocal.withInitial(this::join);
    private final Object joinLock = new Object();
    /** The most recently joined thread's call deadlines; the others follow through {@link ThreadDeadlines#next}. */
    private volatile ThreadDeadlines head;
    private volatile long wakeAt = IDLE;

    public DeadlineWatcher(Scheduler scheduler, Ticker ticker) {
        this.scheduler = scheduler;
        this.ticker = ticker;
    }

    /**
     * Arms the calling thread's call deadline for {@code deadline} (ticker time). The caller must pass the
     * result to {@link #end} on the same thread, also when the call fails.
     */
    CallDeadline start(long deadline) {
        ThreadDeadlines mine = perThread.get();
        CallDeadline watch = mine.push();
        watch.arm(deadline);
        try {
            wakeBy(deadline);
        } catch (RuntimeException | Error cannotSchedule) { // the scheduler is shut down
            WAKE_AT.compareAndSet(this, deadline, IDLE);
            end(watch);
            throw cannotSchedule;
        }
        return watch;
    }

    /** Ends the innermost call deadline of the calling thread; true when its call finished in time. */
    boolean end(CallDeadline watch) {
        boolean inTime = watch.finish();
        watch.stack.pop();
        return inTime;
    }

    /** Makes sure a scan is due no later than {@code deadline}. */
    private void wakeBy(long deadline) {
        long current;
        while (deadline < (current = wakeAt)) {
            if (WAKE_AT.compareAndSet(this, current, deadline)) {
                scheduler.schedule(scan, deadline - ticker.nanoTime());
                return;
            }
        }
    }

    // package-private for the jcstress test of the arm/scan handshake
    void scan() {
        wakeAt = IDLE; // volatile: the store half of the handshake with arming threads
        long now = ticker.nanoTime();
        long earliest = IDLE;
        boolean someEnded = false;
        for (ThreadDeadlines thread = head; thread != null; thread = thread.next) {
            for (CallDeadline watch : thread.deadlines) {
                long seen = watch.state();
                if (!CallDeadline.isRunning(seen)) {
                    continue;
                }
                long deadline = watch.deadline();
                if (deadline <= now) {
                    watch.tryFire(seen);
                } else {
                    earliest = Math.min(earliest, deadline);
                }
            }
            someEnded |= !thread.owner.isAlive();
        }
        if (someEnded) {
            dropEndedThreads();
        }
        if (earliest != IDLE) {
            wakeBy(earliest);
        }
    }

    /**
     * Puts the calling thread's new call deadlines at the head, after dropping the ended threads found
     * there and unlinking the ended ones among the {@value #JOIN_SWEEP} entries after the first live one.
     */
    private ThreadDeadlines join() {
        ThreadDeadlines mine = new ThreadDeadlines(Thread.currentThread());
        synchronized (joinLock) {
            ThreadDeadlines first = head;
            while (first != null && !first.owner.isAlive()) {
                first = first.next; // each ended entry is passed over once: O(1) amortised
            }
            ThreadDeadlines kept = first;
            for (int i = 0; kept != null && i < JOIN_SWEEP; i++) {
                ThreadDeadlines after = kept.next;
                if (after != null && !after.owner.isAlive()) {
                    kept.next = after.next; // unlinked in place, as a scan does; its own next is kept
                } else {
                    kept = after;
                }
            }
            mine.next = first;
            head = mine;
        }
        return mine;
    }

    /** Unlinks every ended thread, in one pass; an unlinked entry keeps its {@code next} for scans on it. */
    private void dropEndedThreads() {
        synchronized (joinLock) {
            ThreadDeadlines previous = null;
            for (ThreadDeadlines thread = head; thread != null; thread = thread.next) {
                if (thread.owner.isAlive()) {
                    previous = thread;
                } else if (previous == null) {
                    head = thread.next;
                } else {
                    previous.next = thread.next;
                }
            }
        }
    }

    /** Threads known to this watcher (for tests). */
    int threadCount() {
        int count = 0;
        for (ThreadDeadlines thread = head; thread != null; thread = thread.next) {
            count++;
        }
        return count;
    }

    /** The due time of the earliest scan asked for, or {@code Long.MAX_VALUE} (for the jcstress tests). */
    long wakeAt() {
        return wakeAt;
    }
}
