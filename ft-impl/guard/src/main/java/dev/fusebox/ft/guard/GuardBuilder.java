package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.api.GuardOptions;
import dev.fusebox.ft.core.adaptive.AdaptiveLimit;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerListener;
import dev.fusebox.ft.core.hedge.Hedge;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.invocation.SyncStep;
import dev.fusebox.ft.core.metrics.MethodCounters;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.ratelimit.RateLimit;
import dev.fusebox.ft.core.retry.RetryAllowance;
import dev.fusebox.ft.core.retry.RetryBudget;
import dev.fusebox.ft.core.retry.RetryPolicy;
import dev.fusebox.ft.core.time.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Collects a guard's options and builds it: checks every value (a bad one is refused naming the
 * guard and the policy), makes the engines and the chains, and registers the guard under its name.
 * Not thread-safe: one thread builds.
 */
final class GuardBuilder implements Guard.Builder {

    /** Whether rejections fill in their stack traces (off by default, as in the CDI layer). */
    static final String STACK_TRACES = "fusebox.exceptions.stack-traces";

    private final String name;
    private BreakerOptions breaker;
    private RetryOptions retry;
    private BudgetOptions budget;
    private LimitOptions rateLimit;
    private BulkheadOptions bulkhead;
    private AdaptiveOptions adaptive;
    private HedgeOptions hedge;
    private long timeoutNanos;
    private ExceptionClassifier fallbackOn = ExceptionClassifier.all();

    GuardBuilder(String name) {
        this.name = name;
    }

    @Override
    public Guard.Builder circuitBreaker(Consumer<GuardOptions.CircuitBreaker> options) {
        breaker = configure("circuitBreaker", breaker, new BreakerOptions(), options);
        return this;
    }

    @Override
    public Guard.Builder retry(Consumer<GuardOptions.Retry> options) {
        retry = configure("retry", retry, new RetryOptions(), options);
        return this;
    }

    @Override
    public Guard.Builder retryBudget(Consumer<GuardOptions.RetryBudget> options) {
        budget = configure("retryBudget", budget, new BudgetOptions(), options);
        return this;
    }

    @Override
    public Guard.Builder rateLimit(Consumer<GuardOptions.RateLimit> options) {
        rateLimit = configure("rateLimit", rateLimit, new LimitOptions(), options);
        return this;
    }

    @Override
    public Guard.Builder timeout(Duration timeout) {
        if (timeoutNanos != 0) {
            throw twice("timeout");
        }
        long nanos = checked("timeout", () -> Durations.nanos("timeout", timeout));
        if (nanos == 0) {
            throw refused("timeout", "must be positive: " + timeout);
        }
        timeoutNanos = nanos;
        return this;
    }

    @Override
    public Guard.Builder bulkhead(Consumer<GuardOptions.Bulkhead> options) {
        if (adaptive != null) {
            throw oneBulkhead("an adaptive bulkhead");
        }
        bulkhead = configure("bulkhead", bulkhead, new BulkheadOptions(), options);
        return this;
    }

    @Override
    public Guard.Builder adaptiveBulkhead(Consumer<GuardOptions.AdaptiveBulkhead> options) {
        if (bulkhead != null) {
            throw oneBulkhead("a bulkhead");
        }
        adaptive = configure("adaptiveBulkhead", adaptive, new AdaptiveOptions(), options);
        return this;
    }

    @Override
    public Guard.Builder hedge(Consumer<GuardOptions.Hedge> options) {
        hedge = configure("hedge", hedge, new HedgeOptions(), options);
        return this;
    }

    @Override
    public Guard.Builder fallbackOn(Class<?>[] applyOn, Class<?>[] skipOn) {
        fallbackOn = checked("fallbackOn", () -> new ExceptionClassifier(Durations.throwables("applyOn", applyOn),
                Durations.throwables("skipOn", skipOn)));
        return this;
    }

