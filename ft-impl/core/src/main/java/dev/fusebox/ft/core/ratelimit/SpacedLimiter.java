package dev.fusebox.ft.core.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Min spacing: no admitted call closer than S to the previous admitted one, on top of a window
 * kind's own limiter.
 *
 * <p>What it does to refused calls: nothing stays. A call refused for spacing writes nothing; a
 * call that passes the spacing but is refused by the window gives the spacing back, so the next
 * call is spaced from the last admitted call, not from a refused one (SmallRye, by contrast,
 * moves its spacing mark on every call, refused ones too). A refusal for spacing answers the
 * larger of the spacing's wait and the window's ({@link RateLimiter#waitNanos}), so a caller that
 * waits the answer is not refused again at once by the window.
 *
 * <p>Implementation notes. {@code lastAdmitted} holds the time (from the origin) of the last call
 * that passed the spacing. A call at t passes when {@code t >= last + S} and then claims the mark
 * by a compare-and-exchange from last to t; only then asks the window (two gates, spacing first).
 * Refused by the window, it sets the mark back from t to last by a compare-and-set, which succeeds
 * exactly when no other call claimed the mark since (a later claim installs a value at least S
 * above t, and every give-back restores the value its claim replaced, so the mark is never t
 * again after another claim). Invariant: the times of admitted calls, in the order of their
 * claims, rise by at least S each, so sorted they are at least S apart. Linearization point of an
 * admission: the window's; the claim comes first. The harmless race: while a call holds the mark
 * between its claim and its give-back, another call may be refused for spacing from the refused
 * call's time: it only ever under-admits, and only while two calls overlap; decided one at a time
 * (virtual time, shadow replay) refused calls leave no trace. Lock-free: an exchange fails only
 * when another call claimed or gave back the mark. Checked by jcstress
 * {@code RateLimitAdmissionTest.SpacingGiveBack} (two refused calls racing to claim and give back)
 * and stress {@code RateLimitInvariantsTest} (admitted calls at least S apart).
 */
final class SpacedLimiter extends RateLimiter {

    /** The mark before any call: long before any time (no overflow: times stay far from it). */
    private static final long NEVER = Long.MIN_VALUE / 2;

    private final RateLimiter window;
    private final long spacing;
    private final long origin;
    private final AtomicLong lastAdmitted = new AtomicLong(NEVER);

    SpacedLimiter(RateLimiter window, long spacingNanos, long originNanos) {
        this.window = window;
        this.spacing = spacingNanos;
        this.origin = originNanos;
    }

    @Override
    public long tryAcquire(long nowNanos) {
        long time = nowNanos - origin;
        long last = lastAdmitted.get();
        while (true) {
            long wait = last + spacing - time;
            if (wait > 0) {
                return Math.max(wait, window.waitNanos(nowNanos));
            }
            long witness = lastAdmitted.compareAndExchange(last, time);
            if (witness == last) {
                break;
            }
            last = witness;
        }
        long refused = window.tryAcquire(nowNanos);
        if (refused != 0) {
            lastAdmitted.compareAndSet(time, last); // give the spacing back (notes)
        }
        return refused;
    }

    @Override
    long waitNanos(long nowNanos) {
        return Math.max(Math.max(0, lastAdmitted.get() + spacing - (nowNanos - origin)), window.waitNanos(nowNanos));
    }
}
