package dev.fusebox.ft.benchmarks;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * An {@code @AroundInvoke} interceptor that only proceeds: what Weld charges for one interceptor,
 * the floor under any interceptor-based fault-tolerance implementation.
 */
@PassThrough
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class PassThroughInterceptor {

    @AroundInvoke
    Object proceed(InvocationContext context) throws Exception {
        return context.proceed();
    }
}
