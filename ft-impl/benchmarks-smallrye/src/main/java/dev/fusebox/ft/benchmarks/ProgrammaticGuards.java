package dev.fusebox.ft.benchmarks;

import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * SmallRye's side of {@code GuardBenchmarks}: the same policies as Fusebox's
 * {@code ProgrammaticGuards} (module ft-impl/benchmarks) with SmallRye Fault Tolerance's
 * programmatic {@link Guard}. Thread offload is off, so the stage's action runs on the calling
 * thread as Fusebox's does. Its implementation is found through CDI ({@code CdiSpi}), so a container
 * must be running when the guards are built. Thread-safe.
 */
final class ProgrammaticGuards implements AutoCloseable {

    private static final Callable<String> CALL = () -> "ok";
    private static final CompletionStage<String> DONE = CompletableFuture.completedFuture("ok");
    private static final Supplier<CompletionStage<String>> STAGE = () -> DONE;
    private static final TypeLiteral<CompletionStage<String>> STAGE_TYPE = new TypeLiteral<>() {
    };

    private final LongAdder retries = new LongAdder();
    private final Guard sync = combined(retries);
    private final Guard stages = combined(retries);

    private static Guard combined(LongAdder retries) {
        return Guard.create()
                .withRetry().maxRetries(3).delay(0, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .onRetry(retries::increment).done()
                .withCircuitBreaker().done()
                // a million per millisecond: 1e9 calls a second, far above what two threads can call
                .withRateLimit().limit(1_000_000).window(1, ChronoUnit.MILLIS).done()
                .withTimeout().duration(1, ChronoUnit.SECONDS).done()
                .withBulkhead().limit(10).queueSize(10).done() // the queue serves stages only
                .withThreadOffload(false)
                .build();
    }

    String sync() throws Exception {
        return sync.call(CALL, String.class);
    }

    CompletionStage<String> stage() {
        return stages.get(STAGE, STAGE_TYPE);
    }

    long retries() {
        return retries.sum();
    }

    @Override
    public void close() {
        // SmallRye's guards hold nothing to give back
    }
}
