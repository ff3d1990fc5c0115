package dev.fusebox.ft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.function.Predicate;

/**
 * Decides by predicates what the {@code @Retry} beside it retries: a result for which
 * {@link #result()} holds is retried like a failure, and a failure is retried when
 * {@link #exception()} holds for it. For an asynchronous method the predicates see what the
 * {@code CompletionStage} completes with, never the stage. When the retries run out on an unwanted
 * result, the call fails with a {@link RetryResultException} holding that result, so a
 * {@code @Fallback} applies. Each predicate class is made once per method (a public class with a
 * public no-argument constructor) and must be thread-safe. {@link #exception()} replaces the
 * retry's {@code retryOn} and {@code abortOn}: setting both is a deployment error. Needs
 * {@code @Retry} on the same method or class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryWhen {

    /** Which results are retried; by default none. */
    Class<? extends Predicate<Object>> result() default NoResult.class;

    /** Which failures are retried; by default all, or what the retry's retryOn/abortOn say. */
    Class<? extends Predicate<Throwable>> exception() default AnyException.class;

    /** The default {@link #result()}: retries no result. */
    final class NoResult implements Predicate<Object> {
        @Override
        public boolean test(Object result) {
            return false;
        }
    }

    /** The default {@link #exception()}: leaves the decision to the retry's retryOn and abortOn. */
    final class AnyException implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return true;
        }
    }
}
