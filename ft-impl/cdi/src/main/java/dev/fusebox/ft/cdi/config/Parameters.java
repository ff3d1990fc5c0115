package dev.fusebox.ft.cdi.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;

/**
 * Reads the parameters of one annotation site: the annotation's value unless MicroProfile Config
 * overrides it, converted and checked. A value that cannot be read or is out of range fails with a
 * {@link FaultToleranceDefinitionException} (see {@link DefinitionErrors}) naming class, method,
 * annotation, parameter and value, and where the value came from: the annotation, or the
 * MicroProfile Config key and config source that set it. An unknown time unit lists the valid ones.
 * Thread-safety: used by one resolution at a time, on one thread; it keeps the immutable site and
 * where each parameter read so far came from.
 */
final class Parameters {

    /** The {@link ChronoUnit} names, for the message of an unknown unit. */
    private static final String UNITS = Arrays.stream(ChronoUnit.values()).map(ChronoUnit::name)
            .collect(Collectors.joining(", "));

    private final AnnotationSite<?> site;
    /** Where each parameter read came from, if from MicroProfile Config; absent: the annotation. */
    private final Map<String, ConfiguredValue> configured = new HashMap<>();

    Parameters(AnnotationSite<?> site) {
        this.site = site;
    }

    int integer(String param, int annotated) {
        return read(param, annotated, Integer::valueOf);
    }

    long number(String param, long annotated) {
        return read(param, annotated, Long::valueOf);
    }

    double ratio(String param, double annotated) {
        return read(param, annotated, Double::valueOf);
    }

    ChronoUnit unit(String param, ChronoUnit annotated) {
        return read(param, annotated, Parameters::parseUnit);
    }

    boolean flag(String param, boolean annotated) {
        return read(param, annotated, Parameters::parseFlag);
    }

    /** One of an enum's constants, by name (case does not matter); an unknown name lists the valid ones. */
    <E extends Enum<E>> E choice(String param, E annotated) {
        Class<E> type = annotated.getDeclaringClass();
        return read(param, annotated, text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(text.trim())) {
                    return constant;
                }
            }
            throw new IllegalArgumentException("not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                    .collect(Collectors.joining(", ")) + " (case does not matter)");
        });
    }

    String text(String param, String annotated) {
        return read(param, annotated, Function.identity());
    }

    @SuppressWarnings("unchecked")
    List<Class<? extends Throwable>> throwables(String param, Class<? extends Throwable>[] annotated) {
        return read(param, List.of(annotated), text -> {
            List<Class<? extends Throwable>> types = new ArrayList<>();
            for (String name : text.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                Class<?> type = load(name.trim());
                if (!Throwable.class.isAssignableFrom(type)) {
                    throw new IllegalArgumentException(name + " is not a Throwable");
                }
                types.add((Class<? extends Throwable>) type);
            }
            return types;
        });
    }

    Class<?> type(String param, Class<?> annotated) {
        return read(param, annotated, text -> load(text.trim()));
    }

    /** Fails unless {@code valid}, quoting the parameter's effective value. */
    void require(boolean valid, String param, Object value, String rule) {
        if (!valid) {
            throw invalid(param, value, rule);
        }
    }

    FaultToleranceDefinitionException invalid(String param, Object value, String rule) {
        return DefinitionErrors.of("Invalid " + site.describe() + ": parameter " + param + " = " + value + " " + rule
                + " (" + origin(param) + ")");
    }

    /** Where the value of {@code param} came from, for messages. */
    private String origin(String param) {
        ConfiguredValue value = configured.get(param);
        return value == null ? "from the annotation" : value.origin();
    }

    /** A duration in nanoseconds, saturating at Long.MAX_VALUE for huge values or FOREVER. */
    static long nanos(long amount, ChronoUnit unit) {
        try {
            return Duration.of(amount, unit).toNanos();
        } catch (ArithmeticException | java.time.temporal.UnsupportedTemporalTypeException e) {
            return amount == 0 ? 0 : Long.MAX_VALUE;
        }
    }

    private <T> T read(String param, T annotated, Function<String, T> convert) {
        return site.override(param).map(value -> {
            configured.put(param, value);
            try {
                return convert.apply(value.text());
            } catch (RuntimeException e) {
                // the message quotes the reason; the cause would print it twice more
                throw DefinitionErrors.of("Invalid " + site.describe() + ": configured parameter " + param + " = '"
                        + value.text() + "' cannot be read: " + reason(e) + " (" + value.origin() + ")");
            }
        }).orElse(annotated);
    }

    private static String reason(RuntimeException e) {
        return e instanceof NumberFormatException ? "not a number of this parameter's type (" + e.getMessage() + ")"
                : e.getMessage();
    }

    private static boolean parseFlag(String text) {
        String value = text.trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException("neither true nor false");
    }

    private static ChronoUnit parseUnit(String text) {
        try {
            return ChronoUnit.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a time unit; the valid units (java.time.temporal.ChronoUnit,"
                    + " case does not matter) are " + UNITS);
        }
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, site.beanClass.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class not found: " + name);
        }
    }
}
