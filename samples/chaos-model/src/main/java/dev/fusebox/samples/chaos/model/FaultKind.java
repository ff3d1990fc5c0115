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
 * Immutable.
 */
public enum FaultKind {
    LATENCY(true),
    ERRORS(true),
    OUTAGE(false),
    EXHAUSTION(false);

    private final boolean takesValue;

    FaultKind(boolean takesValue) {
        this.takesValue = takesValue;
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
