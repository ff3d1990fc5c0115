package dev.fusebox.console.connect;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The one thread of one JVM's connection: every JMX call to that JVM runs here, so a hung JVM stalls
 * nobody else. Work handed over after {@link #stop} is dropped (and said so); a call that answers
 * the operator ({@link #call}) counts for the {@link HungCallDetector} while it runs.
 *
 * <p>Thread-safety: thread-safe; any thread may hand work over (the executor is), and the work runs
 * on the worker thread only.
 */
final class JvmWorker {

    private static final System.Logger LOG = System.getLogger(JvmWorker.class.getName());

    private final String jvm;
    private final ScheduledExecutorService executor;
    private final HungCallDetector hungCalls;

    JvmWorker(String jvm, ScheduledExecutorService executor, HungCallDetector hungCalls) {
        this.jvm = jvm;
        this.executor = executor;
        this.hungCalls = hungCalls;
    }

    /** Runs {@code task} on the worker, or drops it when the worker has stopped. */
    void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.log(System.Logger.Level.DEBUG, "{0}: worker stopped, task dropped", jvm);
        }
    }

    /**
     * Runs {@code task} on the worker as one watched call; the future completes there with its result,
     * or at once with {@code ifStopped} when the worker has stopped.
     */
    <T> CompletableFuture<T> call(Supplier<T> task, T ifStopped) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                hungCalls.callStarted();
                try {
                    result.complete(task.get());
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                } finally {
                    hungCalls.callEnded();
                }
            });
        } catch (RejectedExecutionException e) {
            result.complete(ifStopped);
        }
        return result;
    }

    ScheduledFuture<?> every(long millis, Runnable task) {
        return executor.scheduleWithFixedDelay(task, millis, millis, TimeUnit.MILLISECONDS);
    }

    ScheduledFuture<?> after(long millis, Runnable task) {
        return executor.schedule(task, millis, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code last} as the worker's last task and stops it; the future completes once {@code last}
     * has run (at once when the worker had stopped already).
     */
    CompletableFuture<Void> stopAfter(Runnable last) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                last.run();
                done.complete(null);
            });
        } catch (RejectedExecutionException e) {
            done.complete(null);
        }
        executor.shutdown();
        return done;
    }
}
