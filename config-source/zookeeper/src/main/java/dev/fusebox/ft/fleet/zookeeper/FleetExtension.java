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
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.StandardMBean;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The CDI portable extension of the fleet module (opt-in: on the class path it does nothing until
 * {@value FleetSettings#ZOOKEEPER} is configured). At the end of deployment, after Fusebox's
 * management has started, it reads its settings from the application's MicroProfile Config and
 * registers the {@link FleetMXBean} {@code dev.fusebox.ft:type=Fleet,application=<app>} with
 * management's MXBeans (so the remote connector, which starts next, serves it too, and management
 * unregisters it at shutdown); after the remote connector it starts the {@link FleetAgent}, which
 * applies the fleet's forcings and overrides before the application serves its first call. At
 * shutdown it stops the agent before management stops. It acts through management's
 * {@link ApplicationControl} and feeds the configuration's {@link FleetConfigSource}. Invalid
 * settings fail deployment with a message naming the key; an unreachable ensemble does not (see
 * {@link FleetAgent}). If a later observer fails the deployment before the agent starts, nothing of
 * the fleet runs yet (no connection, no thread). Thread-safety: the container calls the observers
 * once each, on one thread.
 */
public class FleetExtension implements Extension {

    private FleetSettings settings;
    private FleetStatus status;
    private FleetAgent agent;

    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 550) AfterDeploymentValidation event,
                  BeanManager beans) {
        FleetSettings read = FleetSettings.read(key -> config(beans).getOptionalValue(key, String.class).orElse(null));
        if (!read.enabled()) {
            return;
        }
        ApplicationControl control = control(beans, read);
        read.access(); // refuses bad ACL ids or timeouts now, naming the key
        settings = read;
        status = new FleetStatus(read.application(), read.instanceId(), read.zookeeper() + read.layout().root());
        FleetStatus registered = status;
        control.publish(name(control.application()), () -> new StandardMBean(registered, FleetMXBean.class, true));
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 700) AfterDeploymentValidation event,
               BeanManager beans) throws InterruptedException {
        if (settings != null) {
            FleetSettings used = settings.jmxAddress().isEmpty() ? settings.withJmxAddress(RemoteAddress.of(beans))
                    : settings;
            agent = FleetAgent.start(used, control(beans, used), sourceOf(config(beans)), status);
        }
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 5) BeforeShutdown event) {
        if (agent != null) {
            agent.close();
            agent = null;
        }
    }

    /** The running agent (tests); null when none runs. */
    FleetAgent agent() {
        return agent;
    }

    private static Config config(BeanManager beans) {
        return beans.getExtension(FaultToleranceExtension.class).config();
    }

    private static ApplicationControl control(BeanManager beans, FleetSettings settings) {
        ApplicationControl control = beans.getExtension(ManagementExtension.class).control();
        if (control == null) {
            throw new IllegalStateException("the fleet module started before Fusebox's management, or management"
                    + " failed: " + settings + " cannot act on the breakers");
        }
        return control;
    }

    static ObjectName name(String application) {
        try {
            return new ObjectName(ManagementNames.DOMAIN + ":type=" + FleetMXBean.TYPE + ",application="
                    + ManagementNames.value(application));
        } catch (MalformedObjectNameException impossible) {
            throw new IllegalStateException("no ObjectName for the fleet status of " + application, impossible);
        }
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
