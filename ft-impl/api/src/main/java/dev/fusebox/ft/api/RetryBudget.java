package dev.fusebox.ft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Caps the retries of the {@code @Retry} beside it at a share of first attempts over a recent
 * window, so that a failing dependency is not hit by a retry storm: every call's first attempt
 * adds {@link #ratio()} of a retry to the budget, every retry takes one, what was added expires
 * after {@link #ttl()}, and {@link #minRetriesPerSecond()} are always allowed on top so a quiet
 * method can still retry. A retry the budget refuses is not made and the call ends with its last
 * failure. Methods with the same non-empty {@link #group()} share one budget (a budget per
 * dependency) and must agree on its parameters. Needs {@code @Retry} on the same method or class.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RetryBudget {

    /** Retries allowed per first attempt, between 0 and 10. */
    double ratio() default 0.2;

    /** How long a first attempt counts toward the budget; between 1 and 60 seconds. */
    long ttl() default 10;

    /** The unit of {@link #ttl()}. */
    ChronoUnit ttlUnit() default ChronoUnit.SECONDS;

    /** Retries per second allowed whatever the traffic; 0 or more. */
    int minRetriesPerSecond() default 10;

    /** Methods naming the same group share one budget; empty for a budget of the method's own. */
    String group() default "";
}
