package dev.fusebox.ft.api;

/**
 * How a backoff's delay is randomized, so that clients that failed together do not retry together.
 * With {@code d} the backoff's delay for this retry (capped at its maximum), see docs/guards.md for
 * measurements. Immutable.
 */
public enum Jitter {

    /** Exactly {@code d}. */
    NONE,

    /**
     * Uniform in {@code [0, d]}: the default, because it spreads synchronized clients the most and
     * so does the least total work in the well-known simulations, and needs no state.
     */
    FULL,

    /** {@code d/2} plus uniform in {@code [0, d/2]}: never less than half the delay. */
    EQUAL,

    /**
     * Uniform in {@code [initial, 3 * previous]}, capped at the maximum: each delay grows from the
     * one drawn before it rather than from the retry number.
     */
    DECORRELATED
}
