package dev.fusebox.ft.core.retry;

import java.util.Objects;

/**
 * Waits that grow along the Fibonacci numbers: the policy's delay d first, then 2d, 3d, 5d, 8d, ...
 * (each the sum of the two before; the same start as SmallRye's), each capped at maxDelay, then
 * randomised by the jitter kind ({@link GrowingDelays} has the formulas). The growth saturates at
 * Long.MAX_VALUE; the specification's additive jitter of the policy does not apply. Immutable; each
 * call's state is made at its first retry.
 *
 * @param maxDelayNanos the largest wait, at least the policy's delay; 0 for no cap
 * @param jitter        how the waits are randomised
 */
public record FibonacciBackoff(long maxDelayNanos, Jitter jitter) implements Backoff {

    public FibonacciBackoff {
        if (maxDelayNanos < 0) {
            throw new IllegalArgumentException("maxDelay must not be negative (0 for no cap): " + maxDelayNanos);
        }
        Objects.requireNonNull(jitter, "jitter");
    }

    @Override
    public RetryDelays start(RetryPolicy policy) {
        return new Delays(policy.delayNanos(), maxDelayNanos, jitter);
    }

    /** One call's waits: d, 2d, 3d, 5d, 8d, ... saturating. Not thread-safe. */
    private static final class Delays extends GrowingDelays {
        private long next;
        private long afterNext;

        Delays(long initial, long maxDelayNanos, Jitter jitter) {
            super(initial, maxDelayNanos, jitter);
            this.next = initial;
            this.afterNext = RetryPolicy.saturatedSum(initial, initial);
        }

        @Override
        long grow() {
            long current = next;
            next = afterNext;
            afterNext = RetryPolicy.saturatedSum(current, afterNext);
            return current;
        }
    }
}
