package dev.fusebox.ft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * A bulkhead whose limit finds itself: at most as many calls run at once as the limit, which moves
 * after each sampling window with the calls' latency and drops (see docs/adaptive.md). A call over
 * the limit is rejected at once with a {@code BulkheadException}; adaptive bulkheads do not queue.
 * A call of {@link CallPriority#BATCH} priority may not use the {@link #liveReserve()} share of the
 * limit, so batch work is refused first as the limit fills.
 *
 * <p>On a method, it governs that method; on a class, every business method of the class, each
 * with its own limit. It takes the place of the specification's {@code @Bulkhead}: a method governed
 * by both fails deployment. Every member can be overridden through MicroProfile Config with the
 * specification's three key forms, e.g. {@code com.example.Shop/checkout/AdaptiveBulkhead/maxLimit=50}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AdaptiveBulkhead {

    /** How the limit moves after each window. */
    AdaptiveAlgorithm algorithm() default AdaptiveAlgorithm.GRADIENT;

    /** The limit before the first window closes; within [minLimit, maxLimit]. */
    int initialLimit() default 20;

    /** The least the limit falls to; at least 1. */
    int minLimit() default 1;

    /** The most the limit grows to; at most 10,000. */
    int maxLimit() default 200;

    /** How long a sampling window lasts at least; 1 ms to 1 hour. */
    long window() default 1;

    /** The unit of {@link #window()}. */
    ChronoUnit windowUnit() default ChronoUnit.SECONDS;

    /** How many calls must end in a window before it closes; 1 to 10,000. */
    int minSamples() default 10;

    /** The share of the limit only live calls may use; 0 to 0.9. */
    double liveReserve() default 0.1;

    /** The priority of this method's calls, unless a call gives its own through a {@link CallPriority} parameter. */
    CallPriority priority() default CallPriority.LIVE;
}
