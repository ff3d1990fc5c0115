package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.core.invocation.Invocation;
import jakarta.interceptor.InvocationContext;

/**
 * One intercepted call as the engines see it; proceeding runs the rest of the CDI interceptor chain.
 * Thread-safety: its context is final; the chain proceeds it on one thread at a time (the caller's,
 * or the worker an asynchronous call was handed to).
 */
final class InterceptedInvocation implements Invocation {

    final InvocationContext context;

    InterceptedInvocation(InvocationContext context) {
        this.context = context;
    }

    @Override
    public Object proceed() throws Exception {
        return context.proceed();
    }
}
