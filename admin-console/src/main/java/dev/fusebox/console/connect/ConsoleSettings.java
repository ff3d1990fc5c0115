package dev.fusebox.console.connect;

import java.time.Duration;

/**
 * Timing of the connection layer.
 *
 * @param pollInterval     time between two polls of a connected JVM
 * @param reconnectInitial wait before the first reconnection attempt
 * @param reconnectMax     the longest wait between attempts (the wait doubles up to it)
 */
public record ConsoleSettings(Duration pollInterval, Duration reconnectInitial, Duration reconnectMax) {

    /** Polls every second; reconnects after 1, 2, 4, ... up to 30 seconds. */
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
