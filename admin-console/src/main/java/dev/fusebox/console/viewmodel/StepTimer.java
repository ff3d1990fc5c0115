package dev.fusebox.console.viewmodel;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The game day's time: the clock its schedule counts from and the one thread that fires its steps.
 * The console's is {@link #daemon()}; the view-model tests give one in virtual time.
 *
 * <p>Thread-safety: implementations are thread-safe; tasks run on the timer's own thread (the
 * game day hands them to the FX thread at once).
 */
public interface StepTimer extends AutoCloseable {

    /** Milliseconds since the epoch, as the feed's readings count them. */
    long nowMillis();

    /**
     * Runs {@code task} after {@code delayMillis}.
     *
     * @return what cancels it (nothing happens when it has run already)
     */
    Runnable after(long delayMillis, Runnable task);

    /** Stops the timer; tasks not yet run never run. */
    @Override
    void close();

    /** The wall clock and one daemon thread, {@code fusebox-console-game-day}. */
    static StepTimer daemon() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fusebox-console-game-day");
            t.setDaemon(true);
            return t;
        });
        return new StepTimer() {
            @Override
            public long nowMillis() {
                return System.currentTimeMillis();
            }

            @Override
            public Runnable after(long delayMillis, Runnable task) {
                ScheduledFuture<?> f = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public void close() {
                executor.shutdownNow();
            }
        };
    }
}
