package dev.fusebox.ft.benchmarks;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * An {@code @AroundInvoke} interceptor that never proceeds and throws one preallocated exception
 * without a stack trace: what Weld charges for a call that an interceptor fails fast, the floor
 * under any interceptor-based open circuit breaker or full bulkhead. Allocates nothing itself.
 */
@Refuse
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class RefusingInterceptor {

    /** The one rejection every call gets. */
    static final Refusal REFUSAL = new Refusal();

    @AroundInvoke
    Object refuse(InvocationContext context) {
        throw REFUSAL;
    }

    /** A rejection with no stack trace, made once. */
    static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal() {
            super("refused", null, false, false);
        }
    }
}
