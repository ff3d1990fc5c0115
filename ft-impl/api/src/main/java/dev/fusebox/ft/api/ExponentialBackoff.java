package dev.fusebox.ft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Makes the waits of the {@code @Retry} beside it grow exponentially: the first is the retry's
 * {@code delay}, each next one {@link #factor()} times the one before, never more than
 * {@link #maxDelay()}, then randomized by {@link #jitter()} (the retry's own additive
 * {@code jitter} is not applied). The retry's {@code maxDuration} still bounds the whole: a retry
 * whose wait would end past it does not start. Needs {@code @Retry} on the same method or class;
 * at most one backoff annotation per element.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface ExponentialBackoff {

    /** How much each wait grows; at least 1. */
    int factor() default 2;

    /** The longest wait, before jitter; 0 for no cap. Less than the retry's {@code maxDuration}. */
    long maxDelay() default 60000;

    /** The unit of {@link #maxDelay()}. */
    ChronoUnit maxDelayUnit() default ChronoUnit.MILLIS;

    /** How each wait is randomized. */
    Jitter jitter() default Jitter.FULL;
}
