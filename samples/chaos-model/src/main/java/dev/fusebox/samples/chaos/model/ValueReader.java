package dev.fusebox.samples.chaos.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the values of one line of an experiment file, each bounded, and fails with the file's name,
 * the line and what was expected. Not thread-safe; one per line.
 */
final class ValueReader {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,7})(ms|s)");
    private static final Pattern PERCENT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3})?)%");
    private static final Pattern RATE = Pattern.compile("(\\d{1,4})/s");

    private final String source;
    private final int line;
    private final String key;

    ValueReader(String source, int line, String key) {
        this.source = source;
        this.line = line;
        this.key = key;
    }

    ExperimentFileException error(String message) {
        return new ExperimentFileException(source, line, key + ": " + message);
    }

    /** A duration in milliseconds, written {@code 1500ms} or {@code 3s}, from {@code min} to {@code max} ms. */
    long millis(String text, long min, long max) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            throw error("'" + text + "' is not a duration; write it with its unit, e.g. 3s or 1500ms");
        }
        long millis = Long.parseLong(m.group(1)) * ("s".equals(m.group(2)) ? 1000 : 1);
        if (millis < min || millis > max) {
            throw error(text + " is out of range; it must be from " + shown(min) + " to " + shown(max));
        }
        return millis;
    }

    /** A duration in whole seconds, written {@code 20s}, from {@code min} to {@code max}. */
    int seconds(String text, int min, int max) {
        long millis = millis(text, min * 1000L, max * 1000L);
        if (millis % 1000 != 0) {
            throw error(text + " is not a whole number of seconds; the schedule counts whole seconds, e.g. 20s");
        }
        return (int) (millis / 1000);
    }

    /** A share written as a percentage, {@code 5%} or {@code 0.5%}, from 0 to 100 %; returned from 0 to 1. */
    double share(String text) {
        Matcher m = PERCENT.matcher(text);
        if (!m.matches()) {
            throw error("'" + text + "' is not a percentage; write it with %, e.g. 5% or 0.5%");
        }
        double percent = Double.parseDouble(m.group(1));
        if (percent > 100) {
            throw error(text + " is more than 100%");
        }
        return percent / 100;
    }

    /** A rate written {@code 30/s}, from {@code min} to {@code max} per second. */
    int rate(String text, int min, int max) {
        Matcher m = RATE.matcher(text);
        if (!m.matches()) {
            throw error("'" + text + "' is not a rate; write requests per second, e.g. 30/s");
        }
        int rate = Integer.parseInt(m.group(1));
        if (rate < min || rate > max) {
            throw error(text + " is out of range; it must be from " + min + "/s to " + max + "/s");
        }
        return rate;
    }

    /** Text matching {@code pattern}, at most {@code maxLength} characters; {@code shape} says what is expected. */
    String text(String text, Pattern pattern, int maxLength, String shape) {
        if (text.length() > maxLength) {
            throw error("longer than " + maxLength + " characters (" + text.length() + ")");
        }
        if (!pattern.matcher(text).matches()) {
            throw error("'" + text + "' is not " + shape);
        }
        return text;
    }

    private static String shown(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
    }
}
