package dev.fusebox.ft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Makes the waits of the {@code @Retry} beside it grow like the Fibonacci numbers, starting from
 * the retry's {@code delay} (gentler than doubling), never more than {@link #maxDelay()}, then
 * randomized by {@link #jitter()}. The same rules as {@link ExponentialBackoff} otherwise.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface FibonacciBackoff {

    /** The longest wait, before jitter; 0 for no cap. Less than the retry's {@code maxDuration}. */
    long maxDelay() default 60000;

    /** The unit of {@link #maxDelay()}. */
    ChronoUnit maxDelayUnit() default ChronoUnit.MILLIS;

    /** How each wait is randomized. */
    Jitter jitter() default Jitter.FULL;
}
