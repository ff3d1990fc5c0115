package dev.fusebox.ft.core.ratelimit;

import dev.fusebox.ft.core.time.Ticker;
import java.util.concurrent.atomic.LongAdder;

/**
 * The rate limit of one guarded method (or guard): its policy, its limiter, whether it enforces
 * or only counts (shadow mode, switchable at run time), and its counts. The steps and management
 * share one instance. Thread-safe.
 *
 * <p>Shadow mode runs the very same decision as enforcing and lets a refused call through
 * without it taking anything from the limiter (a refused call never does), so the limiter's
 * state, and every later decision, are those an enforcing limit would have had for the same
 * arrivals. The switch is a volatile flag read once per call; a call decided just before a switch
 * keeps the mode it was decided in. The policy is fixed for the object's life (no live
 * reconfiguration: a new policy means a new RateLimit).
 */
public final class RateLimit {

    private final String name;
    private final RateLimitPolicy policy;
    private final RateLimiter limiter;
    private volatile boolean shadow;
    private final LongAdder permitted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder wouldReject = new LongAdder();

    /** An enforcing rate limit whose windows start at {@code originNanos} (a reading of the steps' ticker). */
    public RateLimit(String name, RateLimitPolicy policy, long originNanos) {
        this(name, policy, RateLimiter.create(policy, originNanos));
    }

    /** A rate limit deciding with {@code limiter}, made for {@code policy} (tests, which split small limits). */
    RateLimit(String name, RateLimitPolicy policy, RateLimiter limiter) {
        this.name = name;
        this.policy = policy;
        this.limiter = limiter;
    }

    public String name() {
        return name;
    }

    public RateLimitPolicy policy() {
        return policy;
    }

    /** Whether refusals are only counted (true) or made (false). */
    public boolean isShadow() {
        return shadow;
    }

    /** Switches between enforcing (false) and shadow mode (true); takes effect with the next call. */
    public void setShadow(boolean shadow) {
        this.shadow = shadow;
    }

    /**
     * Decides about a call now, reading {@code ticker}, and counts the decision, as
     * {@link #acquire(long)} does; a refusal is decided once more on a fresh reading when the clock
     * has moved since the first. A reading goes stale between the clock and the limiter when the
     * thread is preempted, or when another call moves the limiter past it (a fixed window refuses a
     * call read in a window it has left; a smooth one a call read longer ago than its tolerance):
     * the fresh reading refuses only a limit that is really used up. A refusal writes nothing, so
     * deciding again is safe; the second reading costs a clock read on the refusal path only.
     */
    public long acquire(Ticker ticker) {
        long now = ticker.nanoTime();
        long wait = limiter.tryAcquire(now);
        if (wait != 0) {
            long later = ticker.nanoTime();
            if (later != now) {
                wait = limiter.tryAcquire(later);
            }
        }
        return counted(wait);
    }

    /**
     * Decides about a call at {@code nowNanos} and counts the decision: 0 when admitted; more than
     * 0 when refused (the nanoseconds until a call could be admitted, see
     * {@link RateLimiter#tryAcquire}); less than 0 when the limiter refused it but shadow mode lets
     * it through (the negated wait).
     */
    public long acquire(long nowNanos) {
        return counted(limiter.tryAcquire(nowNanos));
    }

    private long counted(long wait) {
        if (wait == 0) {
            permitted.increment();
            return 0;
        }
        if (shadow) {
            wouldReject.increment();
            return -wait;
        }
        rejected.increment();
        return wait;
    }

    /** Calls admitted so far. */
    public long permitted() {
        return permitted.sum();
    }

    /** Calls refused so far (while enforcing). */
    public long rejected() {
        return rejected.sum();
    }

    /** Calls refused by the limiter while in shadow mode, and let through. */
    public long wouldReject() {
        return wouldReject.sum();
    }

    public RateLimitSnapshot snapshot() {
        return new RateLimitSnapshot(name, policy, shadow, permitted(), rejected(), wouldReject());
    }
}
