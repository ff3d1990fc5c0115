package dev.fusebox.samples.demo;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.configsource.OverridesConfigSource;
import dev.fusebox.ft.fleet.zookeeper.FleetConfigSource;
import dev.fusebox.ft.fleet.zookeeper.FleetExtension;
import dev.fusebox.ft.fleet.zookeeper.FleetSettings;
import dev.fusebox.ft.jmx.ManagementExtension;
import dev.fusebox.ft.jmx.remote.RemoteAccessExtension;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceOperations;
import dev.fusebox.ft.management.ManagementNames;
import java.lang.management.ManagementFactory;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.management.JMX;
import javax.management.remote.JMXServiceURL;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.weld.environment.se.ContainerLifecycleObserver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * One running shop: a Weld SE container with Fusebox, its JMX management and remote connector,
 * the three clients, the fault injectors' MXBeans and the scrape page. Its MicroProfile Config is
 * its own (registered for a class loader of its own), made of the usual sources, the settings of
 * {@link ShopSettings} below system properties, the fleet's overrides (when it joins a fleet on
 * ZooKeeper, through Fusebox's fleet module) above them, and the operator overrides file above them all,
 * so several shops can run in one JVM one after another (tests). Close it to stop everything.
 * Start and close from one thread; the accessors are thread-safe.
 */
public final class ShopInstance implements AutoCloseable {

    private static final String SHOP_CLIENTS = "dev.fusebox.samples.demo.";
    /** Below system properties (400) and environment variables (300): a -D still wins. */
    private static final int SETTINGS_ORDINAL = 250;

    private final ShopSettings settings;
    private final Dependencies dependencies;
    private final Config config;
    private final ClassLoader previousLoader;
    private final WeldContainer container;
    private boolean closed;

    private ShopInstance(ShopSettings settings) {
        this.settings = settings;
        this.dependencies = new Dependencies();
        this.previousLoader = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = new URLClassLoader(new URL[0], previousLoader);
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        this.config = resolver.getBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new MapSource("shop-settings", settings.fuseboxProperties(), SETTINGS_ORDINAL),
                        new OverridesConfigSource(settings.overridesFile(), OverridesConfigSource.DEFAULT_ORDINAL),
                        // filled by the fleet agent when the shop joins a fleet; empty otherwise
                        new FleetConfigSource(FleetSettings.DEFAULT_ORDINAL))
                .build();
        resolver.registerConfig(config, loader);
        // Fusebox looks its Config up through the context class loader while the container starts
        Thread.currentThread().setContextClassLoader(loader);
        try {
            Weld weld = new Weld("fusebox-demo-" + settings.application()).disableDiscovery().skipShutdownHook()
                    .addExtension(new FaultToleranceExtension()).addExtension(new ManagementExtension())
                    .addExtension(new RemoteAccessExtension()).addExtension(new FleetExtension())
                    .addBeanClasses(InventoryClient.class, PaymentsClient.class, RecommendationsClient.class,
                            ShopTelemetry.class)
                    .addContainerLifecycleObserver(ContainerLifecycleObserver.afterBeanDiscovery(event -> {
                        event.addBean().types(ShopSettings.class).scope(Singleton.class).createWith(c -> settings);
                        event.addBean().types(Dependencies.class).scope(Singleton.class).createWith(c -> dependencies);
                    }));
            this.container = weld.initialize();
        } catch (RuntimeException e) {
            release();
            throw e;
        }
        try {
            dependencies.register();
        } catch (RuntimeException e) {
            container.close();
            release();
            throw e;
        }
    }

    /**
     * Starts a shop.
     *
     * @throws RuntimeException (Weld's DeploymentException among them) when a port is taken or the
     *         credentials file cannot be used; the message says which
     */
    public static ShopInstance start(ShopSettings settings) {
        return new ShopInstance(settings);
    }

    public ShopSettings settings() {
        return settings;
    }

    public InventoryClient inventory() {
        return container.select(InventoryClient.class).get();
    }

    public PaymentsClient payments() {
        return container.select(PaymentsClient.class).get();
    }

    public RecommendationsClient recommendations() {
        return container.select(RecommendationsClient.class).get();
    }

    public Dependencies dependencies() {
        return dependencies;
    }

    /** Where remote JMX clients (the console, jconsole) connect. */
    public JMXServiceURL jmxAddress() {
        return container.getBeanManager().getExtension(RemoteAccessExtension.class).remoteAddress();
    }

    /** The Prometheus scrape page. */
    public URI scrapePage() {
        return container.select(ShopTelemetry.class).get().scrapePage();
    }

    /**
     * The state of each dependency's circuit breaker: CLOSED, OPEN or HALF_OPEN, followed by
     * {@code (forced)} while an operator holds it there.
     */
    public Map<String, String> breakerStates() {
        Map<String, String> states = new LinkedHashMap<>();
        states.put(Dependencies.INVENTORY, breakerState("InventoryClient", "stockLevel"));
        states.put(Dependencies.PAYMENTS, breakerState("PaymentsClient", "charge"));
        states.put(Dependencies.RECOMMENDATIONS, breakerState("RecommendationsClient", "alsoBought"));
        return states;
    }

    private String breakerState(String client, String method) {
        CircuitBreakerMXBean breaker = JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(),
                ManagementNames.of(ManagementNames.CIRCUIT_BREAKER, settings.application(), SHOP_CLIENTS + client,
                        method), CircuitBreakerMXBean.class);
        return breaker.getState() + (breaker.isForced() ? "(forced)" : "");
    }

    /** Fusebox's operator actions, as application code sees them. */
    public FaultToleranceOperations operations() {
        return container.select(FaultToleranceOperations.class).get();
    }

    /**
     * Releases hung calls, removes the injectors' MXBeans, and stops the container: Fusebox's
     * threads, the remote connector (its port is free again when this returns) and the scrape page.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            dependencies.close();
        } finally {
            try {
                container.close();
            } finally {
                release();
            }
        }
    }

    private void release() {
        ConfigProviderResolver.instance().releaseConfig(config);
        Thread.currentThread().setContextClassLoader(previousLoader);
    }

    /** A fixed set of properties as a config source. */
    record MapSource(String name, Map<String, String> properties, int ordinal) implements ConfigSource {

        @Override
        public Map<String, String> getProperties() {
            return properties;
        }

        @Override
        public Set<String> getPropertyNames() {
            return properties.keySet();
        }

        @Override
        public String getValue(String key) {
            return properties.get(key);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public int getOrdinal() {
            return ordinal;
        }
    }
}
