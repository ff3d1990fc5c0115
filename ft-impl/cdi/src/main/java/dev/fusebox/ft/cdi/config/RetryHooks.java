package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.api.BeforeRetryHandler;
import java.lang.reflect.Method;
import java.util.function.Predicate;

/**
 * A resolved {@code @RetryWhen} and {@code @BeforeRetry} of one retry: which results are retried
 * (null: none), which failures are retried when a predicate replaces retryOn/abortOn (null: the
 * retry's own rule), and what runs before each retry (a handler, or a method of the bean, or
 * neither). The predicates and the handler are made once per method and shared by all its calls.
 * Thread-safety: immutable, holding thread-safe objects (their contract says so).
 *
 * @param hookMethod a method of the bean, no parameters or one {@code Throwable}
 */
public record RetryHooks(Predicate<Object> retryOnResult, Predicate<Throwable> retryOnException,
                         BeforeRetryHandler beforeRetry, Method hookMethod) {

    /** No predicate, no hook. */
    public static final RetryHooks NONE = new RetryHooks(null, null, null, null);
}
