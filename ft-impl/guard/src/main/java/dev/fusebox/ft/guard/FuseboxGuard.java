package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.SyncStep;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A built guard: four chains over one set of engines (synchronous and stage, each with and without
 * the call site's fallback). A synchronous call allocates its {@link GuardedCall} and what the
 * steps allocate, nothing more. Thread-safe: the chains are immutable, the engines thread-safe, and
 * the bulkhead's kind is claimed once with a compare-and-set.
 */
final class FuseboxGuard implements Guard, ManagedGuard {

    private static final int UNCLAIMED = 0;
    private static final int SYNC = 1;
    private static final int STAGES = 2;

    private final GuardEngines engines;
    private final SyncStep sync;
    private final SyncStep syncWithFallback;
    private final AsyncStep stage;
    private final AsyncStep stageWithFallback;
    private final boolean hasBulkhead;
    private final AtomicInteger bulkheadKind = new AtomicInteger();

    FuseboxGuard(GuardEngines engines, SyncStep sync, SyncStep syncWithFallback, AsyncStep stage,
                 AsyncStep stageWithFallback) {
        this.engines = engines;
        this.sync = sync;
        this.syncWithFallback = syncWithFallback;
        this.stage = stage;
        this.stageWithFallback = stageWithFallback;
        this.hasBulkhead = engines.bulkhead() != null;
    }

    @Override
    public String name() {
        return engines.name();
    }

    @Override
    public GuardEngines engines() {
        return engines;
    }

    @Override
    public boolean servesStages() {
        return bulkheadKind.get() == STAGES;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T call(Callable<T> action) throws Exception {
        Objects.requireNonNull(action, "action");
        claim(SYNC);
        return (T) sync.call(new GuardedCall(action, null));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T call(Callable<T> action, Function<Throwable, ? extends T> fallback) throws Exception {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(fallback, "fallback");
        claim(SYNC);
        return (T) syncWithFallback.call(new GuardedCall(action, fallback));
    }

    @Override
    public <T> CompletionStage<T> callStage(Supplier<? extends CompletionStage<T>> action) {
        Objects.requireNonNull(action, "action");
        return run(stage, new GuardedCall(action, null));
    }

    @Override
    public <T> CompletionStage<T> callStage(Supplier<? extends CompletionStage<T>> action,
                                            Function<Throwable, ? extends CompletionStage<T>> fallback) {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(fallback, "fallback");
        return run(stageWithFallback, new GuardedCall(action, fallback));
    }

    @SuppressWarnings("unchecked")
    private <T> CompletionStage<T> run(AsyncStep chain, GuardedCall call) {
        try {
            claim(STAGES);
            return (CompletionStage<T>) (CompletionStage<?>) chain.call(new AsyncCall(call));
        } catch (Throwable failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    /** A guard with a bulkhead serves one kind of call: the first call's kind, refused for the other. */
    private void claim(int kind) {
        if (!hasBulkhead) {
            return;
        }
        int claimed = bulkheadKind.get();
        if (claimed == kind || claimed == UNCLAIMED && bulkheadKind.compareAndSet(UNCLAIMED, kind)) {
            return;
        }
        if (bulkheadKind.get() != kind) {
            throw new IllegalStateException("guard " + name() + " has a bulkhead and serves "
                    + (kind == SYNC ? "stages (callStage)" : "synchronous calls (call)")
                    + " already: a bulkhead is of one kind; build a second guard for the other");
        }
    }

    @Override
    public void close() {
        GuardRegistry.remove(this);
    }

    @Override
    public String toString() {
        return "Guard[" + name() + "]";
    }
}
