package dev.fusebox.ft.management;

import java.util.List;

/**
 * One circuit breaker, under {@code dev.fusebox.ft:type=CircuitBreaker,application=..,bean=..,method=..}
 * (see {@link ManagementNames}). Emits a {@link javax.management.AttributeChangeNotification} for
 * attribute {@code State} on every change of state or forcing, its message the cause; a flapping
 * breaker's notifications are coalesced (at most one per {@link #NOTIFICATION_INTERVAL_MILLIS},
 * the last one carrying the latest state).
 *
 * <p>Operations need the {@code operator} role over a remote connector; a {@code viewer} gets a
 * {@link SecurityException}. Every operation is audited.
 *
 * <p>{@code expiry} arguments: empty or null for no expiry, an ISO-8601 duration from now
 * ({@code PT30M}), or an ISO-8601 instant ({@code 2026-11-24T03:00:00Z}); an expiry in the past is
 * refused.
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
@Description("The circuit breaker of one guarded method: its state, rolling window, counters and operator actions")
public interface CircuitBreakerMXBean {

    /** Minimum spacing of the State notifications of one breaker. */
    long NOTIFICATION_INTERVAL_MILLIS = 100;

    /** {@code <bean class>#<method>}: the name operator actions and groups use. */
    @Description("The guarded method: <bean class>#<method>, the name operator actions and groups use")
    String getName();

    @Description("The fully qualified class of the guarded bean")
    String getBeanClass();

    @Description("The guarded method, with its parameter types when the name is overloaded")
    String getMethod();

    /** CLOSED, OPEN or HALF_OPEN. */
    @Description("CLOSED (calls go through), OPEN (calls fail fast) or HALF_OPEN (trial calls only)")
    String getState();

    @Description("True while an operator holds the breaker open or closed")
    boolean isForced();

    /** The operator's forcing, or null while the breaker is automatic. */
    @Description("The operator's forcing (state, who, why, since, until), or empty while the breaker is automatic")
    Forcing getForcing();

    @Description("Milliseconds since the breaker entered its current state")
    long getTimeInStateMillis();

    /** Failures over recorded outcomes in the rolling window (0 when empty or not closed). */
    @Description("Failures over recorded outcomes in the rolling window, 0 to 1 (0 when empty or not closed)")
    double getFailureRatio();

    /** Outcomes in the rolling window (0 unless closed). */
    @Description("Outcomes in the rolling window (0 unless closed)")
    int getWindowRecorded();

    /** Failures in the rolling window (0 unless closed). */
    @Description("Failures in the rolling window (0 unless closed)")
    int getWindowFailures();

    /** The rolling window's outcomes, oldest first: S success, F failure. */
    @Description("The rolling window's outcomes, oldest first: S success, F failure")
    String getWindow();

    /** Trial calls the half-open circuit has admitted so far (0 unless HALF_OPEN). */
    @Description("Trial calls the half-open circuit has admitted so far (0 unless HALF_OPEN)")
    int getTrialsAdmitted();

    /**
     * Of the admitted trials, those still running (0 unless HALF_OPEN). A trial that never returns
     * keeps the circuit half-open, refusing every other call, for as long as it runs: only the
     * method's own {@code @Timeout} ends it. Read with {@link #getTimeInStateMillis()}.
     */
    @Description("Admitted trial calls still running (0 unless HALF_OPEN); a hung trial keeps the circuit half-open")
    int getTrialsInFlight();

    /** Calls the breaker decided about: successes + failures + rejections. */
    @Description("Calls the breaker decided about since start: successes + failures + rejections")
    long getCalls();

    @Description("Calls that succeeded through the breaker, since start")
    long getSuccesses();

    @Description("Calls the breaker counted as failures, since start")
    long getFailures();

    /** Calls refused because the circuit was open (or half-open with no trial left). */
    @Description("Calls refused with CircuitBreakerOpenException, since start")
    long getRejections();

    /** Times the circuit opened on its own (forcing not included). */
    @Description("Times the circuit opened on its own (forcing not included), since start")
    long getTimesOpened();

    /**
     * In shadow mode the breaker's state evolves exactly as if it enforced, but a call it would refuse
     * runs anyway (its outcome is not recorded) and is counted in {@link #getWouldReject()}. An
     * operator's forcing is enforced even in shadow mode.
     */
    @Description("True in shadow mode: the breaker decides and counts what it would reject, and rejects nothing"
            + " (an operator's forcing is still enforced)")
    boolean isShadow();

    /** Calls the breaker would have refused while in shadow mode, and let through. */
    @Description("Calls the breaker would have refused while in shadow mode, and let through, since start")
    long getWouldReject();

    @Description("The settings in force: requestVolumeThreshold, failureRatio, delay, successThreshold")
    CircuitBreakerSettings getConfiguration();

    /** The most recent transitions, oldest first, each with its cause. */
    @Description("The most recent state transitions, oldest first, each with its time and cause")
    List<StateTransition> getTransitions();

    /** Every call fails fast (a fallback still applies) until released, reset or expired. */
    @Description("Holds the circuit open: every call fails fast (a fallback still applies) until released, reset or expired")
    ActionResult forceOpen(
            @Description(ParameterDescriptions.FORCING_REASON) String reason,
            @Description(ParameterDescriptions.EXPIRY) String expiry);

    /** Every call goes through and failures never open the circuit, until released, reset or expired. */
    @Description("Holds the circuit closed: every call goes through and failures never open it, until released, reset or expired")
    ActionResult forceClosed(
            @Description(ParameterDescriptions.FORCING_REASON) String reason,
            @Description(ParameterDescriptions.EXPIRY) String expiry);

    /** Back to automatic: forced open becomes half-open, forced closed stays closed with its window. */
    @Description("Ends a forcing: forced open becomes half-open, forced closed stays closed with its window")
    ActionResult release();

    /** Closed with an empty window; any forcing is dropped. */
    @Description("Closes the circuit with an empty window and drops any forcing")
    ActionResult reset();

    /**
     * Changes one parameter for this breaker at run time and keeps it in the operator overrides
     * file: {@code requestVolumeThreshold}, {@code failureRatio}, {@code delay} (milliseconds),
     * {@code successThreshold} or {@code shadow} ({@code true} or {@code false}). The breaker keeps its
     * state and window. An invalid value is refused and the previous one stays in force.
     */
    @Description("Changes one parameter now and keeps it in the overrides file; the breaker keeps its state and window")
    ActionResult configure(
            @Description("requestVolumeThreshold, failureRatio, delay (milliseconds), successThreshold or shadow"
                    + " (true: count, reject nothing; false: enforce)") String parameter,
            @Description("The new value; an invalid one is refused and the old one stays") String value,
            @Description(ParameterDescriptions.CHANGE_REASON) String reason);
}
