package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.interceptor.Chains;
import dev.fusebox.ft.management.FaultToleranceOperations;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.Config;

/**
 * The CDI portable extension of Fusebox's JMX management. Once the fault tolerance extension has
 * assembled the chains (this observes the end of deployment later than it), registers the
 * application's MXBeans and starts the management thread; at shutdown removes them all. Adds the
 * {@link FaultToleranceOperations} bean for application code. Uses a {@link ForcedStateStore} and
 * a {@link ConfigurationChanges} bean when the application has one.
 *
 * <p>MicroProfile Config: {@value ApplicationManagement#APPLICATION_KEY} (default
 * {@value ApplicationManagement#DEFAULT_APPLICATION}), {@value ApplicationManagement#ENABLED_KEY}
 * (default true), {@code fusebox.groups.<name>} (breaker groups). One instance per container.
 */
public class ManagementExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(ManagementExtension.class.getName());

    private volatile OperatorActions actions;
    private ApplicationManagement running;

    void addOperations(@Observes AfterBeanDiscovery event) {
        event.addBean().beanClass(JavaOperations.class).types(FaultToleranceOperations.class, Object.class)
                .scope(Singleton.class).createWith(context -> new JavaOperations(() -> actions));
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 500) AfterDeploymentValidation event,
               BeanManager beans) {
        FaultToleranceExtension faultTolerance = beans.getExtension(FaultToleranceExtension.class);
        Chains chains = faultTolerance.chains();
        if (chains == null) {
            event.addDeploymentProblem(new IllegalStateException("fault tolerance management started before the"
                    + " fault tolerance extension assembled its chains"));
            return;
        }
        Config config = faultTolerance.config();
        boolean enabled = config.getOptionalValue(ApplicationManagement.ENABLED_KEY, Boolean.class).orElse(true);
        String application = config.getOptionalValue(ApplicationManagement.APPLICATION_KEY, String.class)
                .filter(name -> !name.isBlank()).orElse(ApplicationManagement.DEFAULT_APPLICATION);
        try {
            running = ApplicationManagement.start(chains.managed(), enabled, application,
                    BreakerSelection.groupDefinitions(config), supplied(beans, ForcedStateStore.class, ForcedStateStore.NONE),
                    supplied(beans, ConfigurationChanges.class, ConfigurationChanges.NONE));
            actions = running.actions();
            LOG.log(System.Logger.Level.DEBUG, () -> "fault tolerance management of " + running.application()
                    + " started: " + chains.managed().size() + " guarded methods");
        } catch (RuntimeException failed) {
            event.addDeploymentProblem(failed);
        }
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) BeforeShutdown event) {
        actions = null;
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    private static <T> T supplied(BeanManager beans, Class<T> type, T otherwise) {
        Instance<T> found = beans.createInstance().select(type);
        return found.isResolvable() ? found.get() : otherwise;
    }

    /** The application name management registered under; null before deployment ended or when stopped. */
    public String application() {
        ApplicationManagement started = running;
        return started == null ? null : started.application();
    }
}
