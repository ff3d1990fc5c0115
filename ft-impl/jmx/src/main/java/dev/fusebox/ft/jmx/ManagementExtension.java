package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.interceptor.Chains;
import dev.fusebox.ft.configsource.OverridesFile;
import dev.fusebox.ft.jmx.overrides.ForcedStatesFile;
import dev.fusebox.ft.jmx.overrides.LiveConfiguration;
import dev.fusebox.ft.jmx.remote.RemoteConnector;
import dev.fusebox.ft.jmx.remote.RemoteSettings;
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
import java.lang.management.ManagementFactory;
import javax.management.remote.JMXServiceURL;
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
    private LiveConfiguration live;
    private RemoteConnector remote;
    private boolean publishedAddress;

    /** System property set to {@code host:port} while this container's remote connector runs. */
    public static final String ADDRESS_PROPERTY = "fusebox.jmx.remote.address";

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
            ForcedStateStore store = supplied(beans, ForcedStateStore.class, null);
            ConfigurationChanges changes = supplied(beans, ConfigurationChanges.class, null);
            OverridesFile overrides = LiveConfiguration.fileOf(config);
            if (overrides != null) {
                // the application reads an operator overrides file: keep forcings and parameter changes there
                store = store != null ? store : new ForcedStatesFile(overrides);
                if (changes == null) {
                    live = new LiveConfiguration(config, chains, overrides, this::handEdit);
                    changes = live;
                }
            }
            running = ApplicationManagement.start(chains.managed(), enabled, application,
                    BreakerSelection.groupDefinitions(config), store != null ? store : ForcedStateStore.NONE,
                    changes != null ? changes : ConfigurationChanges.NONE);
            actions = running.actions();
            if (live != null) {
                live.start();
            }
            RemoteSettings settings = RemoteSettings.from(config);
            if (settings.enabled()) {
                remote = RemoteConnector.start(settings, ManagementFactory.getPlatformMBeanServer());
                // lets tools on this machine (the console's discovery, through the Attach API) find it
                if (System.getProperty(ADDRESS_PROPERTY) == null) {
                    System.setProperty(ADDRESS_PROPERTY, remote.address().getHost() + ":" + remote.address().getPort());
                    publishedAddress = true;
                }
                LOG.log(System.Logger.Level.INFO, "fault tolerance management of " + running.application()
                        + " is reachable at " + remote.address() + " (authentication required)");
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "fault tolerance management of " + running.application()
                    + " started: " + chains.managed().size() + " guarded methods");
        } catch (RuntimeException failed) {
            stop(null);
            event.addDeploymentProblem(failed);
        }
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) BeforeShutdown event) {
        if (remote != null) {
            if (publishedAddress) {
                System.clearProperty(ADDRESS_PROPERTY);
                publishedAddress = false;
            }
            try {
                remote.close();
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "could not close the remote JMX connector", failed);
            }
            remote = null;
        }
        if (live != null) {
            live.close();
            live = null;
        }
        actions = null;
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    /** Audits what a hand edit of the overrides file changed or why it was refused. */
    private void handEdit(String principal, String target, String parameter, String previous, String next,
                          boolean applied, String detail, String reason) {
        OperatorActions current = actions;
        if (current != null) {
            current.record(principal, "configure", target, reason, previous, next, applied,
                    detail == null || detail.isEmpty() ? "hand edit of the overrides file" : detail);
        }
    }

    private static <T> T supplied(BeanManager beans, Class<T> type, T otherwise) {
        Instance<T> found = beans.createInstance().select(type);
        return found.isResolvable() ? found.get() : otherwise;
    }

    /** Where remote JMX clients connect, or null when the remote connector is off. */
    public JMXServiceURL remoteAddress() {
        RemoteConnector started = remote;
        return started == null ? null : started.address();
    }

    /** The application name management registered under; null before deployment ended or when stopped. */
    public String application() {
        ApplicationManagement started = running;
        return started == null ? null : started.application();
    }
}
