package dev.fusebox.samples.demo;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.fleet.zookeeper.FleetConfigSource;
import dev.fusebox.ft.fleet.zookeeper.FleetExtension;
import dev.fusebox.ft.fleet.zookeeper.FleetSettings;
import dev.fusebox.ft.jmx.ManagementExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * One JVM of the fleet scale simulation ({@link FleetScale}): {@code count} Fusebox applications,
 * each a Weld container with Fusebox, its management and its fleet module, registered in the
 * fleet as instance {@code sim-<n>} of application {@code app-<n mod applications>}, with the
 * twenty breakers of {@link ScaleService}. Prints {@code ready} when all are up. On the stdin line
 * {@code outage} every instance calls its twenty methods until each breaker is open (every call
 * fails) and prints {@code open sim-<n> <epoch millis>} when its last breaker opened; {@code quit}
 * (or the end of stdin) stops them all. Arguments: ZooKeeper address, first instance number,
 * count, number of applications.
 */
public final class FleetScaleInstances {

    private record Instance(String id, WeldContainer weld, Config config, ClassLoader loader) {
    }

    private FleetScaleInstances() {
    }

    public static void main(String[] args) throws Exception {
        String zookeeper = args[0];
        int first = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        int applications = Integer.parseInt(args[3]);
        List<Instance> instances = new ArrayList<>();
        try {
            for (int n = first; n < first + count; n++) {
                instances.add(start(zookeeper, n, applications));
            }
            System.out.println("ready " + count);
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
                if (line.equals("outage")) {
                    outage(instances);
                }
            }
        } finally {
            for (Instance instance : instances) {
                ClassLoader previous = Thread.currentThread().getContextClassLoader();
                Thread.currentThread().setContextClassLoader(instance.loader());
                try {
                    instance.weld().close();
                } finally {
                    Thread.currentThread().setContextClassLoader(previous);
                    ConfigProviderResolver.instance().releaseConfig(instance.config());
                }
            }
        }
    }

    private static Instance start(String zookeeper, int n, int applications) {
        String id = "sim-" + n;
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = new URLClassLoader(new URL[0], previous);
        Map<String, String> settings = Map.of("fusebox.management.application", id,
                FleetSettings.ZOOKEEPER, zookeeper, FleetSettings.APPLICATION, "app-" + (n % applications),
                FleetSettings.INSTANCE_ID, id);
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        Config config = resolver.getBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new ShopInstance.MapSource("fleet-scale-settings", settings, 250), new FleetConfigSource(FleetSettings.DEFAULT_ORDINAL)).build();
        resolver.registerConfig(config, loader);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            WeldContainer weld = new Weld(id).disableDiscovery().skipShutdownHook()
                    .addExtension(new FaultToleranceExtension()).addExtension(new ManagementExtension())
                    .addExtension(new FleetExtension()).addBeanClasses(ScaleService.class).initialize();
            return new Instance(id, weld, config, loader);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** Every instance trips its twenty breakers, four callers at a time; each prints when its last one opened. */
    private static void outage(List<Instance> instances) throws InterruptedException {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        for (Instance instance : instances) {
            callers.execute(() -> {
                ScaleService service = instance.weld().select(ScaleService.class).get();
                // the fourth failed call of a window of four opens a breaker
                for (int call = 0; call < 4; call++) {
                    for (int breaker = 0; breaker < ScaleService.BREAKERS; breaker++) {
                        try {
                            ScaleService.call(service, breaker);
                        } catch (RuntimeException failedOrRejected) {
                            // every call fails: a dependency in an outage
                        }
                    }
                }
                System.out.println("open " + instance.id() + " " + System.currentTimeMillis());
            });
        }
        callers.shutdown();
        callers.awaitTermination(5, TimeUnit.MINUTES);
    }
}
