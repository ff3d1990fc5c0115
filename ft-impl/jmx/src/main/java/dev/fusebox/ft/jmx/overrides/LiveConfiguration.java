package dev.fusebox.ft.jmx.overrides;

import dev.fusebox.ft.cdi.config.BulkheadSpec;
import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.cdi.config.PolicyResolver;
import dev.fusebox.ft.cdi.management.GuardedMethods;
import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.configsource.OverridesConfigSource;
import dev.fusebox.ft.configsource.OverridesFile;
import dev.fusebox.ft.jmx.ConfigurationChanges;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreakerPolicy;
import dev.fusebox.ft.core.retry.RetryPolicy;
import dev.fusebox.ft.management.ActionResult;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;

/**
 * Changes policy parameters of a running container through the operator overrides file (the
 * {@code config-source} module): a change is resolved against the configuration it would make,
 * refused with the resolver's message when invalid or above the bound of a parameter that sizes
 * memory (nothing is written then, nothing is allocated, the previous value stays in force),
 * written atomically, and applied to the method's engines in place, so a breaker keeps its state
 * and window. Hand edits of the file are validated the same way (an invalid entry never reaches
 * the configuration) and applied when the file changes. {@link #status()} is short whatever the
 * file holds (the store bounds its problem text). Thread-safe.
 */