    @Override
    public Guard build() {
        GuardOverrides overrides = GuardRegistry.overrides();
        if (overrides != null) {
            override(new ConfiguredOptions(name, overrides));
        }
        if (budget != null && retry == null) {
            throw refused("retryBudget", "needs a retry: a budget limits a retry's attempts");
        }
        RetryPolicy retryPolicy = retry == null ? null : checked("retry", () -> retry.policy(name));
        RetryAllowance allowance = budget == null ? RetryAllowance.UNLIMITED
                : new RetryBudget(checked("retryBudget", budget::policy), System.nanoTime());
        CircuitBreaker circuit = breaker == null ? null : new CircuitBreaker(name,
                checked("circuitBreaker", breaker::policy), Ticker.system(), CircuitBreakerListener.NONE);
        RateLimit limit = rateLimit == null ? null
                : new RateLimit(name, checked("rateLimit", rateLimit::policy), System.nanoTime());
        Bulkhead sync = null;
        AsyncBulkhead stages = null;
        if (bulkhead != null) {
            checked("bulkhead", () -> {
                bulkhead.check();
                return null;
            });
            sync = new Bulkhead(name, bulkhead.limit);
            stages = new AsyncBulkhead(name, bulkhead.limit, bulkhead.waitingTaskQueue);
            sync.setShadow(bulkhead.shadow);
            stages.setShadow(bulkhead.shadow);
        }
        AdaptiveLimit adaptiveLimit = adaptive == null ? null
                : new AdaptiveLimit(name, checked("adaptiveBulkhead", adaptive::policy), System.nanoTime());
        RetryBudget hedgeBudget = hedge == null ? null
                : new RetryBudget(checked("hedge", hedge::budgetPolicy), System.nanoTime());
        Hedge hedged = hedge == null ? null : new Hedge(name, checked("hedge", hedge::policy), hedgeBudget);
        if (circuit != null) {
            circuit.setShadow(breaker.shadow);
        }
        if (limit != null) {
            limit.setShadow(rateLimit.shadow);
        }
        GuardEngines engines = new GuardEngines(name, retryPolicy, allowance, circuit,
                breaker == null ? null : breaker.failures(), limit, hedged, hedgeBudget, timeoutNanos, sync, stages,
                adaptiveLimit, adaptive == null ? null : adaptive.enginePriority(), fallbackOn, new MethodCounters());
        FuseboxGuard guard = assemble(engines, new MicroProfileRejections(Boolean.getBoolean(STACK_TRACES)),
                GuardThreads.shared(), GuardRegistry.metrics(engines));
        GuardRegistry.add(guard);
        return guard;
    }

