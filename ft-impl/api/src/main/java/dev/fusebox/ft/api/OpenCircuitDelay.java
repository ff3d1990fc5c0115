package dev.fusebox.ft.api;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@code CircuitBreakerOpenException} thrown by Fusebox also tells: how long its circuit
 * goes on rejecting calls, e.g. for an HTTP {@code Retry-After} header. Every open-circuit
 * rejection Fusebox throws implements it; test with {@code instanceof}:
 * <pre>{@code
 * if (e instanceof OpenCircuitDelay open) {
 *     open.remainingOpenDelay().ifPresent(left -> response.header("Retry-After", ...));
 * }
 * }</pre>
 * The delay is read when asked, not when the call was rejected (failing fast reads no clock), so
 * ask once, right away. Thread-safe.
 */
public interface OpenCircuitDelay {

    /**
     * The rest of the circuit's delay (zero once it elapsed: the next call may be a trial), the
     * rest of an operator's forcing open, or empty when an operator forced it open with no end
     * (nobody can say when it closes). Zero as well when a half-open circuit turned the call away
     * because its trial calls were all taken.
     */
    Optional<Duration> remainingOpenDelay();
}
