package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.api.AdaptiveAlgorithm;
import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.core.adaptive.AdaptiveLimitPolicy;
import dev.fusebox.ft.core.adaptive.AimdAlgorithm;
import dev.fusebox.ft.core.adaptive.GradientAlgorithm;
import dev.fusebox.ft.core.adaptive.Priority;
import dev.fusebox.ft.core.hedge.HedgePolicy;
import dev.fusebox.ft.core.retry.RetryBudgetPolicy;

/**
 * Resolves the annotations of issue 17 ({@code @AdaptiveBulkhead}, {@code @Hedge}) of one site,
 * overlaid with MicroProfile Config, into their specs: every parameter read through
 * {@link Parameters} and checked against the engine's bounds first, so that a bad value fails with
 * a message naming the parameter, the value and the rule. For {@link FuseboxPolicyResolver}.
 * Stateless.
 */
final class LimitSpecs {

    /** A hedge's budget counts over 10 seconds, a retry budget's default ttl. */
    private static final long HEDGE_BUDGET_TTL_NANOS = 10_000_000_000L;

    private LimitSpecs() {
    }

    static AdaptiveBulkheadSpec adaptiveBulkhead(AnnotationSite<AdaptiveBulkhead> site) {
        AdaptiveBulkhead bulkhead = site.annotation;
        Parameters p = new Parameters(site);
        int min = p.integer("minLimit", bulkhead.minLimit());
        int max = p.integer("maxLimit", bulkhead.maxLimit());
        int initial = p.integer("initialLimit", bulkhead.initialLimit());
        p.require(min >= 1, "minLimit", min, "must be at least 1");
        p.require(max <= AdaptiveLimitPolicy.MAX_LIMIT, "maxLimit", max, "must be at most " + AdaptiveLimitPolicy.MAX_LIMIT);
        p.require(max >= min, "maxLimit", max, "must be at least minLimit (" + min + ")");
        p.require(initial >= min && initial <= max, "initialLimit", initial, "must lie within [" + min + ", " + max + "]");
        long window = p.number("window", bulkhead.window());
        p.require(window >= 1, "window", window, "must be at least 1");
        long windowNanos = Parameters.nanos(window, p.unit("windowUnit", bulkhead.windowUnit()));
        p.require(windowNanos >= 1_000_000L && windowNanos <= AdaptiveLimitPolicy.MAX_NANOS, "window", window,
                "must be between 1 millisecond and 1 hour (" + windowNanos + " ns)");
        int samples = p.integer("minSamples", bulkhead.minSamples());
        p.require(samples >= 1 && samples <= 10_000, "minSamples", samples, "must be from 1 to 10000");
        double reserve = p.ratio("liveReserve", bulkhead.liveReserve());
        p.require(reserve >= 0 && reserve <= 0.9, "liveReserve", reserve, "must be from 0 to 0.9");
        boolean aimd = p.choice("algorithm", bulkhead.algorithm()) == AdaptiveAlgorithm.AIMD;
        boolean batch = p.choice("priority", bulkhead.priority()) == CallPriority.BATCH;
        return new AdaptiveBulkheadSpec(new AdaptiveLimitPolicy(aimd ? AimdAlgorithm.defaults() : GradientAlgorithm.defaults(),
                initial, min, max, windowNanos, samples, reserve), batch ? Priority.BATCH : Priority.LIVE,
                priorityParameter(site, p));
    }

    /** The index of the method's one {@code CallPriority} parameter; two are a definition error. */
    private static int priorityParameter(AnnotationSite<AdaptiveBulkhead> site, Parameters p) {
        int found = AdaptiveBulkheadSpec.NO_PARAMETER;
        Class<?>[] types = site.method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == CallPriority.class) {
                p.require(found == AdaptiveBulkheadSpec.NO_PARAMETER, "priority", "parameters " + found + " and " + i,
                        "comes from one CallPriority parameter at most");
                found = i;
            }
        }
        return found;
    }

    static HedgeSpec hedge(AnnotationSite<Hedge> site) {
        Hedge hedge = site.annotation;
        Parameters p = new Parameters(site);
        long delay = p.number("delay", hedge.delay());
        p.require(delay >= 1, "delay", delay, "must be at least 1");
        long delayNanos = Parameters.nanos(delay, p.unit("delayUnit", hedge.delayUnit()));
        p.require(delayNanos >= HedgePolicy.MIN_DELAY_NANOS && delayNanos <= HedgePolicy.MAX_DELAY_NANOS, "delay", delay,
                "must be between 1 millisecond and 1 hour (" + delayNanos + " ns)");
        double percentile = p.ratio("percentile", hedge.percentile());
        p.require(percentile == 0 || percentile >= 0.5 && percentile <= 0.999, "percentile", percentile,
                "must be 0 (a fixed delay) or from 0.5 to 0.999");
        int maxHedges = p.integer("maxHedges", hedge.maxHedges());
        p.require(maxHedges >= 1 && maxHedges <= HedgePolicy.MAX_HEDGES, "maxHedges", maxHedges,
                "must be from 1 to " + HedgePolicy.MAX_HEDGES);
        double budget = p.ratio("budget", hedge.budget());
        p.require(budget >= 0 && budget <= RetryBudgetPolicy.MAX_RATIO && (budget == 0 || Math.round(budget * 1000) > 0),
                "budget", budget, "must be 0 or from 0.0005 to 10 (further attempts per call)");
        int minPerSecond = p.integer("minHedgesPerSecond", hedge.minHedgesPerSecond());
        p.require(minPerSecond >= 0 && minPerSecond <= RetryBudgetPolicy.MAX_MIN_RETRIES_PER_SECOND, "minHedgesPerSecond",
                minPerSecond, "must be from 0 to " + RetryBudgetPolicy.MAX_MIN_RETRIES_PER_SECOND);
        return new HedgeSpec(new HedgePolicy(delayNanos, maxHedges, percentile),
                new RetryBudgetPolicy(budget, HEDGE_BUDGET_TTL_NANOS, minPerSecond));
    }
}
