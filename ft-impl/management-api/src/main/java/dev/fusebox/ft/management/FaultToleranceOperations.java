package dev.fusebox.ft.management;

import java.time.Duration;
import java.util.List;

/**
 * The operator actions for application code (inject it in a CDI application): the same actions as
 * the MXBeans, audited with the calling class as principal ({@code code:<class>}). Breakers are
 * named {@code <bean class>#<method>}; selectors as in {@link FaultToleranceMXBean}.
 * Thread-safety: implementations are called by JMX from any thread, concurrently, and must be
 * thread-safe.
 */
public interface FaultToleranceOperations {

    /** The names of every circuit breaker of the application. */
    List<String> circuitBreakers();

    /** The breaker's state: CLOSED, OPEN or HALF_OPEN. */
    String state(String breaker);

    /** @param expiry how long the forcing holds, or null until released */
    ActionResult forceOpen(String breaker, String reason, Duration expiry);

    /** @param expiry how long the forcing holds, or null until released */
    ActionResult forceClosed(String breaker, String reason, Duration expiry);

    ActionResult release(String breaker);

    ActionResult reset(String breaker);

    List<ActionResult> forceOpenAll(String selector, String reason, Duration expiry);

    List<ActionResult> forceClosedAll(String selector, String reason, Duration expiry);

    List<ActionResult> releaseAll(String selector);
}
