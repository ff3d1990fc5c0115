package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.fleet.FleetMXBean;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMX;
import javax.management.ObjectName;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One instance of the test application "shop" in this JVM: a real Weld container with its own
 * Config (the fleet ConfigSource and the fleet settings), its own instance id and its own
 * management name. Not thread-safe: one test thread.
 */
final class FleetInstance implements AutoCloseable {

    static final String APPLICATION = "shop";
    static final String CHARGE = Shop.Payments.class.getName() + "#charge";

    final String id;
    final Container container;
    final Shop.Payments payments;

    private FleetInstance(String id, Container container) {
        this.id = id;
        this.container = container;
        this.payments = container.bean(Shop.Payments.class);
    }

    /** Starts instance {@code id} of the fleet at {@code connectString}, with {@code more} settings. */
    static FleetInstance start(String id, String connectString, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>();
        settings.put("fusebox.management.application", APPLICATION + "-" + id);
        settings.put(FleetSettings.APPLICATION, APPLICATION);
        settings.put(FleetSettings.ZOOKEEPER, connectString);
        settings.put(FleetSettings.INSTANCE_ID, id);
        settings.put(FleetSettings.SESSION_TIMEOUT, "4000");
        settings.put(FleetSettings.CONNECTION_TIMEOUT, "2000");
        settings.put(FleetSettings.PUBLISH, "50");
        settings.putAll(more);
        return new FleetInstance(id, Container.withSource(new FleetConfigSource(FleetSettings.DEFAULT_ORDINAL),
                settings, Shop.Payments.class));
    }

    /** Whether a call of charge is rejected by an open breaker now (a call that goes through succeeds). */
    boolean chargeRejected() {
        try {
            payments.charge(false);
            return false;
        } catch (CircuitBreakerOpenException open) {
            return true;
        }
    }

    /** The configuration the instance's fault tolerance reads. */
    org.eclipse.microprofile.config.Config config() {
        return container.extension(dev.fusebox.ft.cdi.FaultToleranceExtension.class).config();
    }

    FleetAgent agent() {
        return container.extension(FleetExtension.class).agent();
    }

    FleetMXBean status() {
        try {
            return JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(), new ObjectName(
                    ManagementNames.DOMAIN + ":type=Fleet,application=" + APPLICATION + "-" + id), FleetMXBean.class);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        container.close();
    }
}
