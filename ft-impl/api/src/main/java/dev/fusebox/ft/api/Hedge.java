package dev.fusebox.ft.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoUnit;

/**
 * Hedged calls: when a call has not answered after {@link #delay()}, a further attempt starts, and
 * the first attempt to succeed answers; the others are interrupted (see docs/adaptive.md). Each
 * attempt passes the timeout and the bulkhead on its own; the breaker, the rate limit and the retry
 * see the hedged call as one call. A budget caps the extra load: at most {@link #budget()} further
 * attempts per call over the last 10 seconds, plus {@link #minHedgesPerSecond()}.
 *
 * <p>A synchronous method's attempts all run on the container's worker threads while the caller
 * waits: its thread-bound state (a transaction, a thread-local) is not there. Every member can be
 * overridden through MicroProfile Config with the specification's three key forms, e.g.
 * {@code com.example.Search/query/Hedge/delay=50}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Hedge {

    /** The wait before each further attempt; with a {@link #percentile()}, until enough latencies are known. 1 ms to 1 hour. */
    long delay() default 100;

    /** The unit of {@link #delay()}. */
    ChronoUnit delayUnit() default ChronoUnit.MILLIS;

    /** 0 for the fixed delay, or the share of recent first attempts that answer before a hedge starts, 0.5 to 0.999. */
    double percentile() default 0;

    /** How many further attempts a call may start; 1 to 4. */
    int maxHedges() default 1;

    /** Further attempts allowed per call, over the last 10 seconds; 0 to 10. */
    double budget() default 0.1;

    /** Further attempts allowed per second on top of the budget; 0 to 100,000. */
    int minHedgesPerSecond() default 1;
}
