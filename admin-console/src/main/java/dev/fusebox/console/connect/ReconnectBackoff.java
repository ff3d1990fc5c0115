package dev.fusebox.console.connect;

import dev.fusebox.console.feed.ConnectionState;

/**
 * How long a connection waits before it tries again, and what it says meanwhile: the wait doubles
 * from {@link ConsoleSettings#reconnectInitial()} up to {@link ConsoleSettings#reconnectMax()} with
 * every failed attempt, and starts again after a success or an operator's "reconnect now".
 *
 * <p>Thread-safety: not thread-safe; confined to its connection's worker thread.
 */
final class ReconnectBackoff {

    private final ConsoleSettings settings;
    private int failedAttempts;
    private String lastReason = "";

    ReconnectBackoff(ConsoleSettings settings) {
        this.settings = settings;
    }

    /** What to show while an attempt runs: "CONNECTING" at first, else "RECONNECTING" with the last reason. */
    ConnectionState attempting() {
        return failedAttempts == 0 ? ConnectionState.connecting()
                : ConnectionState.reconnecting(lastReason, 0, failedAttempts);
    }

    /** An attempt succeeded, or the operator asked for one now: the next failure waits the shortest time. */
    void reset() {
        failedAttempts = 0;
    }

    /** An attempt failed (or a connection was lost) for {@code reason}: when to try again. */
    long failed(String reason, long nowMillis) {
        lastReason = reason;
        failedAttempts++;
        return nowMillis + settings.reconnectDelayMillis(failedAttempts);
    }

    /** "RECONNECTING in n s", for {@code remainingMillis} (positive) before the next attempt. */
    ConnectionState waiting(long remainingMillis) {
        return ConnectionState.reconnecting(lastReason, (remainingMillis + 999) / 1000, failedAttempts);
    }
}
