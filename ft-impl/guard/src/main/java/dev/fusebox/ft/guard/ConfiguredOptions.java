package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.RateLimitType;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the overrides of one guard's options from its {@link GuardOverrides}, by key
 * {@code <guard>/<Policy>/<parameter>}, and parses them: whole numbers, decimals, {@code true} or
 * {@code false}, enum constants by their exact names (a rate limit type, an algorithm, a priority),
 * and times as milliseconds ({@code 500}) or ISO-8601 durations ({@code PT0.5S}). A value that
 * does not parse is refused naming its key. Values longer than {@value #MAX_VALUE} characters are
 * refused unread. Not thread-safe: the building thread's.
 */
final class ConfiguredOptions {

    static final int MAX_VALUE = 64;

    private final String guard;
    private final GuardOverrides source;

    ConfiguredOptions(String guard, GuardOverrides source) {
        this.guard = guard;
        this.source = source;
    }

    private Optional<String> raw(String policy, String parameter) {
        String key = guard + "/" + policy + "/" + parameter;
        String value = source.value(key);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        if (value.length() > MAX_VALUE) {
            throw new IllegalArgumentException("the configured value of " + key + " is " + value.length()
                    + " characters; at most " + MAX_VALUE + " are read");
        }
        return Optional.of(value.trim());
    }

    /** Whether {@code <guard>/<policy>/enabled} turns the policy off. */
    boolean disabled(String policy) {
        return !bool(policy, "enabled").orElse(true);
    }

    Optional<Integer> integer(String policy, String parameter) {
        return raw(policy, parameter).map(value -> {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw refused(policy, parameter, value, "a whole number");
            }
        });
    }

    Optional<Double> decimal(String policy, String parameter) {
        return raw(policy, parameter).map(value -> {
            try {
                return Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw refused(policy, parameter, value, "a number");
            }
        });
    }

    Optional<Boolean> bool(String policy, String parameter) {
        return raw(policy, parameter).map(value -> {
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw refused(policy, parameter, value, "true or false");
            }
            return Boolean.parseBoolean(value);
        });
    }

    Optional<Duration> duration(String policy, String parameter) {
        return raw(policy, parameter).map(value -> {
            try {
                return value.startsWith("P") || value.startsWith("p") ? Duration.parse(value)
                        : Duration.ofMillis(Long.parseLong(value));
            } catch (NumberFormatException | DateTimeParseException e) {
                throw refused(policy, parameter, value, "milliseconds or an ISO-8601 duration such as PT0.5S");
            }
        });
    }

    Optional<RateLimitType> type(String policy, String parameter) {
        return raw(policy, parameter).map(value -> {
            try {
                return RateLimitType.valueOf(value);
            } catch (IllegalArgumentException e) {
                throw refused(policy, parameter, value, "FIXED, ROLLING or SMOOTH");
            }
        });
    }

    /** One of {@code type}'s constants, by its exact name. */
    <E extends Enum<E>> Optional<E> choice(String policy, String parameter, Class<E> type) {
        return raw(policy, parameter).map(value -> {
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                throw refused(policy, parameter, value, "one of " + Arrays.stream(type.getEnumConstants())
                        .map(Enum::name).collect(Collectors.joining(", ")));
            }
        });
    }

    private IllegalArgumentException refused(String policy, String parameter, String value, String wanted) {
        return new IllegalArgumentException("the configured value of " + guard + "/" + policy + "/" + parameter
                + " is not " + wanted + ": " + value);
    }
}
