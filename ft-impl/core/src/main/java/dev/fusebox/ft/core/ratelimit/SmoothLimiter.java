package dev.fusebox.ft.core.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * SMOOTH: a steady rate of N calls per W with bursts of up to N, by the generic cell rate
 * algorithm (GCRA, virtual-scheduling form) on one long.
 *
 * <p>Implementation notes. Each admitted call uses up an increment {@code T = ceil(W/N)} of time
 * (rounded up, so the rate never exceeds N per W). The state is the theoretical arrival time TAT
 * (nanoseconds from the origin): the time at which the calls admitted so far would all have been
 * paid off. A call at t (from the origin) is admitted when {@code max(TAT, t) - t <= tau}, with
 * tolerance {@code tau = (N - 1) * T}; TAT then becomes {@code max(TAT, t) + T}. Refused, it waits
 * {@code max(TAT, t) - tau - t}, exactly the time until it would pass.
 *
 * <p>Burst: N. TAT starts at the origin, so a fresh limiter is as full as one idle for a window:
 * N calls at once pass (SmallRye's smooth window starts with one permit and fills to N), then one
 * per T. The bound this gives: at most {@code N + floor(x / T)} admitted calls in any interval of
 * length x (so up to 2N in a W-interval right after idle time; 1 per T in steady overload). It
 * holds whatever the order in which threads with different clock readings reach the state: the
 * k-th admission among calls with times in {@code [a, a + x]} found TAT at least
 * {@code a + (k - 1) * T} and needed {@code TAT - t <= tau} with {@code t <= a + x}.
 *
 * <p>Invariant: TAT never decreases, and moves by at least T with each admission. Linearization
 * point of an admission: its successful compare-and-exchange; of a refusal: the read or failed
 * exchange whose value it was decided on. A refusal writes nothing (SmallRye's smooth window does
 * the same). Lock-free: an exchange fails only when another call was admitted. Checked by jcstress
 * {@code RateLimitAdmissionTest.SmoothBurstOfTwo} (exactly the burst at one instant) and stress
 * {@code RateLimitInvariantsTest} (the interval bound).
 */
final class SmoothLimiter extends RateLimiter {

    private final long origin;
    private final long increment;
    private final long tolerance;
    /** Theoretical arrival time, nanoseconds from the origin. */
    private final AtomicLong arrival = new AtomicLong();

    SmoothLimiter(RateLimitPolicy policy, long originNanos) {
        this.origin = originNanos;
        this.increment = policy.incrementNanos();
        this.tolerance = (policy.limit() - 1) * increment;
    }

    @Override
    public long tryAcquire(long nowNanos) {
        long time = nowNanos - origin;
        long current = arrival.get();
        while (true) {
            long start = Math.max(current, time);
            if (start - time > tolerance) {
                return start - tolerance - time;
            }
            long witness = arrival.compareAndExchange(current, start + increment);
            if (witness == current) {
                return 0;
            }
            current = witness;
        }
    }

    @Override
    long waitNanos(long nowNanos) {
        long time = nowNanos - origin;
        return Math.max(0, Math.max(arrival.get(), time) - tolerance - time);
    }
}
