package dev.fusebox.ft.core.ratelimit;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

/**
 * FIXED: at most N admitted calls per window {@code [origin + k*W, origin + (k+1)*W)}.
 *
 * <p>Implementation notes. The whole state is one long: the index k of the current window in
 * the high 44 bits, the calls admitted in it in the low 20 ({@link RateLimitPolicy#MAX_LIMIT} is
 * below 2^20; {@link RateLimitPolicy#MIN_WINDOW_NANOS} keeps k below 2^44 for centuries). A call
 * at time t falls in window w = floor((t - origin) / W) and is decided against one reading of the
 * state:
 * <ul>
 * <li>w later than k: the state becomes (w, 1), admitted: a new window starts with this call;</li>
 * <li>w equal to k and fewer than N admitted: the count goes up by one, admitted;</li>
 * <li>w equal to k and N admitted: refused, until the end of window k;</li>
 * <li>w earlier than k (a thread that read its clock before another thread's later call moved the
 *     window on): refused, until its clock would reach window k. Counting it in window k would let
 *     window k's count hold calls whose time lies in window w, so that more than N calls with times
 *     in one window could pass; refusing it only ever under-admits, and only in that race.</li>
 * </ul>
 * Invariants: the window index never decreases (it is only replaced by a larger one); the count
 * only goes from c to c + 1 with c below N within one index, or to 1 with a new index. Hence
 * at most N admitted calls per window index, where a call's index is that of its own time
 * (jcstress {@code RateLimitAdmissionTest.FixedOfOne} and {@code .FixedRollover}, stress
 * {@code RateLimitInvariantsTest}).
 * Linearization point of an admission: its successful compare-and-exchange; of a refusal: the
 * read (or failed exchange, whose witness is a value the state really held) it was decided on.
 * A refusal writes nothing. A failed exchange returns the current state, so the loop goes on
 * from it without another read; it fails only when another call changed the state (lock-free).
 *
 * <p>Split under contention ({@link LimiterParts}). When an exchange fails and the limit is large
 * enough, the limiter splits into P parts, each a FIXED limiter of its own over the same windows,
 * with limits that add up to N (N/P each, the remainder to the first parts). The splitting call
 * shares what window k of the state it read has left, N - c, among the parts (each part's window
 * k starts with at most its limit left, together exactly N - c), and retires the word by an
 * exchange from that state to {@code RETIRED}; if the exchange fails (another call was admitted
 * meanwhile), it shares again from the new state. Only the call that installed the parts retires
 * the word, and no call uses the parts before it reads {@code RETIRED}. Why no window admits more
 * than N across the split: calls admitted by the word before it retired lie in windows up to k and
 * number c in window k; the parts admit N - c more in window k, refuse every call of a window
 * before k (their index is k), and admit at most the sum of their limits, N, in each later window.
 * A call refused by its thread's part tries every other part, so a window's permits are used up
 * before a call is refused (jcstress {@code RateLimitAdmissionTest.FixedSplit}, stress
 * {@code RateLimitInvariantsTest}).
 */
final class FixedWindowLimiter extends RateLimiter {

    private static final int COUNT_BITS = 20;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;
    /** The state of a limiter that has split: its index bits would be window 2^44 - 1, never reached. */
    private static final long RETIRED = -1L;
    private static final AtomicReferenceFieldUpdater<FixedWindowLimiter, LimiterParts> PARTS =
            AtomicReferenceFieldUpdater.newUpdater(FixedWindowLimiter.class, LimiterParts.class, "parts");

    private final long origin;
    private final long window;
    private final int limit;
    /** At {@code at}: (window index << 20) | calls admitted in it; or {@link #RETIRED}. */
    private final AtomicLongArray words;
    private final int at;
    /** How many parts the limiter splits into at its first contention; 0: never. */
    private final int split;
    private volatile LimiterParts parts;

    FixedWindowLimiter(RateLimitPolicy policy, long originNanos, int split) {
        this(originNanos, policy.windowNanos(), policy.limit(), new AtomicLongArray(1), 0, split);
    }

