package dev.fusebox.samples.demo;

import java.io.PrintStream;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Virtual users running checkouts against one shop at a steady total rate, and a reporter that
 * writes one summary line per interval (to the demo's summary file, or its stdout when asked) and
 * keeps the latest for {@code status}. Each user paces itself (users / rate seconds between the
 * starts of its checkouts); a user held up by a slow dependency falls behind and does not make up
 * for it, as real customers would not. Users and reporter are named platform threads
 * ({@value #THREAD_PREFIX}*), all stopped and joined by {@link #close()}. Start and close from one thread.
 *
 * <p>Implementation notes: the latest summary line is a volatile reference written only by the
 * reporter thread and read by any (the stdin thread's {@code status}); a reader sees a whole line,
 * the newest or the one before, which is all {@code status} promises.
 */
public final class LoadGenerator implements AutoCloseable {

    /** Name prefix of the generator's threads. */
    public static final String THREAD_PREFIX = "shop-load-";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ShopInstance shop;
    private final CheckoutStats stats;
    private final Checkout checkout;
    private final int users;
    private final double rate;
    private final long summaryMillis;
    private final PrintStream summaries;
    private final PrintStream out;
    private volatile String latestSummary;
    private final Consumer<CheckoutStats.Interval> onSummary;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final AtomicLong numbers = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    /**
     * @param users how many virtual users run checkouts at once
     * @param rate checkouts per second, all users together
     * @param summaryMillis how often a summary line is written
     * @param summaries where the summary lines go
     * @param out the terminal, told if the reporter stops on an error
     * @param onSummary told of each interval after its line is written (tests)
     */
    public LoadGenerator(ShopInstance shop, int users, double rate, long summaryMillis, PrintStream summaries,
                         PrintStream out, Consumer<CheckoutStats.Interval> onSummary) {
        if (users < 1 || !(rate > 0) || summaryMillis < 1) {
            throw new IllegalArgumentException("need at least one user, a positive rate and interval; got users="
                    + users + ", rate=" + rate + ", summary every " + summaryMillis + " ms");
        }
        this.shop = shop;
        this.stats = new CheckoutStats(shop.dependencies().names());
        this.checkout = new Checkout(shop, stats);
        this.users = users;
        this.rate = rate;
        this.summaryMillis = summaryMillis;
        this.summaries = summaries;
        this.out = out;
        this.onSummary = onSummary;
    }

    public void start() {
        long pace = Math.round(users * 1e9 / rate);
        for (int i = 1; i <= users; i++) {
            // spread the users' first checkouts over one pace
            long offset = pace * (i - 1) / users;
            threads.add(thread("user-" + i, () -> runUser(pace, offset)));
        }
        threads.add(thread("summary", this::report));
        threads.forEach(Thread::start);
    }

    private Thread thread(String name, Runnable task) {
        Thread thread = new Thread(task, THREAD_PREFIX + shop.settings().application() + "-" + name);
        thread.setDaemon(false);
        return thread;
    }

    private void runUser(long paceNanos, long offsetNanos) {
        long next = System.nanoTime() + offsetNanos;
        try {
            while (!stop.await(Math.max(0, next - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                checkout.run(numbers.incrementAndGet());
                next = Math.max(next + paceNanos, System.nanoTime());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void report() {
        try {
            while (!stop.await(summaryMillis, TimeUnit.MILLISECONDS)) {
                CheckoutStats.Interval interval = stats.nextInterval();
                String line = summaryLine(interval, shop.breakerStates());
                summaries.println(line);
                latestSummary = line;
                onSummary.accept(interval);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.println("summary stopped: " + e);
        }
    }

    /** {@code 11:20:05 checkouts 100: ok 96, degraded 4, failed 0 | inventory ok 98 fallback 2 | ... | breakers ...}. */
    String summaryLine(CheckoutStats.Interval interval, Map<String, String> breakers) {
        StringBuilder line = new StringBuilder(LocalTime.now().format(CLOCK));
        line.append(String.format(" checkouts %d: ok %d, degraded %d, failed %d", interval.checkouts(),
                interval.count(CheckoutStats.Result.OK), interval.count(CheckoutStats.Result.DEGRADED),
                interval.count(CheckoutStats.Result.FAILED)));
        interval.calls().forEach((dependency, outcomes) -> {
            line.append(" | ").append(dependency);
            if (outcomes.isEmpty()) {
                line.append(" -");
            }
            outcomes.forEach((outcome, count) -> line.append(' ').append(outcome.word()).append(' ').append(count));
        });
        line.append(" | breakers");
        breakers.forEach((dependency, state) -> line.append(' ').append(dependency).append('=').append(state));
        return line.toString();
    }

    /** The last summary line written, or null before the first interval has ended. */
    public String latestSummary() {
        return latestSummary;
    }

    /** Checkouts finished since the start. */
    public long checkouts() {
        return stats.total();
    }

    /**
     * Stops the users and the reporter and waits for them: a checkout under way finishes first,
     * which Fusebox's timeouts bound to a few seconds.
     */
    @Override
    public void close() {
        stop.countDown();
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
