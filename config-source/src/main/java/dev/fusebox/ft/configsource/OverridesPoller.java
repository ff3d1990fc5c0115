package dev.fusebox.ft.configsource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The daemon thread that polls one overrides file while it has listeners. One instance per
 * start; {@link #stop} ends its thread. Thread-safe.
 */
final class OverridesPoller implements Runnable {

    static final String THREAD_NAME = "fusebox-overrides-poller";
    private static final System.Logger LOG = System.getLogger(OverridesPoller.class.getName());

    private final Runnable poll;
    private final Supplier<Duration> interval;
    private final Thread thread;
    private volatile boolean stopped;

    private OverridesPoller(Runnable poll, Supplier<Duration> interval) {
        this.poll = poll;
        this.interval = interval;
        this.thread = new Thread(this, THREAD_NAME);
        thread.setDaemon(true);
    }

    static OverridesPoller start(Runnable poll, Supplier<Duration> interval) {
        OverridesPoller poller = new OverridesPoller(poll, interval);
        poller.thread.start();
        return poller;
    }

    @Override
    public void run() {
        while (!stopped) {
            // an early (spurious) wake-up only means an early poll
            LockSupport.parkNanos(this, interval.get().toNanos());
            if (stopped) {
                return;
            }
            try {
                poll.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "polling the overrides file failed; polling goes on", e);
            }
        }
    }

    /**
     * Ends the thread; with {@code await}, also waits for it to finish. The caller passes
     * {@code false} when it holds a lock the thread's poll may be waiting for.
     */
    void stop(boolean await) {
        stopped = true;
        LockSupport.unpark(thread);
        if (!await || Thread.currentThread() == thread) {
            return; // e.g. a listener closed the last subscription: the loop ends after this poll
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