    private FixedWindowLimiter(long origin, long window, int limit, AtomicLongArray words, int at, int split) {
        this.origin = origin;
        this.window = window;
        this.limit = limit;
        this.words = words;
        this.at = at;
        this.split = split;
    }

    @Override
    public long tryAcquire(long nowNanos) {
        long current = words.get(at);
        if (current == RETIRED) {
            return parts.tryAcquire(nowNanos);
        }
        long index = index(nowNanos, current);
        while (true) {
            if (current == RETIRED) {
                return parts.tryAcquire(nowNanos);
            }
            long wait = refusal(current, index, nowNanos);
            if (wait > 0) {
                return wait;
            }
            long next = index > (current >>> COUNT_BITS) ? (index << COUNT_BITS) | 1 : current + 1;
            long witness = words.compareAndExchange(at, current, next);
            if (witness == current) {
                return 0;
            }
            current = split > 0 ? split(witness) : witness;
        }
    }

    @Override
    long waitNanos(long nowNanos) {
        long current = words.get(at);
        return current == RETIRED ? parts.waitNanos(nowNanos) : refusal(current, index(nowNanos, current), nowNanos);
    }

    /**
     * The index of the window of {@code nowNanos}: that of {@code current} when the time lies in it
     * (most calls: a multiplication and two comparisons), else by a division.
     */
    private long index(long nowNanos, long current) {
        long sinceStart = nowNanos - start(current >>> COUNT_BITS);
        return sinceStart >= 0 && sinceStart < window ? current >>> COUNT_BITS : Math.floorDiv(nowNanos - origin, window);
    }

    /** Splits the limiter now, as its first contention would (tests); false when it does not split or already has. */
    boolean splitAt(long nowNanos) {
        long current = words.get(at);
        return split > 0 && current != RETIRED && split(current) == RETIRED;
    }

    /** Whether the limiter has split into parts. */
    boolean isSplit() {
        return words.get(at) == RETIRED;
    }

    /**
     * After a failed exchange that found {@code witness}: splits the limiter unless another call
     * did or is doing so. Returns {@link #RETIRED} when this call split it, else the witness.
     */
    private long split(long witness) {
        if (witness == RETIRED || parts != null) {
            return witness;
        }
        AtomicLongArray partWords = LimiterParts.words(split);
        FixedWindowLimiter[] pieces = new FixedWindowLimiter[split];
        for (int i = 0; i < split; i++) {
            int partLimit = limit / split + (i < limit % split ? 1 : 0);
            pieces[i] = new FixedWindowLimiter(origin, window, partLimit, partWords, LimiterParts.slot(i), 0);
        }
        if (!PARTS.compareAndSet(this, null, new LimiterParts(pieces))) {
            return witness;
        }
        long current = witness;
        while (true) {
            share(pieces, current);
            long seen = words.compareAndExchange(at, current, RETIRED);
            if (seen == current) {
                return RETIRED;
            }
            current = seen;
        }
    }

    /** Gives the parts, together, what window k of {@code state} has left, each at most its own limit. */
    private void share(FixedWindowLimiter[] pieces, long state) {
        long index = state >>> COUNT_BITS;
        long left = limit - (state & COUNT_MASK);
        for (FixedWindowLimiter piece : pieces) {
            long given = Math.min(piece.limit, left);
            left -= given;
            piece.words.set(piece.at, (index << COUNT_BITS) | (piece.limit - given));
        }
    }

    /** 0 when a call in window {@code index} may be admitted against {@code current}; else the wait. */
    private long refusal(long current, long index, long nowNanos) {
        long currentIndex = current >>> COUNT_BITS;
        if (index > currentIndex) {
            return 0;
        }
        if (index < currentIndex) {
            return start(currentIndex) - nowNanos;
        }
        return (current & COUNT_MASK) < limit ? 0 : start(currentIndex + 1) - nowNanos;
    }

    private long start(long index) {
        return origin + index * window;
    }
}
