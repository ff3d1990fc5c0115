package dev.fusebox.ft.cdi.config;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;

/**
 * Reads the parameters of one annotation site: the annotation's value unless MicroProfile Config
 * overrides it, converted and checked. A value that cannot be read or is out of range fails with a
 * {@link FaultToleranceDefinitionException} naming class, method, annotation, parameter and value.
 * Thread-safety: used by one resolution at a time; it keeps only the site it reads, which is
 * immutable.
 */
final class Parameters {

    private final AnnotationSite<?> site;

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
        return read(param, annotated, text -> ChronoUnit.valueOf(text.trim().toUpperCase(java.util.Locale.ROOT)));
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
        return new FaultToleranceDefinitionException("Invalid " + site.describe() + ": parameter " + param
                + " = " + value + " " + rule);
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
        return site.override(param).map(text -> {
            try {
                return convert.apply(text);
            } catch (RuntimeException e) {
                throw new FaultToleranceDefinitionException("Invalid " + site.describe() + ": configured parameter "
                        + param + " = '" + text + "' cannot be read: " + e.getMessage(), e);
            }
        }).orElse(annotated);
    }

    private Class<?> load(String name) {
        try {
            return Class.forName(name, false, site.beanClass.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("class not found: " + name, e);
        }
    }
}
