package dev.fusebox.console.connect;

import java.time.Duration;

/**
 * Timing of the connection layer.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param pollInterval     time between two polls of a connected JVM
 * @param reconnectInitial wait before the first reconnection attempt
 * @param reconnectMax     the longest wait between attempts (the wait doubles up to it)
 * @param stallAfter       a call to a connected JVM still running after this long shows the JVM as
 *                         not answering
 */
public record ConsoleSettings(Duration pollInterval, Duration reconnectInitial, Duration reconnectMax,
                              Duration stallAfter) {

    /** With the default stall threshold of 5 seconds. */
    public ConsoleSettings(Duration pollInterval, Duration reconnectInitial, Duration reconnectMax) {
        this(pollInterval, reconnectInitial, reconnectMax, Duration.ofSeconds(5));
    }

    /** Polls every second; reconnects after 1, 2, 4, ... up to 30 seconds; stalled after 5 seconds. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** The wait before attempt number {@code failedAttempts} (1 for the first retry). */
    public long reconnectDelayMillis(int failedAttempts) {
        long delay = reconnectInitial.toMillis();
        for (int i = 1; i < failedAttempts && delay < reconnectMax.toMillis(); i++) {
            delay *= 2;
        }
        return Math.min(delay, reconnectMax.toMillis());
    }
}
