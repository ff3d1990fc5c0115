package dev.fusebox.ft.core.retry;

import static dev.fusebox.ft.core.retry.SliceWord.COUNT_MAX;
import static dev.fusebox.ft.core.retry.SliceWord.ONE_FIRST;
import static dev.fusebox.ft.core.retry.SliceWord.ONE_RETRY;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A retry budget (Finagle's): every first attempt deposits {@code ratio} of a retry, every retry
 * withdraws one, and both count for one ttl; on top, a reserve of {@code minRetriesPerSecond * ttl}
 * retries. A retry is granted when the reserve, plus what the last ttl deposited, minus the retries
 * the last ttl granted, is at least one whole retry. One budget may serve several methods.
 * Thread-safe, lock-free; a call allocates nothing.
 *
 * <p>Implementation notes.
 * <ul>
 * <li>Units and window. Counts are in thousandths of a retry (the policy's ratio per mille and
 * reserve), so nothing rounds. Time is cut into slices of ttl / 10 numbered from the origin (the
 * epoch, {@code floorDiv(now - origin, slice)}); the window of epoch {@code e} is slices
 * {@code e - 9 .. e}: a deposit or a retry counts for 9/10 of a ttl to a whole ttl.
 * <li>State. {@code current} is the newest slice (layout in {@link SliceWord}: 25 epoch bits, 19
 * bits each of first attempts and retries), the only slice that changes; {@code epoch} is its full
 * epoch; {@code sealed[e % 10]} hold the final counts of older slices. Every call reads
 * {@code epoch}, {@code current}, {@code epoch} again and starts over unless both reads agree: then
 * {@code current} is the slice of exactly that epoch, no decoding needed (a marker read is handed
 * to finishing the move, which makes the same check).
 * <li>Operations. A caller whose epoch is newer than current's moves on first (below). A caller
 * whose epoch is older (it read its clock before someone moved on) works in current's slice, so
 * epochs only grow and a late deposit or retry expires later than its clock says, never earlier.
 * A deposit is one CAS on {@code current} adding a first attempt. A withdrawal sums current and
 * the sealed slices of its window and, if a whole retry is left, CASes {@code current} adding one.
 * <li>Moving on from epoch {@code h} to {@code t}: seal {@code h} (copy current into its sealed
 * place), CAS {@code current} to a marker holding {@code t}; then, by the mover or any caller that
 * finds the marker (all steps idempotent): write empty slices for epochs
 * {@code max(h + 1, t - 10) .. t - 1}, raise {@code epoch} from {@code h} to {@code t}, CAS the
 * marker to an empty slice of {@code t}. A sealed write replaces only an older epoch, or the same
 * epoch with smaller counts (a sealer that lost its CAS wrote less than the winner), decided
 * against {@code h - 10}, which no sealed place is older than.
 * <li>Invariant: while {@code current} is a slice of epoch {@code e}, sealed place {@code p} holds
 * exactly the epoch of {@code e - 10 .. e - 1} that is {@code p} mod 10, with its final counts (0 for
 * a skipped slice). So a withdrawal's sum and the value its CAS replaces are one state, and at
 * every grant {@code 1000 * retries(window) <= reserve + ratioPerMille * firsts(window)}.
 * <li>Linearization points: a deposit or grant, its successful CAS on {@code current}; a refusal,
 * a read of {@code current} after the sums that finds it unchanged (no move from that slice began,
 * so no sealed place of its window changed); moving on, the CAS to the marker.
 * <li>What races and why it is harmless. A CAS fails only because another call changed
 * {@code current}; it starts over (lock-free). A call finding a marker finishes the move for the
 * mover, so a stalled mover stalls nobody. Counts saturate at 2^19 - 1 per slice: more first
 * attempts are not deposited, more retries are refused; both err towards fewer retries. The
 * totals (LongAdders) are bumped after the CAS, so a snapshot may lag a concurrent call by one.
 * <li>Epoch wrap-around. A slice keeps 25 epoch bits, which wrap after 2^25 slices (39 days with the
 * shortest ttl, 1 s; 388 days with the default 10 s). No decision decodes them against the clock:
 * {@code current}'s epoch is {@code epoch}, and sealed places hold 10 consecutive epochs, so any
 * idle time, a wrap or many, expires everything. The epoch bits only keep a CAS from mistaking an
 * old value for the current one (ABA) and order sealed writes (against {@code h - 10}); both could
 * go wrong only for a thread stalled between its reads and its write while about 2^25 slices pass.
 * </ul>
 */
public final class RetryBudget implements RetryAllowance {

    static final int EPOCH_BITS = SliceWord.EPOCH_BITS;
    private static final int SLICES = RetryBudgetPolicy.SLICES;
    private static final long ONE_RETRY_MILLI = 1_000;

    private final RetryBudgetPolicy policy;
    private final long originNanos;
    private final long sliceNanos;
    private final long ratioPerMille;
    private final long reserveMilli;
    private final AtomicLong current = new AtomicLong(SliceWord.slice(0, 0, 0));
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLongArray sealed = new AtomicLongArray(SLICES);
    private final LongAdder firstAttempts = new LongAdder();
    private final LongAdder granted = new LongAdder();
    private final LongAdder refused = new LongAdder();

    /** A budget whose first slice starts at {@code originNanos} (the callers' ticker), holding only the reserve. */
    public RetryBudget(RetryBudgetPolicy policy, long originNanos) {
        this.policy = policy;
        this.originNanos = originNanos;
        this.sliceNanos = policy.sliceNanos();
        this.ratioPerMille = policy.ratioPerMille();
        this.reserveMilli = policy.reserveMilli();
        for (long e = -SLICES; e < 0; e++) {
            sealed.set(place(e), SliceWord.slice(e, 0, 0));
        }
    }

    public RetryBudgetPolicy policy() {
        return policy;
    }

    @Override
    public void firstAttempt(long nowNanos) {
        long now = epochAt(nowNanos);
        while (true) {
            long head = epoch.get();
            long word = current.get();
            if (SliceWord.isMarker(word)) {
                finishMove(head, word);
            } else if (epoch.get() != head) {
                continue;
            } else if (now > head) {
                moveOn(head, word, now);
            } else if (SliceWord.firsts(word) == COUNT_MAX || current.compareAndSet(word, word + ONE_FIRST)) {
                firstAttempts.increment();
                return;
            }
        }
    }

    @Override
    public boolean tryRetry(long nowNanos) {
        long now = epochAt(nowNanos);
        while (true) {
            long head = epoch.get();
            long word = current.get();
            if (SliceWord.isMarker(word)) {
                finishMove(head, word);
            } else if (epoch.get() != head) {
                continue;
            } else if (now > head) {
                moveOn(head, word, now);
            } else if (SliceWord.retries(word) < COUNT_MAX
                    && availableMilli(windowSums(word, head, head)) >= ONE_RETRY_MILLI) {
                if (current.compareAndSet(word, word + ONE_RETRY)) {
                    granted.increment();
                    return true;
                }
            } else if (current.get() == word) {
                refused.increment();
                return false;
            }
        }
    }

    /** Whole retries that would be granted now: never negative, a fraction left over not shown. */
    public long balance(long nowNanos) {
        return Math.max(0, Math.floorDiv(availableMilli(windowAt(nowNanos)), ONE_RETRY_MILLI));
    }

    /** First attempts deposited since the budget was made. */
    public long firstAttempts() {
        return firstAttempts.sum();
    }

    /** Retries granted since the budget was made. */
    public long retriesGranted() {
        return granted.sum();
    }

    /** Retries refused since the budget was made. */
    public long retriesRefused() {
        return refused.sum();
    }

    /** The totals and the window at {@code nowNanos}, for metrics and management. */
    public RetryBudgetSnapshot snapshot(long nowNanos) {
        long sums = windowAt(nowNanos);
        return new RetryBudgetSnapshot(policy, firstAttempts(), retriesGranted(), retriesRefused(),
                sums >>> 32, sums & 0xFFFF_FFFFL, Math.max(0, Math.floorDiv(availableMilli(sums), ONE_RETRY_MILLI)));
    }

    /** The window's sums at {@code nowNanos} without moving on, from one consistent state. */
    private long windowAt(long nowNanos) {
        long now = epochAt(nowNanos);
        while (true) {
            long head = epoch.get();
            long word = current.get();
            if (SliceWord.isMarker(word)) {
                finishMove(head, word);
            } else if (epoch.get() == head) {
                long sums = windowSums(word, head, Math.max(now, head));
                if (current.get() == word) {
                    return sums;
                }
            }
        }
    }

    /**
     * First attempts (high 32 bits) and retries (low 32 bits) in the window ending at epoch
     * {@code end}, where {@code word} is current's slice, of epoch {@code head <= end}.
     */
    private long windowSums(long word, long head, long end) {
        if (end - head >= SLICES) {
            return 0;
        }
        long firsts = SliceWord.firsts(word);
        long retries = SliceWord.retries(word);
        for (long e = end - SLICES + 1; e < head; e++) {
            long slice = sealed.get(place(e));
            if (SliceWord.isOf(slice, e)) {
                firsts += SliceWord.firsts(slice);
                retries += SliceWord.retries(slice);
            }
        }
        return firsts << 32 | retries;
    }

    private long availableMilli(long sums) {
        return reserveMilli + ratioPerMille * (sums >>> 32) - ONE_RETRY_MILLI * (sums & 0xFFFF_FFFFL);
    }

    /** Seals slice {@code word} of epoch {@code head} and puts the marker of epoch {@code next} in its place. */
    private void moveOn(long head, long word, long next) {
        seal(head - SLICES, head, word);
        long marker = SliceWord.marker(next);
        if (current.compareAndSet(word, marker)) {
            finishMove(head, marker);
        }
    }

    /** Finishes the move from epoch {@code head} that {@code marker} stands for; any caller may. */
    private void finishMove(long head, long marker) {
        if (epoch.get() != head || current.get() != marker) {
            return; // read across another move: start over
        }
        long next = SliceWord.markedEpoch(marker);
        for (long skipped = Math.max(head + 1, next - SLICES); skipped < next; skipped++) {
            seal(head - SLICES, skipped, SliceWord.slice(skipped, 0, 0));
        }
        epoch.compareAndSet(head, next);
        current.compareAndSet(marker, SliceWord.slice(next, 0, 0));
    }

    /**
     * Writes {@code slice} of epoch {@code e} into its sealed place unless that holds a later epoch or
     * the same with counts at least as large; epochs there are read as at or above {@code oldest}.
     */
    private void seal(long oldest, long e, long slice) {
        int place = place(e);
        while (true) {
            long there = sealed.get(place);
            long thereEpoch = SliceWord.epochAtOrAbove(there, oldest);
            boolean older = thereEpoch < e || thereEpoch == e && SliceWord.countsMore(slice, there);
            if (!older || sealed.compareAndSet(place, there, slice)) {
                return;
            }
        }
    }

    private long epochAt(long nowNanos) {
        return Math.floorDiv(nowNanos - originNanos, sliceNanos);
    }

    private static int place(long epoch) {
        return (int) Math.floorMod(epoch, SLICES);
    }
}
