package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.Forced;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * When an operator's forcing runs out: never, a duration from the moment of the action, or an
 * instant. Parsed from what an operator typed (a refusal quotes at most an excerpt of it); turned
 * into an engine deadline per breaker. Immutable.
 */
final class Expiry {

    static final Expiry NEVER = new Expiry(null, null, "never");

    private final Duration after;
    private final Instant at;
    private final String text;

    private Expiry(Duration after, Instant at, String text) {
        this.after = after;
        this.at = at;
        this.text = text;
    }

    /**
     * Empty or null: never; an ISO-8601 duration ({@code PT30M}): that long from now; an ISO-8601
     * instant ({@code 2026-11-24T03:00:00Z}).
     *
     * @throws IllegalArgumentException for anything else, or a duration or instant not in the future
     */
    static Expiry parse(String text) {
        if (text == null || text.isBlank()) {
            return NEVER;
        }
        String trimmed = text.trim();
        if (trimmed.startsWith("P") || trimmed.startsWith("p") || trimmed.startsWith("-P")
                || trimmed.startsWith("-p")) {
            try {
                return after(Duration.parse(trimmed));
            } catch (DateTimeParseException e) {
                throw unreadable(text);
            }
        }
        Instant instant;
        try {
            instant = Instant.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw unreadable(text);
        }
        if (!instant.isAfter(Instant.now())) {
            throw new IllegalArgumentException("expiry " + trimmed + " is in the past; give a later instant,"
                    + " a duration like PT30M, or nothing for no expiry");
        }
        return new Expiry(null, instant, trimmed);
    }

    /** A duration from now; null means never. */
    static Expiry after(Duration duration) {
        if (duration == null) {
            return NEVER;
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("expiry duration " + duration + " is not in the future; give a"
                    + " positive duration like PT30M, or nothing for no expiry");
        }
        return new Expiry(duration, null, duration.toString());
    }

    /** The engine deadline by {@code clock}, {@link Forced#NEVER} for no expiry. */
    long deadline(TickerClock clock) {
        if (after != null) {
            return clock.deadline(after);
        }
        if (at != null) {
            return clock.deadline(at);
        }
        return Forced.NEVER;
    }

    private static IllegalArgumentException unreadable(String text) {
        return new IllegalArgumentException("expiry '" + OperatorInput.excerpt(text, OperatorInput.QUOTED)
                + "' is not understood: give an ISO-8601 duration"
                + " (PT30M), an ISO-8601 instant (2026-11-24T03:00:00Z), or nothing for no expiry");
    }

    @Override
    public String toString() {
        return text;
    }
}
