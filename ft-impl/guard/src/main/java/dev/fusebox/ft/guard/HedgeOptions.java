package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.GuardOptions;
import dev.fusebox.ft.core.hedge.HedgePolicy;
import dev.fusebox.ft.core.retry.RetryBudgetPolicy;
import java.time.Duration;

/**
 * A guard's hedge options, with {@code @Hedge}'s defaults. The bounds are {@link HedgePolicy}'s and,
 * for the budget, {@link RetryBudgetPolicy}'s (the hedges draw on a retry budget of their own, as
 * in the CDI layer), checked when the guard is built. Not thread-safe: the builder's.
 */
final class HedgeOptions implements GuardOptions.Hedge {

    /** The policy's name in configuration keys, {@code <guard>/Hedge/<parameter>}. */
    static final String KEY = "Hedge";

    /** The hedges' budget counts over 10 seconds, as {@code @Hedge}'s. */
    static final long BUDGET_TTL_NANOS = 10_000_000_000L;

    private long delayNanos = 100_000_000L;
    private double percentile;
    private int maxHedges = 1;
    private double budget = 0.1;
    private int minHedgesPerSecond = 1;

    @Override
    public HedgeOptions delay(Duration delay) {
        delayNanos = Durations.nanos("delay", delay);
        return this;
    }

    @Override
    public HedgeOptions percentile(double percentile) {
        this.percentile = percentile;
        return this;
    }

    @Override
    public HedgeOptions maxHedges(int hedges) {
        maxHedges = hedges;
        return this;
    }

    @Override
    public HedgeOptions budget(double hedgesPerCall) {
        budget = hedgesPerCall;
        return this;
    }

    @Override
    public HedgeOptions minHedgesPerSecond(int hedges) {
        minHedgesPerSecond = hedges;
        return this;
    }

    /** Applies the configured values of {@code <guard>/Hedge/<parameter>}, each named as its option. */
    HedgeOptions override(ConfiguredOptions c) {
        c.duration(KEY, "delay").ifPresent(this::delay);
        c.decimal(KEY, "percentile").ifPresent(this::percentile);
        c.integer(KEY, "maxHedges").ifPresent(this::maxHedges);
        c.decimal(KEY, "budget").ifPresent(this::budget);
        c.integer(KEY, "minHedgesPerSecond").ifPresent(this::minHedgesPerSecond);
        return this;
    }

    /** The engine's policy; refused by its own checks when a value is out of bounds. */
    HedgePolicy policy() {
        return new HedgePolicy(delayNanos, maxHedges, percentile);
    }

    /** The policy of the hedges' budget; refused by the retry budget's checks, which name its own parameters. */
    RetryBudgetPolicy budgetPolicy() {
        try {
            return new RetryBudgetPolicy(budget, BUDGET_TTL_NANOS, minHedgesPerSecond);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException("budget " + budget + " and minHedgesPerSecond " + minHedgesPerSecond
                    + " are the ratio and minRetriesPerSecond of the hedges' retry budget: " + bad.getMessage(), bad);
        }
    }
}
