package dev.fusebox.ft.core.retry;

import java.util.Objects;

/**
 * Waits that grow by a factor: the policy's delay d first, then d*factor, d*factor^2, ..., each
 * capped at maxDelay, then randomised by the jitter kind ({@link GrowingDelays} has the formulas;
 * FULL is the default the CDI layer gives). The growth saturates at Long.MAX_VALUE, so unlimited
 * retries never overflow; a delay of 0 gives waits of 0. The specification's additive jitter of the
 * policy does not apply. Immutable; each call's state is made at its first retry.
 *
 * @param factor        the growth per retry, at least 1
 * @param maxDelayNanos the largest wait, at least the policy's delay; 0 for no cap
 * @param jitter        how the waits are randomised
 */
public record ExponentialBackoff(int factor, long maxDelayNanos, Jitter jitter) implements Backoff {

    public ExponentialBackoff {
        if (factor < 1) {
            throw new IllegalArgumentException("factor must be 1 or more: " + factor);
        }
        if (maxDelayNanos < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative (0 for no cap): " + maxDelayNanos);
        }
        Objects.requireNonNull(jitter, "jitter");
    }

    @Override
    public RetryDelays start(RetryPolicy policy) {
        return new Delays(policy.delayNanos(), factor, maxDelayNanos, jitter);
    }

    /** One call's waits: d, d*factor, d*factor^2, ... saturating. Not thread-safe. */
    private static final class Delays extends GrowingDelays {
        private final int factor;
        private long next;

        Delays(long initial, int factor, long maxDelayNanos, Jitter jitter) {
            super(initial, maxDelayNanos, jitter);
            this.factor = factor;
            this.next = initial;
        }

        @Override
        long grow() {
            long current = next;
            next = current > Long.MAX_VALUE / factor ? Long.MAX_VALUE : current * factor;
            return current;
        }
    }
}
