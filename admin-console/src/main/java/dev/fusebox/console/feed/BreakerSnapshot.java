package dev.fusebox.console.feed;

import java.util.List;

/**
 * A circuit breaker as the console shows it: the latest reading, its rates, five minutes of rate
 * history, and the cause of the last state change the server announced.
 *
 * <p>Thread-safety: an immutable record (its history is a copy); safe on any thread.
 *
 * @param reading   the latest attributes
 * @param rates     rates between the last two polls
 * @param history   rates of the last five minutes (by default), oldest first
 * @param lastCause cause carried by the latest {@code State} notification, or of the latest
 *                  transition read; empty when none is known
 */
public record BreakerSnapshot(BreakerReading reading, RatePoint rates, List<RatePoint> history, String lastCause) {

    public BreakerSnapshot {
        history = List.copyOf(history);
        lastCause = lastCause == null ? "" : lastCause;
    }

    public MethodKey key() {
        return reading.key();
    }
}
