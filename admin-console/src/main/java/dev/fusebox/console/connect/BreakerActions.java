package dev.fusebox.console.connect;

import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.console.operator.ShadowTarget;
import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.BulkheadMXBean;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.RateLimitMXBean;
import java.util.List;
import javax.management.JMX;
import javax.management.MBeanException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

/**
 * Invokes one operator action (on a breaker, a group, or a policy's shadow mode) through the
 * management API's MXBean proxies and says what came of it.
 * It only answers: what to do next (re-read the breaker, poll, remember a refusal) is for the caller,
 * {@link JvmConnection}, to decide from the {@link Attempt}.
 *
 * <p>Thread-safety: stateless; the methods block on JMX and run on a connection's worker thread.
 */
final class BreakerActions {

    /**
     * What one invocation came to.
     *
     * @param outcomes one per breaker acted on (for a group, as many as the registry reports)
     * @param answered the server answered, so the breakers are worth reading again
     * @param refusal  the server's refusal, when it refused the login this action
     */
    record Attempt(List<ActionOutcome> outcomes, boolean answered, SecurityException refusal) {
    }

    /** The MXBean operation that switches shadow mode, and its parameter. */
    static final String CONFIGURE = "configure";
    static final String SHADOW = "shadow";

    private BreakerActions() {
    }

    /** {@code action} on the breaker registered as {@code name} (null when the JVM has no such breaker any more). */
    static Attempt onBreaker(String jvm, MBeanServerConnection server, Action action, String target, ObjectName name,
                             String reason, String expiry) {
        if (name == null) {
            return failed(jvm, target, action, "no such circuit breaker (any more)");
        }
        try {
            CircuitBreakerMXBean breaker = JMX.newMXBeanProxy(server, name, CircuitBreakerMXBean.class);
            ActionResult result = switch (action) {
                case FORCE_OPEN -> breaker.forceOpen(reason, expiry);
                case FORCE_CLOSED -> breaker.forceClosed(reason, expiry);
                case RELEASE -> breaker.release();
                case RESET -> breaker.reset();
            };
            return new Attempt(List.of(new ActionOutcome(jvm, result)), true, null);
        } catch (RuntimeException e) {
            return failure(jvm, action, target, e);
        }
    }

    /** {@code action} on the group through one registry that defines it ({@code forceOpenAll("group:<name>")}...). */
    static Attempt onGroup(String jvm, MBeanServerConnection server, Action action, ObjectName registry,
                           String selector, String reason, String expiry) {
        try {
            FaultToleranceMXBean ft = JMX.newMXBeanProxy(server, registry, FaultToleranceMXBean.class);
            List<ActionResult> results = switch (action) {
                case FORCE_OPEN -> ft.forceOpenAll(selector, reason, expiry);
                case FORCE_CLOSED -> ft.forceClosedAll(selector, reason, expiry);
                case RELEASE -> ft.releaseAll(selector);
                case RESET -> ft.resetAll(selector);
            };
            return new Attempt(results.stream().map(r -> new ActionOutcome(jvm, r)).toList(), true, null);
        } catch (RuntimeException e) {
            return failure(jvm, action, selector, e);
        }
    }

    /**
     * Shadow mode on or off for {@code target}, through its MXBean's {@code configure("shadow", ...)}
     * (the ObjectName made from the method's key, as the server registers it).
     */
    static Attempt onShadow(String jvm, MBeanServerConnection server, ShadowTarget target, boolean shadow,
                            String reason) {
        MethodKey key = target.key();
        ObjectName name = ManagementNames.of(target.policy().mbeanType(), key.application(), key.beanClass(),
                key.method());
        String value = Boolean.toString(shadow);
        try {
            ActionResult result = switch (target.policy()) {
                case CIRCUIT_BREAKER -> JMX.newMXBeanProxy(server, name, CircuitBreakerMXBean.class)
                        .configure(SHADOW, value, reason);
                case BULKHEAD -> JMX.newMXBeanProxy(server, name, BulkheadMXBean.class).configure(SHADOW, value, reason);
                case RATE_LIMIT -> JMX.newMXBeanProxy(server, name, RateLimitMXBean.class)
                        .configure(SHADOW, value, reason);
            };
            return new Attempt(List.of(new ActionOutcome(jvm, result)), true, null);
        } catch (RuntimeException e) {
            return failure(jvm, CONFIGURE, target.describe(), e);
        }
    }

    /** An action that did not get through for a reason the console knows without asking the server. */
    static Attempt failed(String jvm, String target, Action action, String message) {
        return new Attempt(List.of(ActionOutcome.failed(jvm, target, action, message)), false, null);
    }

    /** The invocation (or what followed it) threw {@code e}: a refusal when a SecurityException is behind it. */
    static Attempt failure(String jvm, Action action, String target, RuntimeException e) {
        return failure(jvm, action.operation(), target, e);
    }

    /** The same for the MXBean operation {@code operation}. */
    static Attempt failure(String jvm, String operation, String target, RuntimeException e) {
        SecurityException refused = securityException(e);
        if (refused != null) {
            return new Attempt(List.of(ActionOutcome.failed(jvm, target, operation, "refused: " + refused.getMessage())),
                    false, refused);
        }
        return new Attempt(List.of(ActionOutcome.failed(jvm, target, operation, JmxConnect.describe(e))), false, null);
    }

    /** The SecurityException behind {@code e}, however the MBean server or the proxy wrapped it. */
    static SecurityException securityException(Throwable e) {
        for (Throwable t = e; t != null; ) {
            if (t instanceof SecurityException s) {
                return s;
            }
            Throwable next = t instanceof RuntimeMBeanException r ? r.getTargetException()
                    : t instanceof MBeanException m ? m.getTargetException() : t.getCause();
            t = next == t ? null : next;
        }
        return null;
    }
}
