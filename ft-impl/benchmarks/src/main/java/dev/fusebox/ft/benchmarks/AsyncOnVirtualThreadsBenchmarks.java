package dev.fusebox.ft.benchmarks;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code asyncBulkheadJoined} of {@link FaultToleranceBenchmarks} with Fusebox's asynchronous
 * methods on virtual threads ({@code fusebox.async.virtual-threads=true}): the same method of the
 * same bean, one new virtual thread per call instead of the platform pool. Fusebox only (this
 * module's sources, not the shared ones), and JDK 21+ only: run.sh leaves it out on an older JVM,
 * where the container would refuse to deploy. The container reads a configuration of its own (a
 * fresh context class loader, as the tests' containers do), so the setting reaches no other
 * benchmark, forked or not; the set-up checks that the calls do run on virtual threads.
 * Thread-safety: as {@link FaultToleranceBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AsyncOnVirtualThreadsBenchmarks {

    private BenchmarkContainer container;
    private SmallRyeConfig config;
    private GuardedService guarded;

    @Setup(Level.Trial)
    public void startContainer() throws Exception {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = new URLClassLoader(new URL[0], previous);
        config = new SmallRyeConfigBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new PropertiesConfigSource(Map.of("fusebox.async.virtual-threads", "true"), "benchmark", 500))
                .build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        Thread.currentThread().setContextClassLoader(loader);
        try {
            container = BenchmarkContainer.start(GuardedService.class, ThreadKindService.class);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        guarded = container.bean(GuardedService.class);
        String thread = container.bean(ThreadKindService.class).thread().toCompletableFuture().get(5, TimeUnit.SECONDS);
        if (!thread.startsWith("VirtualThread[")) {
            throw new IllegalStateException("asynchronous methods should run on virtual threads here, but ran on " + thread);
        }
        System.out.println("asynchronous methods run on " + thread);
    }

    @TearDown(Level.Trial)
    public void stopContainer() {
        container.close();
        ConfigProviderResolver.instance().releaseConfig(config);
    }

    @Benchmark
    public String asyncBulkheadJoinedOnVirtualThreads() {
        return guarded.asyncBulkhead().toCompletableFuture().join();
    }
}
