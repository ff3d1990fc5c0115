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
 * Programmatic guards, no interception: a retry (3, no delay, no jitter), a circuit breaker
 * (defaults), a rate limit that never refuses (a million per millisecond), a timeout (1 s) and a
 * bulkhead (10; for stages with a queue of 10) around a call that returns a constant, success path.
 * {@code ProgrammaticGuards} is each module's own (Fusebox's {@code dev.fusebox.ft.api.Guard} in
 * the Fusebox jar, SmallRye's {@code io.smallrye.faulttolerance.api.Guard} in the SmallRye jar, the
 * same policies), so the rows of the two jars line up by name; Resilience4j's decorators are
 * {@code r4jGuardSyncCombined} and {@code r4jGuardStageCombined}. A Weld container runs during the
 * trial in both jars (SmallRye's guards find their implementation through CDI; Fusebox's need
 * none), so both JVMs carry the same load. The tear-down fails the trial if any call was retried:
 * a retry would hide a refusal (rate limit, bulkhead, timeout) behind a success.
 * Thread-safety: the guards are shared by all benchmark threads, as a guard per dependency is.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GuardBenchmarks {

    private BenchmarkContainer container;
    private ProgrammaticGuards guards;

    @Setup(Level.Trial)
    public void buildGuards() throws Exception {
        container = BenchmarkContainer.start(PlainService.class);
        guards = new ProgrammaticGuards();
        if (!"ok".equals(guards.sync()) || !"ok".equals(guards.stage().toCompletableFuture().join())) {
            throw new IllegalStateException("the guards do not answer");
        }
    }

    @TearDown(Level.Trial)
    public void closeGuards() {
        try {
            long retries = guards.retries();
            if (retries != 0) {
                throw new IllegalStateException(retries + " calls were retried: something refused or failed them");
            }
        } finally {
            guards.close();
            container.close();
        }
    }

    @Benchmark
    public String guardSyncCombined() throws Exception {
        return guards.sync();
    }

    @Benchmark
    public String guardStageCombined() {
        return guards.stage().toCompletableFuture().join();
    }
}
