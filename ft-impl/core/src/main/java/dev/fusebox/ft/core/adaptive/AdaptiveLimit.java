package dev.fusebox.ft.core.adaptive;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A concurrency limit that finds itself: admits calls while fewer than the limit are in flight,
 * samples each call's round trip, and after each window lets its {@link LimitAlgorithm} move the
 * limit. Thread-safe, lock-free; allocates only when a window closes.
 *
 * <p>Implementation notes. The admission state is one long: a generation (24 bits), the limit (20)
 * and the calls in flight (20). {@link #tryAcquire} increments the in-flight count by a
 * compare-and-exchange only from a state whose count is below the caller's ceiling (the limit, or
 * for a batch call the limit less the live reserve), so no call is ever admitted with the limit,
 * as it stood at that instant, already used up: the limit and the count are read and written
 * together. A lowered limit revokes nothing: calls in flight above it finish, and new calls are
 * refused until the count is below it. {@link #release} decrements only from a positive count (a
 * release without an acquire is a caller bug, refused before it can hide a leaked place).
 * Linearization points: the successful exchange; a refusal, the read or failed exchange it was
 * decided on.
 *
 * <p>Windows. Each ended call adds its round trip to the current window ({@code LongAdder}s, so
 * that callers on different threads do not write one word). The call that ends past the window's
 * deadline, with at least the policy's samples in it, closes it: it computes the next estimate
 * from the window's summary and installs a new window by a compare-and-set, which exactly one
 * closer wins; the estimate lives in the window, so each estimate follows exactly one other and
 * the algorithm's state needs no lock. Samples added to a window after its summary was read are
 * lost to the algorithm (a sample, never a place). The winner then writes the new limit into the
 * state with its window's generation, only over an older generation, so that a closer preempted
 * between its two steps cannot put back an older limit after a newer one (jcstress
 * {@code AdaptiveAdmissionTest}, stress {@code AdaptiveLimitInvariantsTest}).
 *
 * <p>History. The winner of each close also records the window it closed in a
 * {@link WindowHistory}, whose notes say why racing closers keep the later window. Refusals are
 * counted per priority in {@code LongAdder}s on the refusal path only.
 */
public final class AdaptiveLimit {

    private static final int COUNT_BITS = 20;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    private static final int GENERATION_SHIFT = 2 * COUNT_BITS;
    private static final long GENERATION_MASK = (1L << 24) - 1;
    /** The state word sits mid-array, 128 bytes from anything else. */
    private static final int AT = 16;
    /** How many closed windows {@link #history()} keeps. */
    public static final int HISTORY = WindowHistory.CAPACITY;

    private final String name;
    private final AdaptiveLimitPolicy policy;
    private final AtomicLongArray state = new AtomicLongArray(2 * AT + 1);
    private final AtomicReference<Window> window;
    private final WindowHistory history = new WindowHistory();
    private final LongAdder refusedLive = new LongAdder();
    private final LongAdder refusedBatch = new LongAdder();

    /** A limit at its policy's initial value whose first window starts at {@code nowNanos}. */
    public AdaptiveLimit(String name, AdaptiveLimitPolicy policy, long nowNanos) {
        this.name = name;
        this.policy = policy;
        state.set(AT, (long) policy.initialLimit() << COUNT_BITS);
        window = new AtomicReference<>(new Window(nowNanos + policy.windowNanos(), Estimate.initial(policy.initialLimit()), 0, 0));
    }

    public String name() {
        return name;
    }

    public AdaptiveLimitPolicy policy() {
        return policy;
    }

    /** The limit now. */
    public int limit() {
        return limit(state.get(AT));
    }

    /** Calls in flight now. */
    public int inflight() {
        return (int) (state.get(AT) & COUNT_MASK);
    }

    /** The algorithm's state after the last closed window. */
    public Estimate estimate() {
        return window.get().estimate;
    }

    /** Calls of {@code priority} refused since the limit was made. */
    public long refused(Priority priority) {
        return (priority == Priority.LIVE ? refusedLive : refusedBatch).sum();
    }

    /**
     * The last closed windows, at most {@link #HISTORY}, oldest first: when each closed, what it
     * saw and the limit it set. A window closing while this reads may be missing or present.
     */
    public List<ClosedWindow> history() {
        return history.windows();
    }

