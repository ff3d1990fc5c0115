package dev.fusebox.ft.core.invocation;

/**
 * What an open-circuit rejection needs of the breaker that made it: its name, and, only when an
 * application asks, how long it goes on rejecting. Handing the breaker itself to
 * {@link Rejections#circuitOpen} keeps failing fast at one small object and no clock read.
 * Implementations are thread-safe.
 */
public interface RejectingBreaker {

    /** The breaker's name (the guarded method's). */
    String name();

    /**
     * How long the circuit goes on rejecting, in nanoseconds, read now: {@link Long#MAX_VALUE} for an
     * operator's forcing without end, 0 when it is not open.
     */
    long remainingOpenNanos();
}
