package dev.fusebox.ft.cdi.async;

import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Sleeper;
import dev.fusebox.ft.core.time.Ticker;

/**
 * Where the time of one container comes from: the clock its engines read (breakers' delays,
 * retries' durations, deadlines, metrics' durations), how a synchronous retry waits, and when the
 * timer's delayed tasks (asynchronous timeouts, asynchronous retries' delays, the synchronous
 * timeouts' watcher) fall due. A due task always runs on the container's timer thread, whichever
 * time decided that it is due.
 *
 * <p><b>Internal; not a setting.</b> There is no configuration key for it and the extension's
 * public constructor always uses {@link #system()}. The tests of the CDI layer install a virtual
 * time through the extension's package-private constructor, before the container starts, so
 * that container tests of delays, expiry and timeouts do not wait in real time. Immutable;
 * thread-safe because its parts must be (as every {@link Ticker}, {@link Sleeper} and
 * {@link Scheduler} is).
 */
public final class ContainerTime {

    private static final ContainerTime SYSTEM = new ContainerTime(Ticker.system(), Sleeper.system(), null);

    private final Ticker ticker;
    private final Sleeper sleeper;
    /** Decides when a delayed timer task falls due; null: the timer thread's own (real) delays do. */
    private final Scheduler dueTimes;

    private ContainerTime(Ticker ticker, Sleeper sleeper, Scheduler dueTimes) {
        this.ticker = ticker;
        this.sleeper = sleeper;
        this.dueTimes = dueTimes;
    }

    /** The JVM's clock, real sleeping and the timer's real delays: what every deployed container uses. */
    public static ContainerTime system() {
        return SYSTEM;
    }

    /**
     * For tests only: a clock, a sleeper and a scheduler that decides when delayed timer tasks fall
     * due (its tasks only hand the due task to the timer thread, so they may run on any thread).
     * The three must tell one and the same time.
     */
    public static ContainerTime of(Ticker ticker, Sleeper sleeper, Scheduler dueTimes) {
        if (ticker == null || sleeper == null || dueTimes == null) {
            throw new IllegalArgumentException("a container time needs a ticker, a sleeper and a scheduler");
        }
        return new ContainerTime(ticker, sleeper, dueTimes);
    }

    public Ticker ticker() {
        return ticker;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    /** The scheduler that decides when timer tasks fall due, or null when the timer's real delays do. */
    Scheduler dueTimes() {
        return dueTimes;
    }
}
