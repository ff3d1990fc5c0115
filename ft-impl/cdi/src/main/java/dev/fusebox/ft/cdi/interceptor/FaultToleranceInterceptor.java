package dev.fusebox.ft.cdi.interceptor;

import jakarta.enterprise.inject.Intercepted;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The one interceptor of Fusebox: finds the chain of the intercepted method (one map read) and
 * runs the call through it. Its priority is set by the extension at deployment
 * ({@code mp.fault.tolerance.interceptor.priority}, default {@code PLATFORM_AFTER + 10}).
 * Thread-safety: its fields are final and set by the container before any call; every call may run
 * on any thread, concurrently.
 */
@Interceptor
@FaultToleranceBinding
public class FaultToleranceInterceptor {

    private final Chains chains;
    private final Class<?> beanClass;

    @Inject
    public FaultToleranceInterceptor(Chains chains, @Intercepted Bean<?> bean) {
        this.chains = chains;
        this.beanClass = bean.getBeanClass();
    }

    @AroundInvoke
    public Object guard(InvocationContext context) throws Exception {
        GuardedMethod guarded = chains.lookup(beanClass, context.getMethod());
        return guarded == null ? context.proceed() : guarded.invoke(context);
    }
}
