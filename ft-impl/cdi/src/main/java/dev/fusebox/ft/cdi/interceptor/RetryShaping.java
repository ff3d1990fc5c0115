package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.api.CustomBackoffStrategy;
import dev.fusebox.ft.cdi.config.BackoffSpec;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.config.RetryHooks;
import dev.fusebox.ft.core.retry.Backoff;
import dev.fusebox.ft.core.retry.BeforeRetry;
import dev.fusebox.ft.core.retry.ExponentialBackoff;
import dev.fusebox.ft.core.retry.FibonacciBackoff;
import dev.fusebox.ft.core.retry.Jitter;
import dev.fusebox.ft.core.retry.RetryPolicy;
import dev.fusebox.ft.guard.CustomBackoffs;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The retry policy a method's chain runs: the specification's {@code @Retry}, shaped by Fusebox's
 * own annotations (a backoff, retry predicates, a before-retry hook) into the engine's policy.
 * A custom backoff gets a new strategy instance per guarded call, at its first retry; a hook
 * method of the bean is called on the instance the call went to. Stateless; thread-safe.
 */
final class RetryShaping {

    private RetryShaping() {
    }

    /** The engine's retry policy of {@code policy}; null when the method has no retry in force. */
    static RetryPolicy of(MethodPolicy policy) {
        RetryPolicy retry = policy.retry();
        if (retry == null) {
            return null;
        }
        BackoffSpec backoff = policy.fusebox().backoff();
        if (backoff != null) {
            retry = retry.withBackoff(backoff(backoff));
        }
        RetryHooks hooks = policy.fusebox().retryHooks();
        retry = retry.withRetryOnResult(hooks.retryOnResult()).withRetryOnException(hooks.retryOnException());
        if (hooks.beforeRetry() != null) {
            dev.fusebox.ft.api.BeforeRetryHandler handler = hooks.beforeRetry();
            retry = retry.withBeforeRetry((invocation, number, cause) -> handler.beforeRetry(number, cause));
        } else if (hooks.hookMethod() != null) {
            retry = retry.withBeforeRetry(beanMethod(hooks.hookMethod()));
        }
        return retry;
    }

    private static Backoff backoff(BackoffSpec spec) {
        return switch (spec.kind()) {
            case EXPONENTIAL -> new ExponentialBackoff(spec.factor(), spec.maxDelayNanos(), jitter(spec));
            case FIBONACCI -> new FibonacciBackoff(spec.maxDelayNanos(), jitter(spec));
            case CUSTOM -> custom(spec.strategy());
        };
    }

    private static Jitter jitter(BackoffSpec spec) {
        return Jitter.valueOf(spec.jitter().name());
    }

    /** A new strategy per call (checked at deployment to have a public no-argument constructor). */
    private static Backoff custom(Class<? extends CustomBackoffStrategy> type) {
        return CustomBackoffs.of(() -> {
            try {
                return type.getConstructor().newInstance();
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("the custom backoff " + type.getName() + " failed in its constructor",
                        e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the custom backoff " + type.getName() + " cannot be made", e);
            }
        }, type.getName());
    }

    /** Calls {@code method} of the bean instance the call went to, with the cause when it takes one. */
    private static BeforeRetry beanMethod(Method method) {
        boolean takesCause = method.getParameterCount() == 1;
        return (invocation, number, cause) -> {
            Object target = ((InterceptedInvocation) invocation).context.getTarget();
            try {
                if (takesCause) {
                    method.invoke(target, cause);
                } else {
                    method.invoke(target);
                }
            } catch (InvocationTargetException failed) {
                throw failed.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(failed.getCause());
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot call " + method, e);
            }
        };
    }
}
