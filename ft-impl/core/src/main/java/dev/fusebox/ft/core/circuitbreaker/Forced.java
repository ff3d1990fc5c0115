package dev.fusebox.ft.core.circuitbreaker;

/**
 * An operator's decision that a breaker stays in one state whatever its calls do, until released,
 * reset or expired. Immutable.
 *
 * @param state      OPEN (every call fails fast) or CLOSED (every call goes through)
 * @param by         who forced it: an authenticated principal or the calling code
 * @param reason     why, as the operator wrote it; never blank
 * @param sinceNanos when it was forced, by the breaker's ticker
 * @param untilNanos when it runs out by the breaker's ticker, or {@link Long#MAX_VALUE} for never
 */
public record Forced(CircuitState state, String by, String reason, long sinceNanos, long untilNanos) {

    public static final long NEVER = Long.MAX_VALUE;

    public Forced {
        if (state != CircuitState.OPEN && state != CircuitState.CLOSED) {
            throw new IllegalArgumentException("a circuit can be forced OPEN or CLOSED, not " + state);
        }
        if (by == null || by.isBlank()) {
            throw new IllegalArgumentException("forcing a circuit needs the name of who does it");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("forcing a circuit " + state + " needs a reason");
        }
    }

    /** Whether the forcing has run out at {@code now}. */
    public boolean expiredAt(long now) {
        return untilNanos != NEVER && now - untilNanos >= 0;
    }
}
