package dev.fusebox.console.feed;

/**
 * The health of one connection as the operator sees it.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param phase          where the connection is
 * @param reason         why it is not connected; for CONNECTED empty, or why it looks stuck
 * @param retryInSeconds for RECONNECTING: whole seconds until the next attempt
 * @param attempt        failed attempts since the connection was last up
 */
public record ConnectionState(Phase phase, String reason, long retryInSeconds, int attempt) {

    /** The phases of a connection. */
    public enum Phase {
        /** First attempt under way. */
        CONNECTING,
        /** Up: polls and notifications flow. */
        CONNECTED,
        /** Down and not retrying (closed by the operator, or the login was refused). */
        DISCONNECTED,
        /** Down; the next attempt is scheduled. */
        RECONNECTING
    }

    public ConnectionState {
        reason = reason == null ? "" : reason;
    }

    public static ConnectionState connecting() {
        return new ConnectionState(Phase.CONNECTING, "", 0, 0);
    }

    public static ConnectionState connected() {
        return new ConnectionState(Phase.CONNECTED, "", 0, 0);
    }

    /** Connected, but a call has been running for {@code seconds}: the JVM may be hung or paused. */
    public static ConnectionState notAnswering(long seconds) {
        return new ConnectionState(Phase.CONNECTED, "not answering for " + seconds + " s", 0, 0);
    }

    public static ConnectionState disconnected(String reason) {
        return new ConnectionState(Phase.DISCONNECTED, reason, 0, 0);
    }

    public static ConnectionState reconnecting(String reason, long retryInSeconds, int attempt) {
        return new ConnectionState(Phase.RECONNECTING, reason, retryInSeconds, attempt);
    }

    public boolean isConnected() {
        return phase == Phase.CONNECTED;
    }

    /** One line for the fleet table, e.g. {@code DISCONNECTED (Connection refused), RECONNECTING in 4 s}. */
    public String describe() {
        return switch (phase) {
            case CONNECTING -> "CONNECTING";
            case CONNECTED -> reason.isEmpty() ? "CONNECTED" : "CONNECTED, but " + reason;
            case DISCONNECTED -> "DISCONNECTED (" + reason + ")";
            case RECONNECTING -> retryInSeconds > 0
                    ? "DISCONNECTED (" + reason + "), RECONNECTING in " + retryInSeconds + " s"
                    : "DISCONNECTED (" + reason + "), RECONNECTING now (attempt " + (attempt + 1) + ")";
        };
    }
}