    /** Takes a place for a call of {@code priority}: false when the limit (or, for a batch call, all but the live reserve) is in use. */
    public boolean tryAcquire(Priority priority) {
        long current = state.get(AT);
        while (true) {
            int limit = limit(current);
            long inflight = current & COUNT_MASK;
            if (inflight >= (priority == Priority.LIVE ? limit : policy.batchCeiling(limit))) {
                (priority == Priority.LIVE ? refusedLive : refusedBatch).increment();
                return false;
            }
            long witness = state.compareAndExchange(AT, current, current + 1);
            if (witness == current) {
                window.get().sawInflight((int) inflight + 1);
                return true;
            }
            current = witness;
        }
    }

    /**
     * Gives a place back and samples its call: ended at {@code endNanos} after starting at
     * {@code startNanos} (readings of the ticker the limit was made with), {@code dropped} when it
     * failed from overload (timed out, refused downstream). May close the window.
     */
    public void release(long startNanos, long endNanos, boolean dropped) {
        givePlaceBack();
        Window current = window.get();
        current.add(Math.max(0, endNanos - startNanos), dropped);
        if (endNanos - current.deadline >= 0 && current.samples.sum() >= policy.minSamples()) {
            close(current, endNanos);
        }
    }

    /** Gives a place back without a sample: a call cancelled, or failed for a reason that says nothing about load. */
    public void releaseIgnored() {
        givePlaceBack();
    }

    private void givePlaceBack() {
        long current = state.get(AT);
        while (true) {
            if ((current & COUNT_MASK) == 0) {
                throw new IllegalStateException("adaptive limit " + name + ": a place given back that was never taken");
            }
            long witness = state.compareAndExchange(AT, current, current - 1);
            if (witness == current) {
                return;
            }
            current = witness;
        }
    }

    /** Closes the current window now, whatever its deadline and samples (tests). */
    void closeWindow(long nowNanos) {
        close(window.get(), nowNanos);
    }

    private void close(Window closing, long nowNanos) {
        WindowSummary seen = closing.summary();
        Estimate next = policy.algorithm().next(closing.estimate, seen, policy.minLimit(), policy.maxLimit());
        long generation = (closing.generation + 1) & GENERATION_MASK;
        Window successor = new Window(nowNanos + policy.windowNanos(), next, generation, inflight());
        if (!window.compareAndSet(closing, successor)) {
            return;
        }
        int limit = (int) next.limit();
        history.record(new ClosedWindow(next.windows(), nowNanos, seen, limit));
        long current = state.get(AT);
        while (!isAtOrAfter(current >>> GENERATION_SHIFT, generation)) {
            long updated = (generation << GENERATION_SHIFT) | ((long) limit << COUNT_BITS) | (current & COUNT_MASK);
            long witness = state.compareAndExchange(AT, current, updated);
            if (witness == current) {
                return;
            }
            current = witness;
        }
    }

    /** Whether generation {@code seen} is {@code generation} or a later one (24-bit generations wrap). */
    private static boolean isAtOrAfter(long seen, long generation) {
        long ahead = (seen - generation) & GENERATION_MASK;
        return ahead < (1L << 23);
    }

    private static int limit(long state) {
        return (int) ((state >>> COUNT_BITS) & COUNT_MASK);
    }

    /** One sampling window: its deadline, the estimate it started with, and what it has seen. */
    private static final class Window {

        final long deadline;
        final Estimate estimate;
        final long generation;
        final LongAdder samples = new LongAdder();
        final LongAdder rttSum = new LongAdder();
        final AtomicInteger maxInflight = new AtomicInteger();
        volatile boolean dropped;

        /** A window that starts with {@code inflight} calls in flight: they count as seen in it. */
        Window(long deadline, Estimate estimate, long generation, int inflight) {
            this.deadline = deadline;
            this.estimate = estimate;
            this.generation = generation;
            maxInflight.set(inflight);
        }

        void add(long rttNanos, boolean drop) {
            rttSum.add(rttNanos);
            samples.increment();
            if (drop && !dropped) {
                dropped = true;
            }
        }

        void sawInflight(int inflight) {
            int seen = maxInflight.get();
            while (inflight > seen && !maxInflight.compareAndSet(seen, inflight)) {
                seen = maxInflight.get();
            }
        }

        WindowSummary summary() {
            long count = samples.sum();
            return new WindowSummary(count == 0 ? 0 : rttSum.sum() / count, maxInflight.get(), dropped, count);
        }
    }
}
