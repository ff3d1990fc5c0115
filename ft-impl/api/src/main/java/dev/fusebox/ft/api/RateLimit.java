package dev.fusebox.ft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * At most {@link #value()} calls per {@link #window()}: a call over the limit is rejected at once
 * with a {@link RateLimitException} that says how long to wait. A rejected call takes nothing from
 * the limit, so a client that backs off for the time it is told gets in. Each retry attempt passes
 * the limit on its own; an open circuit breaker rejects before the limit is asked.
 *
 * <p>On a method, it governs that method; on a class, every business method of the class, each
 * with its own limit. Every member can be overridden through MicroProfile Config with the
 * specification's three key forms, e.g. {@code com.example.Shop/checkout/RateLimit/value=50};
 * {@code .../RateLimit/shadow=true} counts the calls it would reject and lets them run
 * (see docs/guards.md).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RateLimit {

    /** The most calls admitted per window; at least 1. */
    int value() default 100;

    /** The window's length; at least 1. */
    long window() default 1;

    /** The unit of {@link #window()}. */
    ChronoUnit windowUnit() default ChronoUnit.SECONDS;

    /** The least time between two admitted calls; 0 for none. */
    long minSpacing() default 0;

    /** The unit of {@link #minSpacing()}. */
    ChronoUnit minSpacingUnit() default ChronoUnit.SECONDS;

    /** How the window is measured. */
    RateLimitType type() default RateLimitType.FIXED;
}
