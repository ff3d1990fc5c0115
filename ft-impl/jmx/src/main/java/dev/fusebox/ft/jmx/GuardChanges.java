package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.management.GuardEnginesView;
import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerPolicy;
import dev.fusebox.ft.guard.GuardEngines;
import dev.fusebox.ft.management.ActionResult;

/**
 * Operators' run-time changes of a programmatic guard, applied to its engines in memory: the
 * breaker's parameters, the bulkhead's sizes, and the shadow switches of breaker, bulkhead and
 * rate limit. A guard is configured by its code, not by MicroProfile Config, so nothing is written
 * to the overrides file and a restart brings back the builder's values; other parameters are
 * refused, naming those that can change. A bad value is refused with the engine's reason.
 * Thread-safe: each change is one call on a thread-safe engine.
 */
final class GuardChanges implements ConfigurationChanges {

    static final String CHANGEABLE = "CircuitBreaker/requestVolumeThreshold, failureRatio, delay (milliseconds),"
            + " successThreshold, shadow; Bulkhead/value, waitingTaskQueue, shadow; RateLimit/shadow";

    @Override
    public ActionResult configure(MethodEngines method, String annotation, String parameter, String value,
                                  String reason, String principal) {
        GuardEngines engines = ((GuardEnginesView) method).guard().engines();
        String what = annotation + "/" + parameter;
        try {
            String previous = apply(engines, annotation, parameter, value);
            return new ActionResult(method.name(), "configure", true, previous, value,
                    what + " is " + value + " (in memory: the guard's builder sets it again at a restart)");
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return new ActionResult(method.name(), "configure", false, null, null, refused.getMessage());
        }
    }

    /** Applies the change; returns the previous value. */
    private static String apply(GuardEngines e, String annotation, String parameter, String value) {
        switch (annotation + "/" + parameter) {
            case "CircuitBreaker/shadow" -> {
                CircuitBreaker breaker = present(e.breaker(), annotation);
                boolean before = breaker.isShadow();
                breaker.setShadow(bool(value));
                return String.valueOf(before);
            }
            case "CircuitBreaker/requestVolumeThreshold", "CircuitBreaker/failureRatio", "CircuitBreaker/delay",
                 "CircuitBreaker/successThreshold" -> {
                CircuitBreaker breaker = present(e.breaker(), annotation);
                CircuitBreakerPolicy p = breaker.policy();
                CircuitBreakerPolicy next = switch (parameter) {
                    case "requestVolumeThreshold" -> new CircuitBreakerPolicy(integer(value), p.failureRatio(),
                            p.delayNanos(), p.successThreshold());
                    case "failureRatio" -> new CircuitBreakerPolicy(p.requestVolumeThreshold(), ratio(value),
                            p.delayNanos(), p.successThreshold());
                    case "delay" -> new CircuitBreakerPolicy(p.requestVolumeThreshold(), p.failureRatio(),
                            Math.multiplyExact(integer(value), 1_000_000L), p.successThreshold());
                    default -> new CircuitBreakerPolicy(p.requestVolumeThreshold(), p.failureRatio(),
                            p.delayNanos(), integer(value));
                };
                breaker.reconfigure(next);
                return switch (parameter) {
                    case "requestVolumeThreshold" -> String.valueOf(p.requestVolumeThreshold());
                    case "failureRatio" -> String.valueOf(p.failureRatio());
                    case "delay" -> String.valueOf(p.delayNanos() / 1_000_000L);
                    default -> String.valueOf(p.successThreshold());
                };
            }
            case "Bulkhead/value", "Bulkhead/waitingTaskQueue" -> {
                AsyncBulkhead queued = present(e.asyncBulkhead(), annotation);
                int limit = parameter.equals("value") ? integer(value) : queued.limit();
                int queue = parameter.equals("value") ? queued.queueSize() : integer(value);
                if (limit < 1 || limit > AsyncBulkhead.MAX_LIMIT || queue < 0 || queue > AsyncBulkhead.MAX_QUEUE) {
                    throw new IllegalArgumentException("Bulkhead/" + parameter + " must be " + (parameter.equals("value")
                            ? "1 to " + AsyncBulkhead.MAX_LIMIT : "0 to " + AsyncBulkhead.MAX_QUEUE) + ": " + value);
                }
                String before = String.valueOf(parameter.equals("value") ? queued.limit() : queued.queueSize());
                e.bulkhead().resize(limit);
                queued.resize(limit, queue);
                return before;
            }
            case "Bulkhead/shadow" -> {
                boolean before = present(e.asyncBulkhead(), annotation).isShadow();
                e.bulkhead().setShadow(bool(value));
                e.asyncBulkhead().setShadow(bool(value));
                return String.valueOf(before);
            }
            case "RateLimit/shadow" -> {
                boolean before = present(e.rateLimit(), annotation).isShadow();
                e.rateLimit().setShadow(bool(value));
                return String.valueOf(before);
            }
            default -> throw new IllegalArgumentException("a guard's " + annotation + "/" + parameter
                    + " is set by its builder and cannot change at run time; these can: " + CHANGEABLE);
        }
    }

    private static <T> T present(T engine, String annotation) {
        if (engine == null) {
            throw new IllegalStateException("this guard has no " + annotation);
        }
        return engine;
    }

    private static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number: " + value);
        }
    }

    private static double ratio(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + value);
        }
    }

    private static boolean bool(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("shadow is true or false: " + value);
        }
        return Boolean.parseBoolean(value);
    }

    @Override
    public String status() {
        return "programmatic guards: changes are applied in memory, not kept in a file; these can change: "
                + CHANGEABLE;
    }
}
