package dev.fusebox.ft.health;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.config.KeyDistance;
import dev.fusebox.ft.cdi.management.GuardedMethods;
import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.microprofile.config.Config;

/**
 * The CDI portable extension of Fusebox's health check, found through its service file as the
 * other Fusebox extensions are. It adds {@link BreakerReadinessCheck} to the deployment itself,
 * so the check needs no bean archive and no discovery (it works with bean discovery off, on Weld
 * SE, Weld Servlet and OpenWebBeans alike), and adds it only when the MicroProfile Health API is
 * there: with this module but without MP Health the application is unchanged, and a warning says
 * why there is no check. Once the fault tolerance extension has assembled its chains (this
 * observes the end of deployment later than it), it reads the breakers through the CDI layer's
 * management port ({@link FaultToleranceExtension#guardedMethods()}) and resolves
 * {@value CriticalBreakers#KEY} once; a wrong entry fails deployment, and any other
 * {@code fusebox.health.*} key gets a warning (a misspelling of it).
 *
 * <p>Thread-safety: the container calls the observers on one thread; {@link #report()} may be
 * called from any thread after deployment (it reads one volatile reference to immutable state and
 * the breakers, which are thread-safe).
 */
public class ReadinessExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(ReadinessExtension.class.getName());
    private static final String HEALTH_API = "org.eclipse.microprofile.health.HealthCheck";
    /** The prefix of this module's configuration keys. */
    private static final String KEYS = "fusebox.health.";

    /** What the check watches, fixed at deployment. */
    private record Watched(List<CircuitBreaker> breakers, CriticalBreakers critical) {
    }

    private volatile Watched watched;
    private boolean registered;

    void addCheck(@Observes BeforeBeanDiscovery event) {
        registered = healthApiPresent();
        if (registered) {
            event.addAnnotatedType(BreakerReadinessCheck.class, BreakerReadinessCheck.class.getName());
        } else {
            LOG.log(System.Logger.Level.WARNING, "fusebox-ft-health is on the class path but the MicroProfile Health"
                    + " API (" + HEALTH_API + ") is not: no readiness check over the circuit breakers is registered");
        }
    }

    void resolveCritical(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 400) AfterDeploymentValidation event,
                         BeanManager beans) {
        if (!registered) {
            return;
        }
        FaultToleranceExtension faultTolerance = beans.getExtension(FaultToleranceExtension.class);
        GuardedMethods methods = faultTolerance.guardedMethods();
        if (methods == null) {
            throw new DeploymentException("the Fusebox readiness check started before the fault tolerance extension"
                    + " assembled its chains");
        }
        List<CircuitBreaker> breakers = methods.all().stream().map(MethodEngines::breaker).filter(Objects::nonNull)
                .toList();
        Config config = faultTolerance.config();
        warnAboutUnknownKeys(config);
        String list = config.getOptionalValue(CriticalBreakers.KEY, String.class).orElse(null);
        try {
            CriticalBreakers critical = list == null ? CriticalBreakers.none()
                    : CriticalBreakers.resolve(list, breakers.stream().map(CircuitBreaker::name).toList(),
                    methods.all().stream().map(MethodEngines::name).toList(), BreakerGroups.of(config));
            watched = new Watched(breakers, critical);
        } catch (IllegalArgumentException wrong) {
            throw new DeploymentException(wrong.getMessage(), wrong);
        }
    }

    /** The readiness of the application now; DOWN before deployment has ended. */
    ReadinessReport report() {
        Watched current = watched;
        if (current == null) {
            return new ReadinessReport(false, Map.of("reason", "deployment has not ended"));
        }
        return ReadinessReport.of(current.breakers(), current.critical());
    }

    /**
     * Logs a warning for each {@code fusebox.health.*} key that is not {@value CriticalBreakers#KEY}
     * (the fault tolerance extension leaves the {@code fusebox.*} keys of other modules to them).
     */
    private static void warnAboutUnknownKeys(Config config) {
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(KEYS) && !name.equals(CriticalBreakers.KEY)) {
                String source = config.getConfigValue(name).getSourceName();
                LOG.log(System.Logger.Level.WARNING, "Fusebox ignores the configuration key '" + name + "'"
                        + (source == null ? "" : " (config source '" + source + "')") + ": Fusebox has no setting of"
                        + " this name; " + (KeyDistance.near(name, CriticalBreakers.KEY) ? "did you mean '"
                        + CriticalBreakers.KEY + "'?" : "its only setting is " + CriticalBreakers.KEY));
            }
        }
    }

    private static boolean healthApiPresent() {
        try {
            Class.forName(HEALTH_API, false, ReadinessExtension.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError absent) {
            return false;
        }
    }
}
