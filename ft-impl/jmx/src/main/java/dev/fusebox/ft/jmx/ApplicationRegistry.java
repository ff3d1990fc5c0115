package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.config.AsyncMode;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BreakerGroup;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.GuardedMethodInfo;
import dev.fusebox.ft.management.ManagementNames;
import java.util.ArrayList;
import java.util.List;

/** The {@link FaultToleranceMXBean} of one application. Thread-safe. */
final class ApplicationRegistry implements FaultToleranceMXBean {

    private final String application;
    private final List<Guarded> guarded;
    private final OperatorActions actions;

    ApplicationRegistry(String application, List<Guarded> guarded, OperatorActions actions) {
        this.application = application;
        this.guarded = guarded;
        this.actions = actions;
    }

    @Override
    public String getApplication() {
        return application;
    }

    @Override
    public List<GuardedMethodInfo> getGuardedMethods() {
        return guarded.stream().map(this::info).toList();
    }

    private GuardedMethodInfo info(Guarded method) {
        MethodPolicy policy = method.method().policy();
        return new GuardedMethodInfo(method.name(), method.beanClass(), method.methodKey(), policies(policy),
                policy.async() != AsyncMode.NONE,
                name(method, ManagementNames.CIRCUIT_BREAKER, policy.circuitBreaker() != null),
                name(method, ManagementNames.BULKHEAD, policy.bulkhead() != null),
                name(method, ManagementNames.RETRY, policy.retry() != null),
                name(method, ManagementNames.TIMEOUT, policy.timeoutNanos() > 0));
    }

    /** The annotations in force, in the order the chain applies them (outermost first). */
    static List<String> policies(MethodPolicy policy) {
        List<String> in = new ArrayList<>(6);
        if (policy.fallback() != null) {
            in.add("Fallback");
        }
        if (policy.retry() != null) {
            in.add("Retry");
        }
        if (policy.circuitBreaker() != null) {
            in.add("CircuitBreaker");
        }
        if (policy.fusebox().rateLimit() != null) {
            in.add("RateLimit");
        }
        if (policy.fusebox().hedge() != null) {
            in.add("Hedge");
        }
        if (policy.timeoutNanos() > 0) {
            in.add("Timeout");
        }
        if (policy.bulkhead() != null) {
            in.add("Bulkhead");
        }
        if (policy.fusebox().adaptiveBulkhead() != null) {
            in.add("AdaptiveBulkhead");
        }
        if (policy.async() != AsyncMode.NONE) {
            in.add("Asynchronous");
        }
        return in;
    }

    private String name(Guarded method, String type, boolean present) {
        return present ? ManagementNames.of(type, application, method.beanClass(), method.methodKey()).toString() : null;
    }

    @Override
    public List<BreakerGroup> getGroups() {
        return actions.selection().groups();
    }

    @Override
    public List<AuditEntry> getAuditLog() {
        return actions.audit().entries();
    }

    @Override
    public String getCallerRole() {
        return JmxCaller.role();
    }

    @Override
    public String getOverridesStatus() {
        return actions.overridesStatus();
    }

    @Override
    public List<ActionResult> forceOpenAll(String selector, String reason, String expiry) {
        return actions.forceAll(selector, CircuitState.OPEN, reason, () -> Expiry.parse(expiry),
                Principals.ofJmxClient());
    }

    @Override
    public List<ActionResult> forceClosedAll(String selector, String reason, String expiry) {
        return actions.forceAll(selector, CircuitState.CLOSED, reason, () -> Expiry.parse(expiry),
                Principals.ofJmxClient());
    }

    @Override
    public List<ActionResult> releaseAll(String selector) {
        return actions.releaseAll(selector, Principals.ofJmxClient());
    }

    @Override
    public List<ActionResult> resetAll(String selector) {
        return actions.resetAll(selector, Principals.ofJmxClient());
    }
}
