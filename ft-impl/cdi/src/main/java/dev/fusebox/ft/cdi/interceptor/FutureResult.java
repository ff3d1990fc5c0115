package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.core.invocation.AsyncCall;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the caller of an asynchronous method returning Future gets. The guarded outcome is the
 * Future the method (or its fallback) returned; this one reads through to it. Cancelling reaches
 * the call as for {@link StageResult}. Thread-safe.
 */
final class FutureResult implements Future<Object> {

    private final AsyncCall call;
    private final CompletableFuture<Object> outcome;

    FutureResult(AsyncCall call, CompletableFuture<Object> outcome) {
        this.call = call;
        this.outcome = outcome;
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = outcome.cancel(mayInterruptIfRunning);
        if (cancelled) {
            call.cancel(mayInterruptIfRunning);
            return true;
        }
        Future<?> inner = inner();
        return inner != null && inner.cancel(mayInterruptIfRunning);
    }

    @Override
    public boolean isCancelled() {
        if (outcome.isCancelled()) {
            return true;
        }
        Future<?> inner = inner();
        return inner != null && inner.isCancelled();
    }

    @Override
    public boolean isDone() {
        if (!outcome.isDone()) {
            return false;
        }
        Future<?> inner = inner();
        return inner == null || inner.isDone();
    }

    @Override
    public Object get() throws InterruptedException, ExecutionException {
        Future<?> inner = (Future<?>) outcome.get();
        return inner == null ? null : inner.get();
    }

    @Override
    public Object get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        Future<?> inner = (Future<?>) outcome.get(timeout, unit);
        return inner == null ? null : inner.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** The method's own Future once the guarded call succeeded; null before or otherwise. */
    private Future<?> inner() {
        if (!outcome.isDone() || outcome.isCompletedExceptionally()) {
            return null;
        }
        try {
            return (Future<?>) outcome.getNow(null);
        } catch (CancellationException | java.util.concurrent.CompletionException e) {
            return null;
        }
    }
}
