package dev.fusebox.samples.demo;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The shop's three simulated remote dependencies and their fault injectors, with the typical
 * latency of a healthy call. Registers one {@link FaultInjectorMXBean} per dependency on the
 * platform MBean server and removes them again. Thread-safe.
 */
public final class Dependencies {

    public static final String INVENTORY = "inventory";
    public static final String PAYMENTS = "payments";
    public static final String RECOMMENDATIONS = "recommendations";

    private final Map<String, FaultInjector> injectors = new LinkedHashMap<>();
    private final List<ObjectName> registered = new ArrayList<>();

    public Dependencies() {
        injectors.put(INVENTORY, new FaultInjector(INVENTORY, 3));
        injectors.put(PAYMENTS, new FaultInjector(PAYMENTS, 15));
        injectors.put(RECOMMENDATIONS, new FaultInjector(RECOMMENDATIONS, 10));
    }

    public FaultInjector inventory() {
        return injectors.get(INVENTORY);
    }

    public FaultInjector payments() {
        return injectors.get(PAYMENTS);
    }

    public FaultInjector recommendations() {
        return injectors.get(RECOMMENDATIONS);
    }

    /** The injector of {@code name}, if the shop has such a dependency. */
    public Optional<FaultInjector> named(String name) {
        return Optional.ofNullable(injectors.get(name));
    }

    /** Every injector, in the order of the checkout flow. */
    public List<FaultInjector> all() {
        return List.copyOf(injectors.values());
    }

    /** The dependencies' names, in the order of the checkout flow. */
    public List<String> names() {
        return List.copyOf(injectors.keySet());
    }

    /**
     * Registers the injectors' MXBeans on the platform MBean server.
     *
     * @throws IllegalStateException if one is registered already (another demo in this JVM)
     */
    public synchronized void register() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (FaultInjector injector : injectors.values()) {
            try {
                server.registerMBean(injector, injector.objectName());
                registered.add(injector.objectName());
            } catch (JMException e) {
                unregister();
                throw new IllegalStateException("cannot register the fault injector " + injector.objectName()
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Removes the MXBeans this registered; releases every hung call for good. */
    public synchronized void close() {
        unregister();
        injectors.values().forEach(FaultInjector::close);
    }

    private void unregister() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        for (ObjectName name : registered) {
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                System.getLogger(Dependencies.class.getName()).log(System.Logger.Level.WARNING,
                        "could not unregister " + name, e);
            }
        }
        registered.clear();
    }
}
