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
public interface CircuitBreakerMXBean {

    /** Minimum spacing of the State notifications of one breaker. */
    long NOTIFICATION_INTERVAL_MILLIS = 100;

    /** {@code <bean class>#<method>}: the name operator actions and groups use. */
    String getName();

    String getBeanClass();

    String getMethod();

    /** CLOSED, OPEN or HALF_OPEN. */
    String getState();

    boolean isForced();

    /** The operator's forcing, or null while the breaker is automatic. */
    Forcing getForcing();

    long getTimeInStateMillis();

    /** Failures over recorded outcomes in the rolling window (0 when empty or not closed). */
    double getFailureRatio();

    /** Outcomes in the rolling window (0 unless closed). */
    int getWindowRecorded();

    /** Failures in the rolling window (0 unless closed). */
    int getWindowFailures();

    /** The rolling window's outcomes, oldest first: S success, F failure. */
    String getWindow();

    /** Trial calls the half-open circuit has admitted so far (0 unless HALF_OPEN). */
    int getTrialsAdmitted();

    /**
     * Of the admitted trials, those still running (0 unless HALF_OPEN). A trial that never returns
     * keeps the circuit half-open, refusing every other call, for as long as it runs: only the
     * method's own {@code @Timeout} ends it. Read with {@link #getTimeInStateMillis()}.
     */
    int getTrialsInFlight();

    /** Calls the breaker decided about: successes + failures + rejections. */
    long getCalls();

    long getSuccesses();

    long getFailures();

    /** Calls refused because the circuit was open (or half-open with no trial left). */
    long getRejections();

    /** Times the circuit opened on its own (forcing not included). */
    long getTimesOpened();

    CircuitBreakerSettings getConfiguration();

    /** The most recent transitions, oldest first, each with its cause. */
    List<StateTransition> getTransitions();

    /** Every call fails fast (a fallback still applies) until released, reset or expired. */
    ActionResult forceOpen(String reason, String expiry);

    /** Every call goes through and failures never open the circuit, until released, reset or expired. */
    ActionResult forceClosed(String reason, String expiry);

    /** Back to automatic: forced open becomes half-open, forced closed stays closed with its window. */
    ActionResult release();

    /** Closed with an empty window; any forcing is dropped. */
    ActionResult reset();

    /**
     * Changes one parameter for this breaker at run time and keeps it in the operator overrides
     * file: {@code requestVolumeThreshold}, {@code failureRatio}, {@code delay} (milliseconds) or
     * {@code successThreshold}. The breaker keeps its state and window. An invalid value is refused
     * and the previous one stays in force.
     */
    ActionResult configure(String parameter, String value, String reason);
}
