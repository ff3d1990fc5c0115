package dev.fusebox.ft.api;

import java.time.Duration;

/**
 * Computes the waits between the attempts of one guarded call, for {@link CustomBackoff}. One
 * instance serves one call only, from its first failure to its end, so it may keep state without
 * synchronization. It must be cheap to make and must not block.
 */
public interface CustomBackoffStrategy {

    /** Called once, before the first wait, with the retry's {@code delay}. */
    default void init(Duration initialDelay) {
    }

    /**
     * The wait before the next retry; zero or more.
     *
     * @param cause the failure that made the retry, or null when a result did ({@link RetryWhen})
     */
    Duration nextDelay(Throwable cause);
}
