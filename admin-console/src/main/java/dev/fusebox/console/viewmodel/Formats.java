package dev.fusebox.console.viewmodel;

import dev.fusebox.ft.management.StateTransition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * How numbers, durations and times read in the console.
 *
 * <p>Thread-safety: stateless (its formatters are immutable); safe on any thread.
 */
public final class Formats {

    /** What a rate shows while its JVM is not connected: no number that could pass for a live one. */
    public static final String NOT_LIVE = "\u2014";
    /** What a value shows when there is none to show (an open breaker whose tripping ratio is not known). */
    public static final String NONE = "\u2014";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Formats() {
    }

    /** {@code 45 s}, {@code 3 min 12 s}, {@code 2 h 05 min}, {@code 3 d 04 h}. */
    public static String duration(long millis) {
        long s = Math.max(0, millis) / 1000;
        if (s < 60) {
            return s + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%d d %02d h", s / 86_400, s % 86_400 / 3600);
    }

    /** {@code 1 trial in flight}, {@code 2 trials in flight}. */
    public static String trialsInFlight(int trials) {
        return trials + (trials == 1 ? " trial" : " trials") + " in flight";
    }

    public static String clock(long epochMillis) {
        return CLOCK.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String dateTime(long epochMillis) {
        return DATE_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** A setting's length: {@code 250 ms}, {@code 1 s}, {@code 1.5 s}, {@code 2 min}. */
    public static String millis(long millis) {
        if (millis >= 60_000 && millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis >= 1000 && millis % 100 == 0) {
            return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return millis + " ms";
    }

    /** {@code 0.6} as {@code 60 %}. */
    public static String percent(double ratio) {
        return Math.round(ratio * 100) + " %";
    }

    /** An automatic opening: {@code 60 % at 12:03:04}, the window's failure ratio that tripped it and when. */
    public static String trip(StateTransition opening) {
        return percent(opening.failureRatio()) + " at " + clock(opening.atEpochMillis());
    }

    /** {@code 12.3/s}, {@code 0/s}. */
    public static String rate(double perSecond) {
        if (perSecond == 0) {
            return "0/s";
        }
        return (perSecond >= 100 ? String.format(Locale.ROOT, "%.0f", perSecond)
                : String.format(Locale.ROOT, "%.1f", perSecond)) + "/s";
    }

    /**
     * An operator's expiry as the management API takes it: empty (no expiry), an ISO-8601 duration
     * or instant as is, or a shorthand {@code 45s}, {@code 30m}, {@code 2h}, {@code 1d} turned into
     * a duration.
     *
     * @throws IllegalArgumentException with the sentence to show when it is none of these
     */
    public static String expiry(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return "";
        }
        if (t.matches("\\d+[smhdSMHD]")) {
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            char unit = Character.toLowerCase(t.charAt(t.length() - 1));
            Duration d = switch (unit) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            return positive(d).toString();
        }
        try {
            positive(Duration.parse(t));
            return t.toUpperCase(Locale.ROOT);
        } catch (DateTimeParseException e) {
            // not a duration; maybe an instant
        }
        try {
            Instant.parse(t);
            return t;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "expiry must be empty, like 30m / 2h / PT30M, or an instant like 2026-11-24T03:00:00Z");
        }
    }

    private static Duration positive(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("expiry must be in the future");
        }
        return d;
    }
}
