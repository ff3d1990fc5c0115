package dev.fusebox.ft.benchmarks;

import dev.fusebox.ft.api.Guard;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Fusebox's side of {@link GuardBenchmarks}: two {@link Guard}s (one for synchronous calls, one for
 * stages, since a guard's bulkhead is of one kind) with retry, circuit breaker, rate limit, timeout
 * and bulkhead. The SmallRye module has a class of the same name with SmallRye's {@code Guard} and
 * the same policies. The stage is one completed future made once, so the rows measure the guards.
 * Thread-safe.
 */
final class ProgrammaticGuards implements AutoCloseable {

    private static final Callable<String> CALL = () -> "ok";
    private static final CompletionStage<String> DONE = CompletableFuture.completedFuture("ok");
    private static final Supplier<CompletionStage<String>> STAGE = () -> DONE;

    private final LongAdder retries = new LongAdder();
    private final Guard sync = combined("benchmark-guard-sync");
    private final Guard stages = combined("benchmark-guard-stages");

    private Guard combined(String name) {
        return Guard.builder(name)
                .retry(r -> r.maxRetries(3).delay(Duration.ZERO).jitter(Duration.ZERO)
                        .beforeRetry((retry, cause) -> retries.increment()))
                .circuitBreaker(cb -> {
                })
                // a million per millisecond: 1e9 calls a second, far above what two threads can call
                .rateLimit(l -> l.limit(1_000_000).window(Duration.ofMillis(1)))
                .timeout(Duration.ofSeconds(1))
                .bulkhead(b -> b.limit(10).waitingTaskQueue(10)) // the queue serves stages only
                .build();
    }

    String sync() throws Exception {
        return sync.call(CALL);
    }

    CompletionStage<String> stage() {
        return stages.callStage(STAGE);
    }

    long retries() {
        return retries.sum();
    }

    @Override
    public void close() {
        sync.close();
        stages.close();
    }
}
