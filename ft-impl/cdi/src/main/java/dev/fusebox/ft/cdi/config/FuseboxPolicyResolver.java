package dev.fusebox.ft.cdi.config;

import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.BeforeRetry;
import dev.fusebox.ft.api.BeforeRetryHandler;
import dev.fusebox.ft.api.CustomBackoff;
import dev.fusebox.ft.api.CustomBackoffStrategy;
import dev.fusebox.ft.api.ExponentialBackoff;
import dev.fusebox.ft.api.FibonacciBackoff;
import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.api.Jitter;
import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RateLimitType;
import dev.fusebox.ft.api.RetryBudget;
import dev.fusebox.ft.api.RetryWhen;
import dev.fusebox.ft.core.ratelimit.RateLimitPolicy;
import dev.fusebox.ft.core.ratelimit.RateLimitWindow;
import dev.fusebox.ft.core.retry.RetryBudgetPolicy;
import dev.fusebox.ft.core.retry.RetryPolicy;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Resolves Fusebox's own annotations ({@code dev.fusebox.ft.api}) of one bean method, overlaid with
 * MicroProfile Config through the specification's three key forms, into a {@link FuseboxPolicy};
 * {@link PolicyResolver} calls it once it has resolved the specification's annotations. The same
 * rules as there: every annotation present is validated, switched on or not; an error names the
 * place, the parameter, the value and where it came from. Rules of their own: a backoff,
 * {@code @RetryWhen}, {@code @BeforeRetry} and {@code @RetryBudget} need a {@code @Retry} governing
 * the method; one element carries at most one backoff (a method's own backoff wins over its class's);
 * a growing backoff's cap is not below the retry's delay and is below its maxDuration (a delay of 0
 * is allowed: every wait is then 0, as a test's configuration may want).
 * Thread-safe (stateless apart from the config it reads).
 */
final class FuseboxPolicyResolver {

    /** Fusebox's annotations, each of which a method must be checked for even without the specification's. */
    private static final List<Class<? extends Annotation>> ANNOTATIONS = List.of(RateLimit.class,
            ExponentialBackoff.class, FibonacciBackoff.class, CustomBackoff.class, RetryWhen.class, BeforeRetry.class,
            RetryBudget.class, AdaptiveBulkhead.class, Hedge.class);

    private final Config config;

    FuseboxPolicyResolver(Config config) {
        this.config = config;
    }

    /** Whether one of Fusebox's annotations governs {@code method} (on it, or on the bean class). */
    static boolean present(Class<?> beanClass, Method method) {
        for (Class<? extends Annotation> type : ANNOTATIONS) {
            if (method.getAnnotation(type) != null || beanClass.getAnnotation(type) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param retrySite    the {@code @Retry} governing the method, or null
     * @param retry        that retry's resolved (validated) policy, or null when there is none
     * @param retryEnabled whether that retry is switched on (its parts are validated either way)
     */
    FuseboxPolicy resolve(Class<?> beanClass, Method method, AnnotationSite<Retry> retrySite, RetryPolicy retry,
                          boolean retryEnabled) {
        AnnotationSite<RateLimit> rateLimitSite = AnnotationSite.find(RateLimit.class, beanClass, method, config);
        RateLimitSpec rateLimit = rateLimitSite == null ? null : rateLimit(rateLimitSite);
        BackoffSpec backoff = backoff(beanClass, method, retrySite, retry);
        RetryHooks hooks = hooks(beanClass, method, retrySite);
        AnnotationSite<RetryBudget> budgetSite = retryPart(RetryBudget.class, beanClass, method, retrySite);
        RetryBudgetSpec budget = budgetSite == null ? null : budget(budgetSite);
        AnnotationSite<AdaptiveBulkhead> adaptiveSite = AnnotationSite.find(AdaptiveBulkhead.class, beanClass, method, config);
        AdaptiveBulkheadSpec adaptive = adaptiveSite == null ? null : LimitSpecs.adaptiveBulkhead(adaptiveSite);
        if (adaptiveSite != null && AnnotationSite.find(Bulkhead.class, beanClass, method, config) != null) {
            throw DefinitionErrors.of("Invalid " + adaptiveSite.describe() + ": @Bulkhead governs the same method;"
                    + " use one bulkhead");
        }
        AnnotationSite<Hedge> hedgeSite = AnnotationSite.find(Hedge.class, beanClass, method, config);
        HedgeSpec hedge = hedgeSite == null ? null : LimitSpecs.hedge(hedgeSite);
        boolean retryOn = retry != null && retryEnabled;
        return new FuseboxPolicy(rateLimitSite != null && rateLimitSite.enabled() ? rateLimit : null,
                retryOn ? backoff : null, retryOn ? hooks : RetryHooks.NONE,
                retryOn && budgetSite != null && budgetSite.enabled() ? budget : null,
                shadow(CircuitBreaker.class, beanClass, method), shadow(Bulkhead.class, beanClass, method),
                adaptiveSite != null && adaptiveSite.enabled() ? adaptive : null,
                hedgeSite != null && hedgeSite.enabled() ? hedge : null);
    }


    private static RateLimitSpec rateLimit(AnnotationSite<RateLimit> site) {
        RateLimit limit = site.annotation;
        Parameters p = new Parameters(site);
        RateLimitType type = p.choice("type", limit.type());
        int value = p.integer("value", limit.value());
        p.require(value >= 1, "value", value, "must be at least 1");
        boolean rolling = type == RateLimitType.ROLLING;
        int max = rolling ? RateLimitPolicy.MAX_ROLLING_LIMIT : RateLimitPolicy.MAX_LIMIT;
        p.require(value <= max, "value", value, "must be at most " + max + " for a " + type + " window"
                + (rolling ? " (it keeps one slot in memory per admitted call)" : ""));
        long window = p.number("window", limit.window());
        p.require(window >= 1, "window", window, "must be at least 1");
        long windowNanos = Parameters.nanos(window, p.unit("windowUnit", limit.windowUnit()));
        p.require(windowNanos >= RateLimitPolicy.MIN_WINDOW_NANOS && windowNanos <= RateLimitPolicy.MAX_NANOS, "window",
                window, "must be between 1 millisecond and 365 days (" + windowNanos + " ns)");
        long spacing = p.number("minSpacing", limit.minSpacing());
        p.require(spacing >= 0, "minSpacing", spacing, "must not be negative");
        long spacingNanos = Parameters.nanos(spacing, p.unit("minSpacingUnit", limit.minSpacingUnit()));
        p.require(spacingNanos <= RateLimitPolicy.MAX_NANOS, "minSpacing", spacing, "must be at most 365 days");
        boolean shadow = p.flag(ValidKeys.SHADOW, false);
        RateLimitWindow kind = switch (type) {
            case FIXED -> RateLimitWindow.FIXED;
            case ROLLING -> RateLimitWindow.ROLLING;
            case SMOOTH -> RateLimitWindow.SMOOTH;
        };
        return new RateLimitSpec(new RateLimitPolicy(kind, value, windowNanos, spacingNanos), shadow);
    }

    private BackoffSpec backoff(Class<?> beanClass, Method method, AnnotationSite<Retry> retrySite, RetryPolicy retry) {
        List<AnnotationSite<?>> onMethod = new ArrayList<>();
        List<AnnotationSite<?>> onClass = new ArrayList<>();
        for (Class<? extends Annotation> type : List.of(ExponentialBackoff.class, FibonacciBackoff.class,
                CustomBackoff.class)) {
            AnnotationSite<?> site = retryPart(type, beanClass, method, retrySite);
            if (site != null) {
                (method.getAnnotation(type) != null ? onMethod : onClass).add(site);
            }
        }
        List<AnnotationSite<?>> governing = onMethod.isEmpty() ? onClass : onMethod;
        if (governing.isEmpty()) {
            return null;
        }
        if (governing.size() > 1) {
            throw DefinitionErrors.of("Invalid " + governing.get(0).describe() + ": "
                    + "@" + governing.get(1).type.getSimpleName() + " is on the same "
                    + (governing == onMethod ? "method" : "class") + "; use one backoff");
        }
        AnnotationSite<?> site = governing.get(0);
        BackoffSpec spec = backoffSpec(site, retry);
        return site.enabled() ? spec : null;
    }

    /** A backoff's spec, checked against the resolved retry beside it (its delay is the first wait). */
    private static BackoffSpec backoffSpec(AnnotationSite<?> site, RetryPolicy retry) {
        Parameters p = new Parameters(site);
        if (site.annotation instanceof CustomBackoff custom) {
            Class<?> strategy = p.type("value", custom.value());
            p.require(CustomBackoffStrategy.class.isAssignableFrom(strategy), "value", strategy.getName(),
                    "is not a " + CustomBackoffStrategy.class.getName());
            ApplicationClasses.check(strategy, p, "value");
            return new BackoffSpec(BackoffSpec.Kind.CUSTOM, 0, 0, null, strategy.asSubclass(CustomBackoffStrategy.class));
        }
        int factor = 0;
        long annotatedMaxDelay;
        ChronoUnit annotatedUnit;
        Jitter annotatedJitter;
        if (site.annotation instanceof ExponentialBackoff exponential) {
            factor = p.integer("factor", exponential.factor());
            p.require(factor >= 1, "factor", factor, "must be at least 1");
            annotatedMaxDelay = exponential.maxDelay();
            annotatedUnit = exponential.maxDelayUnit();
            annotatedJitter = exponential.jitter();
        } else {
            FibonacciBackoff fibonacci = (FibonacciBackoff) site.annotation;
            annotatedMaxDelay = fibonacci.maxDelay();
            annotatedUnit = fibonacci.maxDelayUnit();
            annotatedJitter = fibonacci.jitter();
        }
        long maxDelay = p.number("maxDelay", annotatedMaxDelay);
        p.require(maxDelay >= 0, "maxDelay", maxDelay, "must not be negative (0 for no cap)");
        long maxDelayNanos = Parameters.nanos(maxDelay, p.unit("maxDelayUnit", annotatedUnit));
        p.require(maxDelayNanos == 0 || maxDelayNanos >= retry.delayNanos(), "maxDelay", maxDelay,
                "must not be less than the @Retry delay (" + retry.delayNanos() + " ns), the first wait");
        p.require(retry.maxDurationNanos() == 0 || maxDelayNanos < retry.maxDurationNanos(), "maxDelay", maxDelay,
                "must be less than the @Retry maxDuration (" + retry.maxDurationNanos() + " ns)");
        Jitter jitter = p.choice("jitter", annotatedJitter);
        return new BackoffSpec(factor > 0 ? BackoffSpec.Kind.EXPONENTIAL : BackoffSpec.Kind.FIBONACCI, factor,
                maxDelayNanos, jitter, null);
    }

    @SuppressWarnings("unchecked")
    private RetryHooks hooks(Class<?> beanClass, Method method, AnnotationSite<Retry> retrySite) {
        AnnotationSite<RetryWhen> when = retryPart(RetryWhen.class, beanClass, method, retrySite);
        AnnotationSite<BeforeRetry> before = retryPart(BeforeRetry.class, beanClass, method, retrySite);
        Predicate<Object> onResult = null;
        Predicate<Throwable> onException = null;
        if (when != null && when.enabled()) {
            Parameters p = new Parameters(when);
            Class<?> result = p.type("result", when.annotation.result());
            Class<?> exception = p.type("exception", when.annotation.exception());
            p.require(Predicate.class.isAssignableFrom(result), "result", result.getName(), "is not a Predicate");
            p.require(Predicate.class.isAssignableFrom(exception), "exception", exception.getName(), "is not a Predicate");
            if (exception != RetryWhen.AnyException.class) {
                Parameters retry = new Parameters(retrySite);
                boolean classified = !retry.throwables("retryOn", retrySite.annotation.retryOn()).equals(List.of(Exception.class))
                        || !retry.throwables("abortOn", retrySite.annotation.abortOn()).isEmpty();
                p.require(!classified, "exception", exception.getName(), "replaces the @Retry retryOn and abortOn,"
                        + " which are set too; use one or the other");
                onException = (Predicate<Throwable>) ApplicationClasses.make(exception, p, "exception");
            }
            onResult = result == RetryWhen.NoResult.class ? null : (Predicate<Object>) ApplicationClasses.make(result, p, "result");
        }
        BeforeRetryHandler handler = null;
        Method hookMethod = null;
        if (before != null && before.enabled()) {
            Parameters p = new Parameters(before);
            Class<?> type = p.type("value", before.annotation.value());
            String name = p.text("methodName", before.annotation.methodName());
            boolean hasHandler = type != BeforeRetryHandler.None.class;
            if (hasHandler == !name.isEmpty()) {
                throw p.invalid("value", type.getName(), hasHandler ? "and methodName = " + name
                        + " are both set; use one of them" : "nor methodName is set; set one of them");
            }
            if (hasHandler) {
                p.require(BeforeRetryHandler.class.isAssignableFrom(type), "value", type.getName(),
                        "is not a " + BeforeRetryHandler.class.getName());
                handler = (BeforeRetryHandler) ApplicationClasses.make(type, p, "value");
            } else {
                hookMethod = ApplicationClasses.hookMethod(beanClass, name).orElseThrow(() -> p.invalid("methodName", name,
                        "names no method of " + beanClass.getName() + " with no parameters or one Throwable"));
            }
        }
        return onResult == null && onException == null && handler == null && hookMethod == null ? RetryHooks.NONE
                : new RetryHooks(onResult, onException, handler, hookMethod);
    }

    private static RetryBudgetSpec budget(AnnotationSite<RetryBudget> site) {
        RetryBudget budget = site.annotation;
        Parameters p = new Parameters(site);
        double ratio = p.ratio("ratio", budget.ratio());
        p.require(ratio >= 0 && ratio <= RetryBudgetPolicy.MAX_RATIO, "ratio", ratio,
                "must be between 0 and " + (int) RetryBudgetPolicy.MAX_RATIO);
        p.require(ratio == 0 || ratio >= 0.0005, "ratio", ratio, "must be 0 or at least 0.0005 (it is kept in"
                + " thousandths of a retry)");
        long ttl = p.number("ttl", budget.ttl());
        long ttlNanos = Parameters.nanos(ttl, p.unit("ttlUnit", budget.ttlUnit()));
        p.require(ttlNanos >= RetryBudgetPolicy.MIN_TTL_NANOS && ttlNanos <= RetryBudgetPolicy.MAX_TTL_NANOS, "ttl",
                ttl, "must be between 1 and 60 seconds");
        int perSecond = p.integer("minRetriesPerSecond", budget.minRetriesPerSecond());
        p.require(perSecond >= 0 && perSecond <= RetryBudgetPolicy.MAX_MIN_RETRIES_PER_SECOND, "minRetriesPerSecond",
                perSecond, "must be between 0 and " + RetryBudgetPolicy.MAX_MIN_RETRIES_PER_SECOND);
        String group = p.text("group", budget.group()).trim();
        return new RetryBudgetSpec(new RetryBudgetPolicy(ratio, ttlNanos, perSecond), group);
    }

    /** Whether the breaker or bulkhead governing the method runs in shadow mode ({@code .../shadow}). */
    private boolean shadow(Class<? extends Annotation> type, Class<?> beanClass, Method method) {
        AnnotationSite<?> site = AnnotationSite.find(type, beanClass, method, config);
        return site != null && new Parameters(site).flag(ValidKeys.SHADOW, false);
    }

    /** The site of an annotation that belongs to a retry; a definition error when no retry governs the method. */
    private <A extends Annotation> AnnotationSite<A> retryPart(Class<A> type, Class<?> beanClass, Method method,
                                                              AnnotationSite<Retry> retrySite) {
        AnnotationSite<A> site = AnnotationSite.find(type, beanClass, method, config);
        if (site != null && retrySite == null) {
            throw DefinitionErrors.of("Invalid " + site.describe() + ": it shapes the retries of a @Retry, and no"
                    + " @Retry governs this method; add @Retry to the method or its class");
        }
        return site;
    }
}
