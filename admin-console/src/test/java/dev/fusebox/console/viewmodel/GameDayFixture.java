package dev.fusebox.console.viewmodel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What the game-day view-model tests give it in place of the FX thread and the wall clock: a queue of
 * UI tasks that the test thread runs ({@link Ui#runUntil}), and a timer in virtual time whose due tasks
 * run on the test thread when it is advanced.
 */
final class GameDayFixture {

    private GameDayFixture() {
    }

    /** The "FX thread": tasks queue up from any thread and run on the test thread. */
    static final class Ui implements Executor {
        private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        /** Runs queued tasks until {@code done} holds (checked between tasks), for at most 10 s. */
        void runUntil(String what, BooleanSupplier done) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!done.getAsBoolean()) {
                Runnable task = tasks.poll(20, TimeUnit.MILLISECONDS);
                if (task != null) {
                    task.run();
                } else if (System.nanoTime() > deadline) {
                    throw new AssertionError("not within 10 s: " + what);
                }
            }
        }

        /** Runs what is queued now. */
        void runQueued() {
            for (Runnable task; (task = tasks.poll()) != null; ) {
                task.run();
            }
        }
    }

    /** Virtual time starting at {@code startMillis}; {@link #advanceTo} runs what fell due, in order. */
    static final class VirtualTimer implements StepTimer {
        private record Task(long at, long seq, Runnable run) {
        }

        private final long start;
        private final List<Task> due = new ArrayList<>();
        private long now;
        private long seq;
        boolean closed;

        VirtualTimer(long startMillis) {
            this.start = startMillis;
            this.now = startMillis;
        }

        @Override
        public synchronized long nowMillis() {
            return now;
        }

        @Override
        public synchronized Runnable after(long delayMillis, Runnable task) {
            Task t = new Task(now + delayMillis, seq++, task);
            due.add(t);
            return () -> {
                synchronized (this) {
                    due.remove(t);
                }
            };
        }

        /** Moves the clock to {@code second} after the start, running each task when its time comes. */
        void advanceTo(double second) {
            long target = start + Math.round(second * 1000);
            while (true) {
                Task next;
                synchronized (this) {
                    next = due.stream().filter(t -> t.at() <= target)
                            .min(Comparator.comparingLong(Task::at).thenComparingLong(Task::seq)).orElse(null);
                    if (next == null) {
                        now = target;
                        return;
                    }
                    due.remove(next);
                    now = next.at();
                }
                next.run().run();
            }
        }

        @Override
        public synchronized void close() {
            closed = true;
            due.clear();
        }
    }
}
