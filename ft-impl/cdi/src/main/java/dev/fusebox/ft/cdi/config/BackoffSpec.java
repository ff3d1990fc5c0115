package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.api.CustomBackoffStrategy;
import dev.fusebox.ft.api.Jitter;

/**
 * A resolved backoff of a retry: {@code @ExponentialBackoff}, {@code @FibonacciBackoff} or
 * {@code @CustomBackoff}. The first wait is the retry's delay. Thread-safety: immutable.
 *
 * @param factor        how much each wait grows (exponential only; 0 otherwise)
 * @param maxDelayNanos the longest wait before jitter; 0 for no cap (not for custom)
 * @param strategy      the application's strategy class (custom only; null otherwise)
 */
public record BackoffSpec(Kind kind, int factor, long maxDelayNanos, Jitter jitter,
                          Class<? extends CustomBackoffStrategy> strategy) {

    /** Which backoff annotation. Immutable. */
    public enum Kind { EXPONENTIAL, FIBONACCI, CUSTOM }
}
