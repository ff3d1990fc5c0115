package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.config.FallbackSpec;
import dev.fusebox.ft.core.fallback.FallbackAction;
import dev.fusebox.ft.core.invocation.Failures;
import dev.fusebox.ft.core.invocation.Invocation;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.Unmanaged;
import jakarta.interceptor.InvocationContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/**
 * Calls a fallback: the fallback method on the intercepted instance with the call's arguments, or
 * a fallback handler bean (a fresh contextual instance per call, destroyed afterwards if dependent).
 * What the fallback throws reaches the caller unchanged. Thread-safe.
 */
final class FallbackInvoker implements FallbackAction {

    private final FallbackSpec spec;
    private final BeanManager beans;

    FallbackInvoker(FallbackSpec spec, BeanManager beans) {
        this.spec = spec;
        this.beans = beans;
    }

    @Override
    public Object apply(Invocation invocation, Throwable failure) throws Exception {
        InvocationContext context = ((InterceptedInvocation) invocation).context;
        if (spec.method() != null) {
            return callMethod(spec.method(), context);
        }
        return callHandler(context, failure);
    }

    private static Object callMethod(Method method, InvocationContext context) throws Exception {
        try {
            return method.invoke(context.getTarget(), context.getParameters());
        } catch (InvocationTargetException e) {
            throw Failures.rethrow(e.getCause());
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object callHandler(InvocationContext context, Throwable failure) {
        ExecutionContext execution = new Execution(context.getMethod(), context.getParameters(), failure);
        Instance<?> selected = beans.createInstance().select(spec.handler());
        if (selected.isResolvable()) {
            Object handler = selected.get();
            try {
                return ((FallbackHandler) handler).handle(execution);
            } finally {
                ((Instance) selected).destroy(handler);
            }
        }
        // not a bean (e.g. no bean-defining annotation): an unmanaged instance, still injected
        Unmanaged.UnmanagedInstance<?> unmanaged = new Unmanaged<>(beans, spec.handler()).newInstance();
        try {
            FallbackHandler handler = (FallbackHandler) unmanaged.produce().inject().postConstruct().get();
            return handler.handle(execution);
        } finally {
            unmanaged.preDestroy().dispose();
        }
    }

    private record Execution(Method getMethod, Object[] getParameters, Throwable getFailure) implements ExecutionContext {
    }
}
