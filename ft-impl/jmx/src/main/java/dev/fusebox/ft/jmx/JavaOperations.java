package dev.fusebox.ft.jmx;

import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.FaultToleranceOperations;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link FaultToleranceOperations} for application code, a dependent bean of the container (one per injection point, all on the same actions): every
 * action goes through {@link OperatorActions} with {@code code:<calling class>} as principal.
 * Thread-safe.
 */
final class JavaOperations implements FaultToleranceOperations {

    private final Supplier<OperatorActions> actions;

    /** {@code actions}: the container's, available once deployment has been validated. */
    JavaOperations(Supplier<OperatorActions> actions) {
        this.actions = actions;
    }

    private OperatorActions actions() {
        OperatorActions started = actions.get();
        if (started == null) {
            throw new IllegalStateException("fault tolerance management is not started: the container is still"
                    + " deploying or has shut down");
        }
        return started;
    }

    @Override
    public List<String> circuitBreakers() {
        return actions().breakerNames();
    }

    @Override
    public String state(String breaker) {
        return actions().breaker(breaker).method().breaker().state().name();
    }

    @Override
    public ActionResult forceOpen(String breaker, String reason, Duration expiry) {
        return actions().force(breaker, CircuitState.OPEN, reason, () -> Expiry.after(expiry),
                Principals.ofCaller(JavaOperations.class));
    }

    @Override
    public ActionResult forceClosed(String breaker, String reason, Duration expiry) {
        return actions().force(breaker, CircuitState.CLOSED, reason, () -> Expiry.after(expiry),
                Principals.ofCaller(JavaOperations.class));
    }

    @Override
    public ActionResult release(String breaker) {
        return actions().release(breaker, Principals.ofCaller(JavaOperations.class));
    }

    @Override
    public ActionResult reset(String breaker) {
        return actions().reset(breaker, "", Principals.ofCaller(JavaOperations.class));
    }

    @Override
    public List<ActionResult> forceOpenAll(String selector, String reason, Duration expiry) {
        return actions().forceAll(selector, CircuitState.OPEN, reason, () -> Expiry.after(expiry),
                Principals.ofCaller(JavaOperations.class));
    }

    @Override
    public List<ActionResult> forceClosedAll(String selector, String reason, Duration expiry) {
        return actions().forceAll(selector, CircuitState.CLOSED, reason, () -> Expiry.after(expiry),
                Principals.ofCaller(JavaOperations.class));
    }

    @Override
    public List<ActionResult> releaseAll(String selector) {
        return actions().releaseAll(selector, Principals.ofCaller(JavaOperations.class));
    }
}
