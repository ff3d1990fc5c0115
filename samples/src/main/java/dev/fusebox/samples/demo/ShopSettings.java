package dev.fusebox.samples.demo;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one shop instance needs to start: its name for management, its ports on 127.0.0.1 (0 picks
 * a free one) and the files in its home directory. Immutable.
 *
 * @param application the name Fusebox's MXBeans are registered under ({@code fusebox.management.application})
 * @param jmxPort the remote JMX port
 * @param metricsPort the Prometheus scrape page's port
 * @param credentialsFile the remote JMX users
 * @param overridesFile the operator overrides file, where forced breaker states and parameter changes are kept
 * @param fleet where and as what the shop registers in the fleet's ZooKeeper, or null: no fleet
 */
public record ShopSettings(String application, int jmxPort, int metricsPort, Path credentialsFile,
                           Path overridesFile, FleetPlace fleet) {

    /**
     * A shop's place in a fleet on ZooKeeper.
     *
     * @param zookeeper   the ensemble, {@code host:port[,...]}
     * @param application the application name the fleet's shops share (their JMX names differ)
     * @param instanceId  this shop's id in the fleet
     */
    public record FleetPlace(String zookeeper, String application, String instanceId) {
    }

    /** A shop outside any fleet. */
    public ShopSettings(String application, int jmxPort, int metricsPort, Path credentialsFile, Path overridesFile) {
        this(application, jmxPort, metricsPort, credentialsFile, overridesFile, null);
    }

    public ShopSettings {
        requirePort("JMX", jmxPort);
        requirePort("metrics", metricsPort);
    }

    static void requirePort(String what, int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(what + " port must be from 0 to 65535 (0: a free one), was " + port);
        }
    }

    /** The MicroProfile Config properties Fusebox reads: management name, remote connector, async pool. */
    Map<String, String> fuseboxProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("fusebox.management.application", application);
        properties.put("fusebox.jmx.remote.enabled", "true");
        properties.put("fusebox.jmx.remote.host", "127.0.0.1");
        properties.put("fusebox.jmx.remote.port", Integer.toString(jmxPort));
        properties.put("fusebox.jmx.remote.credentials-file", credentialsFile.toString());
        // the connector serves Fusebox's MXBeans only, unless the application exposes more: the fault injectors
        properties.put("fusebox.jmx.remote.expose", FaultInjector.DOMAIN + ":type=FaultInjector,*");
        // The recommendations bulkhead admits 2 at once; a small pool keeps the demo's thread list short.
        properties.put("fusebox.async.max-threads", "8");
        if (fleet != null) {
            properties.put("fusebox.fleet.zookeeper", fleet.zookeeper());
            properties.put("fusebox.fleet.application", fleet.application());
            properties.put("fusebox.fleet.instance-id", fleet.instanceId());
            // the JMX address each member registers is its remote connector's, as started (a free port too)
        }
        return properties;
    }
}
