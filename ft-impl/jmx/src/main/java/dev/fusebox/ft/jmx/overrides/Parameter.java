package dev.fusebox.ft.jmx.overrides;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The policy parameters operators may change at run time (the shadow switches of the breaker, the
 * bulkhead and Fusebox's rate limit among them), by annotation, and the MicroProfile
 * Config keys a change writes: the parameter itself and, for a time, its unit (operators give
 * milliseconds, whatever unit the annotation uses). The upper bounds of those that size memory
 * (requestVolumeThreshold, the bulkhead's value and waitingTaskQueue) are the resolver's, so a
 * live change and a deployment refuse the same values.
 * Immutable.
 */
enum Parameter {
    CB_REQUEST_VOLUME("CircuitBreaker", "requestVolumeThreshold", null),
    CB_FAILURE_RATIO("CircuitBreaker", "failureRatio", null),
    CB_DELAY("CircuitBreaker", "delay", "delayUnit"),
    CB_SUCCESS_THRESHOLD("CircuitBreaker", "successThreshold", null),
    CB_SHADOW("CircuitBreaker", "shadow", null),
    BULKHEAD_VALUE("Bulkhead", "value", null),
    BULKHEAD_QUEUE("Bulkhead", "waitingTaskQueue", null),
    BULKHEAD_SHADOW("Bulkhead", "shadow", null),
    RETRY_MAX_RETRIES("Retry", "maxRetries", null),
    RETRY_DELAY("Retry", "delay", "delayUnit"),
    RETRY_MAX_DURATION("Retry", "maxDuration", "durationUnit"),
    RETRY_JITTER("Retry", "jitter", "jitterDelayUnit"),
    TIMEOUT_VALUE("Timeout", "value", "unit"),
    RATE_LIMIT_SHADOW("RateLimit", "shadow", null);

    final String annotation;
    final String name;
    /** The key of the parameter's time unit, written as MILLIS with it; null when it is not a time. */
    final String unitName;

    Parameter(String annotation, String name, String unitName) {
        this.annotation = annotation;
        this.name = name;
        this.unitName = unitName;
    }

    /**
     * The parameter {@code name} of {@code annotation}.
     *
     * @throws IllegalArgumentException naming the parameters that may change, when there is none
     */
    static Parameter of(String annotation, String name) {
        for (Parameter parameter : values()) {
            if (parameter.annotation.equals(annotation) && parameter.name.equals(name)) {
                return parameter;
            }
        }
        throw new IllegalArgumentException("@" + annotation + " has no parameter '" + name
                + "' that can change at run time; choose one of " + names(annotation));
    }

    static String names(String annotation) {
        List<String> names = Arrays.stream(values()).filter(p -> p.annotation.equals(annotation))
                .map(p -> p.unitName == null ? p.name : p.name + " (milliseconds)").collect(Collectors.toList());
        return String.join(", ", names);
    }

    /** The longest value taken (a number, or a number and a unit). */
    static final int MAX_VALUE = 64;

    /**
     * Trimmed, and rejected when blank or longer than {@value #MAX_VALUE} characters (the refusal
     * does not quote it); the resolver checks the rest, bounds included.
     */
    static String clean(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a value for " + what + " is required");
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_VALUE) {
            throw new IllegalArgumentException("the value for " + what + " is " + trimmed.length()
                    + " characters; it may be at most " + MAX_VALUE + " characters");
        }
        return trimmed;
    }
}
