package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.jmx.GuardManagement;
import dev.fusebox.ft.jmx.ManagementExtension;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import java.lang.management.ManagementFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The CDI portable extension that starts the remote connector of a container, when
 * {@value RemoteSettings#ENABLED} is true: found through {@code META-INF/services} once this module
 * is on the class path (opt-in by dependency), or added by hand to a container without discovery.
 * Needs {@link ManagementExtension} in the same container; starts after it has registered the
 * MXBeans and stops before it removes them. One instance per container; the container calls it
 * from one thread.
 * Not shared between threads otherwise; it needs no synchronisation of its own. A connector that
 * cannot start fails deployment, thrown from the observer so that the reason is in the container's
 * failure on OpenWebBeans as on Weld.
 */
public class RemoteAccessExtension implements Extension {

    private static final System.Logger LOG = System.getLogger(RemoteAccessExtension.class.getName());

    /** System property set to {@code host:port} while this container's remote connector runs. */
    public static final String ADDRESS_PROPERTY = "fusebox.jmx.remote.address";

    private RemoteConnector remote;
    private boolean publishedAddress;
    private Runnable guardsServed;

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 600) AfterDeploymentValidation event,
               BeanManager beans) {
        ManagementExtension management;
        try {
            management = beans.getExtension(ManagementExtension.class);
        } catch (IllegalArgumentException missing) {
            throw new IllegalStateException("remote JMX access needs Fusebox's JMX management ("
                    + ManagementExtension.class.getName() + ") in the same container", missing);
        }
        String application = management.application();
        if (application == null) {
            return; // management did not start; it has reported why
        }
        try {
            RemoteSettings settings = RemoteSettings.from(beans.getExtension(FaultToleranceExtension.class).config());
            if (!settings.enabled()) {
                return;
            }
            remote = RemoteConnector.start(settings, management.publishedMBeans(),
                    ManagementFactory.getPlatformMBeanServer(), management::audit);
            GuardManagement guards = management.guards();
            if (guards != null) {
                RemoteConnector serving = remote;
                guardsServed = guards.listen(() -> serving.serveGuards(guards.publishedMBeans()));
            }
            // lets tools on this machine (the console's discovery, through the Attach API) find it
            if (System.getProperty(ADDRESS_PROPERTY) == null) {
                System.setProperty(ADDRESS_PROPERTY, remote.address().getHost() + ":" + remote.address().getPort());
                publishedAddress = true;
            }
            LOG.log(System.Logger.Level.INFO, "fault tolerance management of " + application + " is reachable at "
                    + remote.address() + " (authentication required)");
        } catch (RuntimeException failed) {
            // the deployment fails, and a failed one fires no BeforeShutdown: stop what management started
            management.stopAfterFailedDeployment();
            // thrown, not given to addDeploymentProblem: OpenWebBeans would only log it (see ManagementExtension)
            throw failed;
        }
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) BeforeShutdown event) {
        if (remote == null) {
            return;
        }
        if (guardsServed != null) {
            guardsServed.run();
            guardsServed = null;
        }
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

    /** Where remote JMX clients connect, or null when the remote connector is off. */
    public JMXServiceURL remoteAddress() {
        RemoteConnector started = remote;
        return started == null ? null : started.address();
    }
}