public final class LiveConfiguration implements ConfigurationChanges, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveConfiguration.class.getName());

    /** Told of every change a hand edit applied or refused, for the audit; called on the thread that reloaded the file (thread-safe implementations). */
    public interface Journal {
        void record(String principal, String target, String parameter, String previous, String next, boolean applied,
                    String detail, String reason);
    }

    private final Config config;
    private final GuardedMethods methods;
    private final OverridesFile file;
    private final Journal journal;
    /** Serializes applying policies to engines (never held while waiting for the file's lock). */
    private final Object applying = new Object();
    /** Set while this thread writes the file, so the file's notice of our own write is not a hand edit. */
    private final ThreadLocal<Boolean> writing = new ThreadLocal<>();
    private OverridesFile.Subscription subscription;

    /**
     * @param file the overrides file of the configuration's {@link OverridesConfigSource}, or null
     *             when the application has none (every change is then refused)
     */
    public LiveConfiguration(Config config, GuardedMethods methods, OverridesFile file, Journal journal) {
        this.config = config;
        this.methods = methods;
        this.file = file;
        this.journal = journal;
    }

    /** The overrides file the configuration reads, or null when it has no {@link OverridesConfigSource}. */
    public static OverridesFile fileOf(Config config) {
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof OverridesConfigSource overrides && overrides.overridesFile() != null) {
                return overrides.overridesFile();
            }
        }
        return null;
    }

    @Override
    public String status() {
        if (file == null) {
            return NOT_CONFIGURED;
        }
        OverridesFile.Status status = file.status();
        return status.healthy() ? "in use and healthy: " + file.path() : "PROBLEM in " + file.path() + ": "
                + status.problem();
    }

    /** The file in use, or null. */
    public OverridesFile file() {
        return file;
    }

    /** Starts validating and applying hand edits of the file. */
    public synchronized void start() {
        if (file == null || subscription != null) {
            return;
        }
        file.setValidator(this::problem);
        subscription = file.addListener(change -> {
            if (writing.get() == null) {
                applyAll("file:" + file.path(), "hand edit of the overrides file");
            }
        });
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    /**
     * Changes {@code parameter} of {@code annotation} (e.g. CircuitBreaker, failureRatio) for one
     * method; times are in milliseconds. Never throws for bad input: the result says why it was
     * refused. The caller audits it.
     */
    @Override
    public ActionResult configure(MethodEngines method, String annotation, String parameter, String value, String reason,
                                  String principal) {
        String target = method.policy().name();
        String label = annotation + "/" + parameter;
        String previous = "";
        try {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("a reason is required to change " + label);
            }
            Parameter changing = Parameter.of(annotation, parameter);
            previous = current(method.policy(), changing);
            if (previous == null) {
                throw new IllegalArgumentException(target + " has no @" + annotation);
            }
            if (file == null) {
                throw new IllegalStateException("no operator overrides file configured (set "
                        + OverridesConfigSource.FILE_PROPERTY + " so the application's configuration reads one)");
            }
            Map<String, String> keys = keys(method.policy(), changing, Parameter.clean(value, label));
            MethodPolicy candidate = resolve(method.policy(), keys);
            writing.set(Boolean.TRUE);
            try {
                file.update(keys, List.of());
            } finally {
                writing.remove();
            }
            synchronized (applying) {
                // the file is part of the configuration now; resolve from it so what runs is what is written
                MethodPolicy written = new PolicyResolver(config).resolve(method.policy().beanClass(),
                        method.policy().method());
                methods.reconfigure(method, written != null ? written : candidate);
            }
            String next = current(method.policy(), changing);
            return new ActionResult(target, "configure", true, previous, next, label + " changed from " + previous
                    + " to " + next + " and written to " + file.path());
        } catch (FaultToleranceDefinitionException | IllegalArgumentException | IllegalStateException
                 | UncheckedIOException refused) {
            String why = refused.getMessage();
            return new ActionResult(target, "configure", false, previous, previous, "refused: " + why);
        }
    }

    /**
     * Resolves every method again from the configuration as it is now and applies what changed;
     * each change (or refusal, the policy in force then staying) is told to the journal with
     * {@code detail} as what caused it (a hand edit of the file, a fleet-wide override).
     */
    public void applyAll(String principal, String detail) {
        for (MethodEngines method : methods.all()) {
            MethodPolicy now = method.policy();
            try {
                MethodPolicy resolved = new PolicyResolver(config).resolve(now.beanClass(), now.method());
                if (resolved == null || describe(resolved).equals(describe(now))) {
                    continue;
                }
                synchronized (applying) {
                    methods.reconfigure(method, resolved);
                }
                journal.record(principal, now.name(), "policy", describe(now), describe(resolved), true, detail, "");
            } catch (RuntimeException refused) {
                LOG.log(System.Logger.Level.WARNING, "keeping the policy of " + now.name() + " after a change of "
                        + (file == null ? "the configuration" : file.path()) + ": " + refused.getMessage());
                journal.record(principal, now.name(), "policy", describe(now), describe(now), false,
                        refused.getMessage(), "");
            }
        }
    }

    /**
     * The file's validator (also used for a fleet's overrides): an entry for a guarded method must
     * resolve; anything else is accepted. Returns why it is refused, or null.
     */
    public String problem(String key, String value) {
        String[] parts = key.split("/");
        if (parts.length != 4) {
            return null;
        }
        for (MethodEngines method : methods.all()) {
            MethodPolicy policy = method.policy();
            if (policy.beanClass().getName().equals(parts[0]) && policy.method().getName().equals(parts[1])) {
                try {
                    resolve(policy, Map.of(key, value));
                } catch (RuntimeException invalid) {
                    return invalid.getMessage();
                }
            }
        }
        return null;
    }

    private MethodPolicy resolve(MethodPolicy policy, Map<String, String> candidates) {
        MethodPolicy resolved = new PolicyResolver(new OverlayConfig(config, candidates)).resolve(policy.beanClass(),
                policy.method());
        if (resolved == null) {
            throw new IllegalArgumentException("the change would leave " + policy.name() + " without a policy");
        }
        // turning a policy on or off is refused here too, before anything is written
        methods.checkCompatible(policy, resolved);
        return resolved;
    }

    private static Map<String, String> keys(MethodPolicy policy, Parameter parameter, String value) {
        String prefix = policy.beanClass().getName() + "/" + policy.method().getName() + "/" + parameter.annotation + "/";
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(prefix + parameter.name, value);
        if (parameter.unitName != null) {
            keys.put(prefix + parameter.unitName, "MILLIS");
        }
        return keys;
    }

    /** The parameter's value in force, as operators write it; null when the method has no such policy. */
    static String current(MethodPolicy policy, Parameter parameter) {
        CircuitBreakerPolicy breaker = policy.circuitBreaker() == null ? null : policy.circuitBreaker().policy();
        BulkheadSpec bulkhead = policy.bulkhead();
        RetryPolicy retry = policy.retry();
        return switch (parameter) {
            case CB_REQUEST_VOLUME -> breaker == null ? null : String.valueOf(breaker.requestVolumeThreshold());
            case CB_FAILURE_RATIO -> breaker == null ? null : String.valueOf(breaker.failureRatio());
            case CB_DELAY -> breaker == null ? null : millis(breaker.delayNanos());
            case CB_SUCCESS_THRESHOLD -> breaker == null ? null : String.valueOf(breaker.successThreshold());
            case CB_SHADOW -> breaker == null ? null : String.valueOf(policy.fusebox().circuitBreakerShadow());
            case BULKHEAD_VALUE -> bulkhead == null ? null : String.valueOf(bulkhead.value());
            case BULKHEAD_QUEUE -> bulkhead == null ? null : String.valueOf(bulkhead.waitingTaskQueue());
            case BULKHEAD_SHADOW -> bulkhead == null ? null : String.valueOf(policy.fusebox().bulkheadShadow());
            case RETRY_MAX_RETRIES -> retry == null ? null : String.valueOf(retry.maxRetries());
            case RETRY_DELAY -> retry == null ? null : millis(retry.delayNanos());
            case RETRY_MAX_DURATION -> retry == null ? null : millis(retry.maxDurationNanos());
            case RETRY_JITTER -> retry == null ? null : millis(retry.jitterNanos());
            case TIMEOUT_VALUE -> policy.timeoutNanos() <= 0 ? null : millis(policy.timeoutNanos());
            case RATE_LIMIT_SHADOW -> policy.fusebox().rateLimit() == null ? null
                    : String.valueOf(policy.fusebox().rateLimit().shadow());
        };
    }

    /** Every changeable parameter of a policy, for comparing and auditing. */
    static String describe(MethodPolicy policy) {
        List<String> parts = new ArrayList<>();
        for (Parameter parameter : Parameter.values()) {
            String value = current(policy, parameter);
            if (value != null) {
                parts.add(parameter.annotation + "/" + parameter.name + "=" + value);
            }
        }
        return String.join(", ", parts);
    }

    private static String millis(long nanos) {
        if (nanos % 1_000_000 == 0) {
            return String.valueOf(TimeUnit.NANOSECONDS.toMillis(nanos));
        }
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }
}
