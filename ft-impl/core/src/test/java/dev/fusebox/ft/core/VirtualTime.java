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
 * tasks run on the advancing thread, in due order, when the clock passes their due time. The
 * delays that were slept are recorded. Thread-safe.
 */
public final class VirtualTime implements Ticker, Sleeper, Scheduler {

    private record Task(long due, long order, Runnable action, boolean[] cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due
            ? Long.compare(a.due, b.due) : Long.compare(a.order, b.order));
    private final List<Long> slept = new ArrayList<>();
    private long now = 1_000_000_000L;
    private long order;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public void sleep(long nanos) {
        synchronized (this) {
            slept.add(nanos);
        }
        advance(Duration.ofNanos(Math.max(0, nanos)));
    }

    @Override
    public synchronized Scheduled schedule(Runnable task, long delayNanos) {
        boolean[] cancelled = {false};
        tasks.add(new Task(now + Math.max(0, delayNanos), order++, task, cancelled));
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
            target = now + duration.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = target;
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

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized long pending() {
        return tasks.stream().filter(task -> !task.cancelled[0]).count();
    }
}
