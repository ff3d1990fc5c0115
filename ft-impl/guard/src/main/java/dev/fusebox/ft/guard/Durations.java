package dev.fusebox.ft.guard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Checks of the values a guard's options take, with messages that name the guard and the option. Stateless. */
final class Durations {

    private Durations() {
    }

    /** {@code value} in nanoseconds, saturated at Long.MAX_VALUE; refused when null or negative. */
    static long nanos(String option, Duration value) {
        Objects.requireNonNull(value, option + " must not be null");
        if (value.isNegative()) {
            throw new IllegalArgumentException(option + " must not be negative: " + value);
        }
        try {
            return value.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** The throwable types of {@code types}; refused when one is null or not a Throwable. */
    static List<Class<? extends Throwable>> throwables(String option, Class<?>... types) {
        Objects.requireNonNull(types, option + " must not be null");
        List<Class<? extends Throwable>> checked = new ArrayList<>(types.length);
        for (Class<?> type : types) {
            if (type == null || !Throwable.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException(option + " takes Throwable types only: " + type);
            }
            checked.add(type.asSubclass(Throwable.class));
        }
        return List.copyOf(checked);
    }
}
