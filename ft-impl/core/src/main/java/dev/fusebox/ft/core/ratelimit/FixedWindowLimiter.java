package dev.fusebox.ft.core.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

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
 */
final class FixedWindowLimiter extends RateLimiter {

    private static final int COUNT_BITS = 20;
    private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

    private final long origin;
    private final long window;
    private final int limit;
    /** (window index << 20) | calls admitted in it. */
    private final AtomicLong state = new AtomicLong();

    FixedWindowLimiter(RateLimitPolicy policy, long originNanos) {
        this.origin = originNanos;
        this.window = policy.windowNanos();
        this.limit = policy.limit();
    }

    @Override
    public long tryAcquire(long nowNanos) {
        long index = Math.floorDiv(nowNanos - origin, window);
        long current = state.get();
        while (true) {
            long wait = refusal(current, index, nowNanos);
            if (wait > 0) {
                return wait;
            }
            long next = index > (current >>> COUNT_BITS) ? (index << COUNT_BITS) | 1 : current + 1;
            long witness = state.compareAndExchange(current, next);
            if (witness == current) {
                return 0;
            }
            current = witness;
        }
    }

    @Override
    long waitNanos(long nowNanos) {
        return refusal(state.get(), Math.floorDiv(nowNanos - origin, window), nowNanos);
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
