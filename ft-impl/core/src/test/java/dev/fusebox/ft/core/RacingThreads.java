package dev.fusebox.ft.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Real threads racing on a lock-free engine, for the concurrency invariant tests: they start
 * together on a barrier and each runs the work a bounded number of rounds; nothing waits on a
 * sleep. Close it to stop its threads (a test fails if they do not end). Thread-safe.
 */
public final class RacingThreads implements AutoCloseable {

    public static final int THREADS = 8;

    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    /** Runs {@code work} {@code rounds} times on each of the threads, all starting at once; waits for all. */
    public void race(int rounds, Runnable work) throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < rounds; i++) {
                    work.run();
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdownNow();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("racing threads did not end within 10 s");
        }
    }
}
