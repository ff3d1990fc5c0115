package dev.fusebox.ft.core;

import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Sleeper;
import dev.fusebox.ft.core.time.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Time that moves only when a test says so: sleeping advances the clock at once, and scheduled
 * tasks run on the advancing thread, in due order (ties in scheduling order), when the clock
 * reaches their due time. A sleep honours interrupts as a real one does: it throws when the
 * sleeper's interrupt flag is set before or during the (virtual) wait. Due times and the clock
 * saturate at {@code Long.MAX_VALUE}, so the largest delays mean "never". The delays that were
 * slept and scheduled are recorded. Thread-safe; tasks run outside the lock, so a task may
 * schedule another or block on another thread.
 */
public final class VirtualTime implements Ticker, Sleeper, Scheduler {

    private record Task(long due, long order, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private final List<Long> slept = new ArrayList<>();
    private final List<Long> scheduled = new ArrayList<>();
    private long now = 1_000_000_000L;
    private long order;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long nanos) throws InterruptedException {
        synchronized (this) {
            slept.add(nanos);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before the virtual sleep");
        }
        advance(Duration.ofNanos(Math.max(0, nanos)));
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted during the virtual sleep");
        }
    }

    @Override
    public synchronized Scheduled schedule(Runnable task, long delayNanos) {
        scheduled.add(delayNanos);
        boolean[] cancelled = {false};
        tasks.add(new Task(plus(now, Math.max(0, delayNanos)), order++, task, cancelled));
        return () -> {
            synchronized (VirtualTime.this) {
                cancelled[0] = true;
            }
        };
    }

    /** Moves the clock forward, running every task that falls due on the way. */
    public void advance(Duration duration) {
        long target;
        synchronized (this) {
            target = plus(now, duration.toNanos());
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = Math.max(now, target);
                    return;
                }
                tasks.poll();
                now = Math.max(now, next.due);
                if (next.cancelled[0]) {
                    continue;
                }
            }
            next.action.run();
        }
    }

    /** Runs what is due now without moving the clock. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** The waits slept so far, in nanoseconds. */
    public synchronized List<Long> slept() {
        return List.copyOf(slept);
    }

    /** The delays tasks were scheduled with so far, in nanoseconds. */
    public synchronized List<Long> scheduled() {
        return List.copyOf(scheduled);
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized long pending() {
        return tasks.stream().filter(task -> !task.cancelled[0]).count();
    }

    private static long plus(long time, long nanos) {
        long sum = time + nanos;
        return ((time ^ sum) & (nanos ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }
}
