package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.jmx.ApplicationControl;
import dev.fusebox.ft.jmx.ManagementExtension;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.fleet.FleetMXBean;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import java.lang.management.ManagementFactory;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The CDI portable extension of the fleet module (opt-in: on the class path it does nothing until
 * {@value FleetSettings#ZOOKEEPER} is configured). It starts after Fusebox's management (and its
 * remote access) at the end of deployment, so the fleet's forcings and overrides are applied before
 * the application serves its first call, and stops before management at shutdown. It reads its
 * settings from the application's MicroProfile Config, acts through management's
 * {@link ApplicationControl}, feeds the configuration's {@link FleetConfigSource}, and registers the
 * {@link FleetMXBean} {@code dev.fusebox.ft:type=Fleet,application=<app>}. Invalid settings fail
 * deployment with a message naming the key; an unreachable ensemble does not (see
 * {@link FleetAgent}). Thread-safety: the container calls {@code start} and {@code stop} once each,
 * on one thread.
 */
public class FleetExtension implements Extension {

    private FleetAgent agent;
    private ObjectName registered;

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 700) AfterDeploymentValidation event,
               BeanManager beans) throws InterruptedException {
        Config config = beans.getExtension(FaultToleranceExtension.class).config();
        FleetSettings settings = FleetSettings.read(key -> config.getOptionalValue(key, String.class).orElse(null));
        if (!settings.enabled()) {
            return;
        }
        ApplicationControl control = beans.getExtension(ManagementExtension.class).control();
        if (control == null) {
            throw new IllegalStateException("the fleet module started before Fusebox's management: "
                    + settings + " cannot act on the breakers");
        }
        agent = FleetAgent.start(settings, control, sourceOf(config));
        try {
            registered = new ObjectName(ManagementNames.DOMAIN + ":type=" + FleetMXBean.TYPE + ",application="
                    + ManagementNames.value(control.application()));
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            server.registerMBean(agent.status(), registered);
        } catch (JMException failed) {
            stop(null);
            throw new IllegalStateException("could not register the fleet MXBean of " + control.application() + ": "
                    + failed.getMessage(), failed);
        }
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 5) BeforeShutdown event) {
        if (registered != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            } catch (JMException gone) {
                System.getLogger(FleetExtension.class.getName()).log(System.Logger.Level.DEBUG,
                        () -> "fleet MXBean " + registered + " was unregistered already");
            }
            registered = null;
        }
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }

    /** The running agent (tests); null when none runs. */
    FleetAgent agent() {
        return agent;
    }

    /** The configuration's fleet source, or null when it has none. */
    static FleetConfigSource sourceOf(Config config) {
        for (ConfigSource source : config.getConfigSources()) {
            if (source instanceof FleetConfigSource fleet) {
                return fleet;
            }
        }
        return null;
    }
}
