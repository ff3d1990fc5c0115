package dev.fusebox.ft.core.hedge;

import dev.fusebox.ft.core.retry.RetryAllowance;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The hedge of one guarded method: its policy, the delay before a further attempt, the budget that
 * caps how many further attempts start, and its counts. The steps and management share one
 * instance. Thread-safe; lock-free.
 *
 * <p>The delay is the policy's fixed one, or, with a percentile, that percentile of the last
 * {@value #SAMPLES} calls' first-attempt latencies, recomputed every {@value #RECOMPUTE_EVERY}
 * calls once {@value #MIN_SAMPLES} are known (by the call that records the sample; a sort of at most
 * 128 longs) and never below 1 ms. A first attempt's latency is its time to answer, or, when a
 * further attempt answered first, its time until then: a lower bound, so a tail that hedging cuts
 * still shows. Samples live in a ring written by many threads: a slot written twice between two
 * recomputations loses one sample, which only ever makes the estimate a little older.
 *
 * <p>The budget is a {@link RetryAllowance}: every call deposits its first attempt, every further
 * attempt withdraws one, so with a retry budget's ratio of 0.1 hedges add at most a tenth of the
 * load (plus the budget's reserve). A further attempt the budget refuses is not started; the call
 * goes on with the attempts it has.
 */
public final class Hedge {

    static final int SAMPLES = 128;
    static final int MIN_SAMPLES = 32;
    static final int RECOMPUTE_EVERY = 32;

    private final String name;
    private final HedgePolicy policy;
    private final RetryAllowance budget;
    private final AtomicLongArray latencies = new AtomicLongArray(SAMPLES);
    private final AtomicLong recorded = new AtomicLong();
    private volatile long delayNanos;
    private final LongAdder started = new LongAdder();
    private final LongAdder won = new LongAdder();
    private final LongAdder refused = new LongAdder();

    public Hedge(String name, HedgePolicy policy, RetryAllowance budget) {
        this.name = name;
        this.policy = policy;
        this.budget = budget;
        this.delayNanos = policy.delayNanos();
    }

    public String name() {
        return name;
    }

    public HedgePolicy policy() {
        return policy;
    }

    /** The wait before the next further attempt now. */
    public long delayNanos() {
        return delayNanos;
    }

    void firstAttempt(long nowNanos) {
        budget.firstAttempt(nowNanos);
    }

    /** Whether a further attempt may start at {@code nowNanos}; counts it either way. */
    boolean mayHedge(long nowNanos) {
        if (budget.tryRetry(nowNanos)) {
            started.increment();
            return true;
        }
        refused.increment();
        return false;
    }

    void hedgeWon() {
        won.increment();
    }

    /** Records a first attempt's latency; with a percentile, may move the delay. */
    void record(long latencyNanos) {
        long count = recorded.incrementAndGet();
        latencies.set((int) ((count - 1) % SAMPLES), latencyNanos);
        if (policy.percentile() > 0 && count >= MIN_SAMPLES && count % RECOMPUTE_EVERY == 0) {
            int known = (int) Math.min(count, SAMPLES);
            long[] sorted = new long[known];
            for (int i = 0; i < known; i++) {
                sorted[i] = latencies.get(i);
            }
            Arrays.sort(sorted);
            int at = (int) Math.ceil(policy.percentile() * known) - 1;
            delayNanos = Math.max(HedgePolicy.MIN_DELAY_NANOS, sorted[Math.max(0, at)]);
        }
    }

    /** Further attempts started. */
    public long hedgesStarted() {
        return started.sum();
    }

    /** Calls a further attempt answered first. */
    public long hedgesWon() {
        return won.sum();
    }

    /** Further attempts the budget did not allow. */
    public long hedgesRefused() {
        return refused.sum();
    }
}
