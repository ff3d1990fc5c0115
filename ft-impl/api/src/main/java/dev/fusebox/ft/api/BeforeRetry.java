package dev.fusebox.ft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a hook before every retry of the {@code @Retry} beside it, never before the first attempt:
 * for example to refresh an expired token. Either a handler class ({@link #value()}) or a method of
 * the bean ({@link #methodName()}: no parameters, or one {@code Throwable}, the cause), exactly one
 * of them. The hook must be quick and must not block; a hook that throws is logged and the retry
 * goes on. Needs {@code @Retry} on the same method or class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface BeforeRetry {

    /** The handler, made once per method (public, with a public no-argument constructor); thread-safe. */
    Class<? extends BeforeRetryHandler> value() default BeforeRetryHandler.None.class;

    /** A method of the bean to call instead of a handler. */
    String methodName() default "";
}
