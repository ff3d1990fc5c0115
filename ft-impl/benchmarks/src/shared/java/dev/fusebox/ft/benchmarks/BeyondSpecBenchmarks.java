package dev.fusebox.ft.benchmarks;

import java.util.concurrent.TimeUnit;
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
 * Policies beyond the MicroProfile specification, through real Weld SE interception: a rate limit
 * (fixed and smooth window, every call admitted) and a retry with an exponential backoff whose
 * first attempt succeeds. Shared by both benchmark jars like the rest of {@code src/shared/java};
 * {@code BeyondSpecService} is each module's own (its implementation's annotations, the same
 * parameters), so the rows of the two jars line up by name. Thread-safety: as {@link FaultToleranceBenchmarks}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BeyondSpecBenchmarks {

    private BenchmarkContainer container;
    private BeyondSpecService service;

    @Setup(Level.Trial)
    public void startContainer() {
        container = BenchmarkContainer.start(BeyondSpecService.class);
        service = container.bean(BeyondSpecService.class);
        if (!"ok".equals(service.rateLimitFixed())) {
            throw new IllegalStateException("the service does not answer");
        }
    }

    @TearDown(Level.Trial)
    public void stopContainer() {
        container.close();
    }

    @Benchmark
    public String rateLimitFixed() {
        return service.rateLimitFixed();
    }

    @Benchmark
    public String rateLimitSmooth() {
        return service.rateLimitSmooth();
    }

    @Benchmark
    public String exponentialBackoffSucceeds() {
        return service.exponentialBackoffSucceeds();
    }
}
