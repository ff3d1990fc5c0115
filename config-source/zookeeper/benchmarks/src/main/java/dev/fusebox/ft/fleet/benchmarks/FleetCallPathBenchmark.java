package dev.fusebox.ft.fleet.benchmarks;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.fleet.zookeeper.FleetConfigSource;
import dev.fusebox.ft.fleet.zookeeper.FleetExtension;
import dev.fusebox.ft.fleet.zookeeper.FleetSettings;
import dev.fusebox.ft.jmx.ManagementExtension;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import io.smallrye.config.PropertiesConfigSource;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the fleet module costs a guarded call: the same {@code @CircuitBreaker} call through Weld
 * with Fusebox and its JMX management, without the fleet module ({@code management}) and with it,
 * connected to a ZooKeeper server in this JVM, registered and watching ({@code fleet}). The fleet
 * module listens to breaker transitions only, so the two should not differ in time or in bytes
 * allocated per call (run with {@code -prof gc}: {@code gc.alloc.rate.norm}). A third run,
 * {@code zookeeper}, has the ZooKeeper server in the JVM but no fleet module: what the server's own
 * threads take from the call on a small machine. The set-up checks that the fleet run is really
 * connected before measuring.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FleetCallPathBenchmark {

    @Param({"management", "zookeeper", "fleet"})
    public String modules;

    private ServerCnxnFactory connections;
    private ZooKeeperServer zookeeper;
    private WeldContainer weld;
    private Config config;
    private GuardedCall guarded;

    @Setup(Level.Trial)
    public void start() throws Exception {
        Map<String, String> settings = new HashMap<>(Map.of("fusebox.management.application", "bench"));
        boolean fleet = modules.equals("fleet");
        if (fleet || modules.equals("zookeeper")) {
            File data = Files.createTempDirectory("fleet-bench").toFile();
            zookeeper = new ZooKeeperServer(data, data, 500);
            connections = ServerCnxnFactory.createFactory(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    10);
            connections.startup(zookeeper);
            settings.put(FleetSettings.ZOOKEEPER, "127.0.0.1:" + connections.getLocalPort());
        }
        ClassLoader loader = new URLClassLoader(new URL[0], Thread.currentThread().getContextClassLoader());
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        config = resolver.getBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new PropertiesConfigSource(settings, "benchmark-settings", 250), new FleetConfigSource(FleetSettings.DEFAULT_ORDINAL)).build();
        resolver.registerConfig(config, loader);
        Thread.currentThread().setContextClassLoader(loader);
        Weld builder = new Weld("fleet-bench").disableDiscovery().skipShutdownHook()
                .addExtension(new FaultToleranceExtension()).addExtension(new ManagementExtension())
                .addBeanClasses(GuardedCall.class);
        if (fleet) {
            builder.addExtension(new FleetExtension());
        }
        weld = builder.initialize();
        guarded = weld.select(GuardedCall.class).get();
        ObjectName status = new ObjectName("dev.fusebox.ft:type=Fleet,application=bench");
        boolean connected = false;
        for (long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); fleet && !connected
                && System.nanoTime() < deadline; Thread.sleep(20)) {
            // the agent marks itself connected from Curator's connection-state event, which may trail the first read
            connected = Boolean.TRUE.equals(ManagementFactory.getPlatformMBeanServer().getAttribute(status, "Connected"));
        }
        if (fleet != connected) {
            throw new IllegalStateException("the " + modules + " run must " + (fleet ? "" : "not ")
                    + "have a connected fleet module");
        }
        System.out.println("modules: " + modules + (fleet ? ", fleet connected to " + settings.get(FleetSettings.ZOOKEEPER)
                : ""));
    }

    @Benchmark
    public int guardedCall() {
        return guarded.call();
    }

    @TearDown(Level.Trial)
    public void stop() {
        weld.close();
        ConfigProviderResolver.instance().releaseConfig(config);
        if (connections != null) {
            connections.shutdown();
            zookeeper.shutdown();
        }
    }
}
