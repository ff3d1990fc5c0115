package dev.fusebox.samples.chaos.model;

import java.util.Locale;

/**
 * What a fault step does to a dependency, as the web shop's fault injectors model it:
 * <ul>
 *   <li>{@link #LATENCY}: every call takes longer by the step's value in milliseconds;</li>
 *   <li>{@link #ERRORS}: a share of the calls, the step's value from 0 to 1, fails (503);</li>
 *   <li>{@link #OUTAGE}: every call fails at once (connection refused);</li>
 *   <li>{@link #EXHAUSTION}: the dependency stops returning calls (the injector's hang): each call
 *       holds a thread of the dependency, and in the shop a bulkhead place and a worker, until the
 *       caller's timeout gives up; the calls are released when the step ends.</li>
 * </ul>
 * Each kind is one attribute of the injector's MXBean ({@code dev.fusebox.samples:type=FaultInjector}):
 * set to the step's value while the step is in force and back to its healthy value after, by the
 * runner and by the console's game day alike. Immutable.
 */
public enum FaultKind {
    LATENCY(true, "LatencyMillis", 0L),
    ERRORS(true, "ErrorRate", 0.0),
    OUTAGE(false, "Outage", false),
    EXHAUSTION(false, "Hang", false);

    private final boolean takesValue;
    private final String attribute;
    private final Object healthy;

    FaultKind(boolean takesValue, String attribute, Object healthy) {
        this.takesValue = takesValue;
        this.attribute = attribute;
        this.healthy = healthy;
    }

    /** The injector's attribute a step of this kind sets. */
    public String attribute() {
        return attribute;
    }

    /** The attribute's value while a step of this kind with {@code value} is in force. */
    public Object injected(double value) {
        return switch (this) {
            case LATENCY -> Math.round(value);
            case ERRORS -> value;
            case OUTAGE, EXHAUSTION -> true;
        };
    }

    /** The attribute's healthy value: what taking a step of this kind back sets. */
    public Object healthy() {
        return healthy;
    }

    /** Whether a step of this kind names a value (a latency, an error share). */
    public boolean takesValue() {
        return takesValue;
    }

    /** The word used in experiment files: {@code latency}, {@code errors}, {@code outage}, {@code exhaustion}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