    /**
     * Applies the configured overrides of the policies the code set; {@code <Policy>/enabled=false}
     * turns one off. A policy the code did not set cannot be turned on by configuration.
     */
    private void override(ConfiguredOptions c) {
        if (breaker != null) {
            breaker = c.disabled("CircuitBreaker") ? null : checked("circuitBreaker", () -> {
                c.integer("CircuitBreaker", "requestVolumeThreshold").ifPresent(breaker::requestVolumeThreshold);
                c.decimal("CircuitBreaker", "failureRatio").ifPresent(breaker::failureRatio);
                c.duration("CircuitBreaker", "delay").ifPresent(breaker::delay);
                c.integer("CircuitBreaker", "successThreshold").ifPresent(breaker::successThreshold);
                return c.bool("CircuitBreaker", "shadow").map(breaker::shadow).orElse(breaker);
            });
        }
        if (retry != null) {
            retry = c.disabled("Retry") ? null : checked("retry", () -> {
                c.integer("Retry", "maxRetries").ifPresent(retry::maxRetries);
                c.duration("Retry", "delay").ifPresent(retry::delay);
                c.duration("Retry", "maxDuration").ifPresent(retry::maxDuration);
                return c.duration("Retry", "jitter").map(retry::jitter).orElse(retry);
            });
        }
        if (budget != null) {
            budget = c.disabled("RetryBudget") || retry == null ? null : checked("retryBudget", () -> {
                c.decimal("RetryBudget", "ratio").ifPresent(budget::ratio);
                c.duration("RetryBudget", "ttl").ifPresent(budget::ttl);
                return c.integer("RetryBudget", "minRetriesPerSecond").map(budget::minRetriesPerSecond).orElse(budget);
            });
        }
        if (rateLimit != null) {
            rateLimit = c.disabled("RateLimit") ? null : checked("rateLimit", () -> {
                c.integer("RateLimit", "value").ifPresent(rateLimit::limit);
                c.duration("RateLimit", "window").ifPresent(rateLimit::window);
                c.type("RateLimit", "type").ifPresent(rateLimit::type);
                c.duration("RateLimit", "minSpacing").ifPresent(rateLimit::minSpacing);
                return c.bool("RateLimit", "shadow").map(rateLimit::shadow).orElse(rateLimit);
            });
        }
        if (bulkhead != null) {
            bulkhead = c.disabled("Bulkhead") ? null : checked("bulkhead", () -> {
                c.integer("Bulkhead", "value").ifPresent(bulkhead::limit);
                c.integer("Bulkhead", "waitingTaskQueue").ifPresent(bulkhead::waitingTaskQueue);
                return c.bool("Bulkhead", "shadow").map(bulkhead::shadow).orElse(bulkhead);
            });
        }
        if (adaptive != null) {
            adaptive = c.disabled(AdaptiveOptions.KEY) ? null : checked("adaptiveBulkhead", () -> adaptive.override(c));
        }
        if (hedge != null) {
            hedge = c.disabled(HedgeOptions.KEY) ? null : checked("hedge", () -> hedge.override(c));
        }
        if (timeoutNanos > 0) {
            if (c.disabled("Timeout")) {
                timeoutNanos = 0;
            } else {
                timeoutNanos = checked("timeout", () -> c.duration("Timeout", "value")
                        .map(value -> Durations.nanos("timeout", value)).orElse(timeoutNanos));
                if (timeoutNanos == 0) {
                    throw refused("timeout", "the configured value must be positive");
                }
            }
        }
    }

    static FuseboxGuard assemble(GuardEngines engines, Rejections rejections, GuardThreads threads,
                                 MethodMetrics metrics) {
        SyncStep sync = GuardChains.sync(engines, rejections, threads, metrics);
        AsyncStep stage = GuardChains.stage(engines, rejections, threads, metrics);
        return new FuseboxGuard(engines, GuardChains.counted(sync, metrics), GuardChains.withFallback(sync, engines,
                metrics), GuardChains.counted(stage, metrics), GuardChains.withFallback(stage, engines, threads, metrics));
    }

    private <T> T configure(String policy, T before, T options, Consumer<? super T> settings) {
        if (before != null) {
            throw twice(policy);
        }
        Objects.requireNonNull(settings, policy + " needs its options (e.g. o -> { } for the defaults)");
        checked(policy, () -> {
            settings.accept(options);
            return null;
        });
        return options;
    }

    private interface Check<T> {
        T get();
    }

    private <T> T checked(String policy, Check<T> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException | NullPointerException bad) {
            throw refused(policy, bad.getMessage());
        }
    }

    private IllegalArgumentException refused(String policy, String why) {
        return new IllegalArgumentException("guard " + name + ", " + policy + ": " + why);
    }

    private IllegalStateException oneBulkhead(String other) {
        return new IllegalStateException("guard " + name + " has " + other + " already: an adaptive bulkhead takes"
                + " the bulkhead's place; use one bulkhead");
    }

    private IllegalStateException twice(String policy) {
        String article = policy.startsWith("a") ? " has an " : " has a ";
        return new IllegalStateException("guard " + name + article + policy + " already: each policy is set once");
    }

    static List<String> order() {
        return GuardChains.ORDER;
    }
}
