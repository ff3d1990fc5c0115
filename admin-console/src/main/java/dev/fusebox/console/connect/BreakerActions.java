package dev.fusebox.console.connect;

import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.console.operator.Action;
import dev.fusebox.console.operator.ActionOutcome;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import java.util.ArrayList;
import java.util.List;
import javax.management.JMX;
import javax.management.MBeanException;
import javax.management.ObjectName;
import javax.management.RuntimeMBeanException;

/** Runs one action through the MXBean proxies on a connection's worker, and reads the outcome back. */
final class BreakerActions {

    private BreakerActions() {
    }

    static ActionOutcome onBreaker(JvmConnection connection, Action action, MethodKey key, ObjectName name,
                                   String reason, String expiry) {
        if (connection.server() == null) {
            return ActionOutcome.failed(connection.jvm(), key.name(), action, "not connected");
        }
        if (name == null) {
            return ActionOutcome.failed(connection.jvm(), key.name(), action, "no such circuit breaker (any more)");
        }
        try {
            CircuitBreakerMXBean breaker = JMX.newMXBeanProxy(connection.server(), name, CircuitBreakerMXBean.class);
            ActionResult result = switch (action) {
                case FORCE_OPEN -> breaker.forceOpen(reason, expiry);
                case FORCE_CLOSED -> breaker.forceClosed(reason, expiry);
                case RELEASE -> breaker.release();
                case RESET -> breaker.reset();
            };
            connection.rereadAfterAction(key);
            return new ActionOutcome(connection.jvm(), result);
        } catch (RuntimeException e) {
            return failure(connection, action, key.name(), e);
        }
    }

    static List<ActionOutcome> onGroup(JvmConnection connection, Action action, ObjectName registry, String group,
                                       String reason, String expiry) {
        String selector = "group:" + group;
        if (connection.server() == null || registry == null) {
            return List.of(ActionOutcome.failed(connection.jvm(), selector, action, "not connected"));
        }
        try {
            FaultToleranceMXBean ft = JMX.newMXBeanProxy(connection.server(), registry, FaultToleranceMXBean.class);
            List<ActionResult> results = switch (action) {
                case FORCE_OPEN -> ft.forceOpenAll(selector, reason, expiry);
                case FORCE_CLOSED -> ft.forceClosedAll(selector, reason, expiry);
                case RELEASE -> ft.releaseAll(selector);
                case RESET -> ft.resetAll(selector);
            };
            connection.pollAfterAction();
            List<ActionOutcome> outcomes = new ArrayList<>();
            results.forEach(r -> outcomes.add(new ActionOutcome(connection.jvm(), r)));
            return outcomes;
        } catch (RuntimeException e) {
            return List.of(failure(connection, action, selector, e));
        }
    }

    private static ActionOutcome failure(JvmConnection connection, Action action, String target, RuntimeException e) {
        SecurityException refused = securityException(e);
        if (refused != null) {
            connection.refused(action.operation(), refused);
            return ActionOutcome.failed(connection.jvm(), target, action, "refused: " + refused.getMessage());
        }
        return ActionOutcome.failed(connection.jvm(), target, action, JvmConnection.describe(e));
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
