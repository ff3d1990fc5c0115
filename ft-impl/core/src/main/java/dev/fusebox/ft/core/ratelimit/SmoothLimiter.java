package dev.fusebox.ft.core.ratelimit;

import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;

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
 *
 * <p>Split under contention ({@link LimiterParts}). When an exchange fails and the limit is large
 * enough, the limiter splits into P parts, each a SMOOTH limiter of its own with
 * {@code n = floor(N/P)} calls and an increment of {@code P*T}: together at most the burst N and
 * exactly the rate 1/T. The splitting call reads the state TAT and takes as its reference u the
 * later of its own time and {@code TAT - tau} (the first time the word admits again: a stale
 * clock must not hand out room the word no longer has). At u the word could still admit
 * {@code L = floor((tau - (s - u)) / T) + 1} calls, {@code s = max(TAT, u)}; the parts get L between
 * them as evenly as it goes (l_i differ by at most one, each at most n) by setting part i's TAT to
 * {@code u + (n - l_i)*P*T}. Then the call retires the word by an exchange from TAT to
 * {@code RETIRED} (again from the new TAT if another call was admitted meanwhile; only the call that
 * installed the parts retires it, and no call uses the parts before it reads {@code RETIRED}).
 *
 * <p>Why the interval bound N + x/T survives the split, for the calls with times in [a, a + x]:
 * those the word admitted took distinct slots, T apart, at least a and below TAT: at most
 * (TAT - a)/T of them, and at most N + x/T on the word's own bound. Part i admits at most
 * {@code floor((a + x - max(a, TAT_i)) / (P*T)) + n} (its own slot argument), which is at most
 * x/(P*T) + n, and at most {@code r_i = (a + x - u)/(P*T) + l_i} (with {@code max(a, TAT_i) >= TAT_i}).
 * Summed with the first: x/T + P*n, at most N + x/T, when the word admitted none of them. With the
 * second: the r_i differ by at most one, so when one is below 0 every part admits none (floor of
 * a value below 1) and the word's own bound holds; otherwise the parts admit at most
 * {@code (a + x - u)/T + L}, and with L at most N - (s - u)/T and TAT at most s the total is at most
 * N + x/T. A call refused by its thread's part tries every other part, so it is refused only when
 * no part could admit it (jcstress {@code RateLimitAdmissionTest.SmoothSplit}, stress
 * {@code RateLimitInvariantsTest}, which failed with the splitter's own time as u and parts filled
 * one after the other).
 */
final class SmoothLimiter extends RateLimiter {

    /** The state of a limiter that has split: below every TAT (TAT starts at 0 and only grows). */
    private static final long RETIRED = Long.MIN_VALUE;
    private static final AtomicReferenceFieldUpdater<SmoothLimiter, LimiterParts> PARTS =
            AtomicReferenceFieldUpdater.newUpdater(SmoothLimiter.class, LimiterParts.class, "parts");

    private final long origin;
    private final int limit;
    private final long increment;
    private final long tolerance;
    /** At {@code at}: the theoretical arrival time, nanoseconds from the origin; or {@link #RETIRED}. */
    private final AtomicLongArray words;
    private final int at;
    /** How many parts the limiter splits into at its first contention; 0: never. */
    private final int split;
    private volatile LimiterParts parts;

    SmoothLimiter(RateLimitPolicy policy, long originNanos, int split) {
        this(originNanos, policy.limit(), policy.incrementNanos(), new AtomicLongArray(1), 0, split);
    }

    private SmoothLimiter(long origin, int limit, long increment, AtomicLongArray words, int at, int split) {
        this.origin = origin;
        this.limit = limit;
        this.increment = increment;
        this.tolerance = (limit - 1) * increment;
        this.words = words;
        this.at = at;
        this.split = split;
    }

    @Override
    public long tryAcquire(long nowNanos) {
        long time = nowNanos - origin;
        long current = words.get(at);
        while (true) {
            if (current == RETIRED) {
                return parts.tryAcquire(nowNanos);
            }
            long start = Math.max(current, time);
            if (start - time > tolerance) {
                return start - tolerance - time;
            }
            long witness = words.compareAndExchange(at, current, start + increment);
            if (witness == current) {
                return 0;
            }
            current = split > 0 ? split(witness, time) : witness;
        }
    }

    @Override
    long waitNanos(long nowNanos) {
        long current = words.get(at);
        if (current == RETIRED) {
            return parts.waitNanos(nowNanos);
        }
        long time = nowNanos - origin;
        return Math.max(0, Math.max(current, time) - tolerance - time);
    }

    /** Splits the limiter now, as its first contention would (tests); false when it does not split or already has. */
    boolean splitAt(long nowNanos) {
        long current = words.get(at);
        return split > 0 && current != RETIRED && split(current, nowNanos - origin) == RETIRED;
    }

    /** Whether the limiter has split into parts. */
    boolean isSplit() {
        return words.get(at) == RETIRED;
    }

    /**
     * After a failed exchange that found {@code witness}, at {@code time} from the origin: splits
     * the limiter unless another call did or is doing so. Returns {@link #RETIRED} when this call
     * split it, else the witness.
     */
    private long split(long witness, long time) {
        if (witness == RETIRED || parts != null) {
            return witness;
        }
        AtomicLongArray partWords = LimiterParts.words(split);
        SmoothLimiter[] pieces = new SmoothLimiter[split];
        for (int i = 0; i < split; i++) {
            pieces[i] = new SmoothLimiter(origin, limit / split, increment * split, partWords, LimiterParts.slot(i), 0);
        }
        if (!PARTS.compareAndSet(this, null, new LimiterParts(pieces))) {
            return witness;
        }
        long current = witness;
        while (true) {
            share(pieces, current, time);
            long seen = words.compareAndExchange(at, current, RETIRED);
            if (seen == current) {
                return RETIRED;
            }
            current = seen;
        }
    }

    /**
     * Gives the parts, together, the calls {@code arrival} still admits at the reference time (the
     * later of {@code time} and the first time it admits again), as evenly as it goes.
     */
    private void share(SmoothLimiter[] pieces, long arrival, long time) {
        long reference = Math.max(time, arrival - tolerance);
        long left = (tolerance - (Math.max(arrival, reference) - reference)) / increment + 1;
        for (int i = 0; i < pieces.length; i++) {
            SmoothLimiter piece = pieces[i];
            long given = Math.min(piece.limit, left / pieces.length + (i < left % pieces.length ? 1 : 0));
            piece.words.set(piece.at, reference + (piece.limit - given) * piece.increment);
        }
    }
}
