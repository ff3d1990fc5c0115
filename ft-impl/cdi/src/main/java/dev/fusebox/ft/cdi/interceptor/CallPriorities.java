package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.cdi.config.AdaptiveBulkheadSpec;
import dev.fusebox.ft.core.adaptive.Priority;
import dev.fusebox.ft.core.invocation.Invocation;
import java.util.function.Function;

/**
 * Each call's priority at an adaptive bulkhead: the value of the method's {@code CallPriority}
 * parameter when it has one and the caller passed one, else the method's own (annotation or
 * MicroProfile Config). Read from the intercepted call's arguments on the caller's thread, before
 * the call takes a place. Stateless; thread-safe.
 */
final class CallPriorities {

    private CallPriorities() {
    }

    static Function<Invocation, Priority> of(AdaptiveBulkheadSpec spec) {
        Priority fixed = spec.priority();
        int index = spec.priorityParameter();
        if (index == AdaptiveBulkheadSpec.NO_PARAMETER) {
            return invocation -> fixed;
        }
        return invocation -> {
            if (invocation instanceof InterceptedInvocation intercepted
                    && intercepted.context.getParameters()[index] instanceof CallPriority given) {
                return given == CallPriority.BATCH ? Priority.BATCH : Priority.LIVE;
            }
            return fixed;
        };
    }
}
