package dev.fusebox.ft.configsource;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The operator overrides file: fault-tolerance parameters changed at runtime (by the management
 * layer through {@link #update}, or by hand) and read back as configuration. This class is the
 * face of one file: one shared instance per path, reads that re-check the file now and then, and
 * the entry points of updates and listeners. The values in force, their lock and the reload are
 * {@link OverridesInForce}'s; an update's read-merge-write is {@link OverridesUpdate}'s; the poller
 * thread that watches for hand edits while there are listeners is {@link OverridesPoller}.
 *
 * <p>Thread-safe. Reads return an immutable snapshot without locking; updates and reloads are
 * serialized by one lock per file. There is one instance per absolute, normalised path, so the
 * config source and the management layer share it (see {@link #open}).
 *
 * <p>The file is input from anyone who can write it: at most {@value FileContent#MAX_BYTES} bytes
 * of it are read, a larger one, a binary one or one with a bad line keeps the last good values in
 * force, and what {@link #status()} and the log say about it stays short ({@link FileProblems}).
 *
 * <p>Implementation notes. Without listeners a read re-checks the file at most once per poll
 * interval: {@code nextCheckNanos} is claimed by one CAS, so of the readers that find a check due
 * one does it, and it only tries the lock (a holder of the lock is reloading or updating anyway).
 * Updates: see {@link OverridesUpdate} (linearization point: the atomic rename).
 */
public final class OverridesFile {

    /**
     * Checks one entry; returns why it is refused, or {@code null} to accept it. Implementations
     * are thread-safe: updates check their entries on the updating thread, reloads on the thread
     * that reloads.
     */
    @FunctionalInterface
    public interface Validator {
        String problem(String key, String value);
    }

    /**
     * What one reload or update changed; {@code changedKeys} were added, removed or given another
     * value. Immutable (unmodifiable maps and set).
     */
    public record Change(Map<String, String> before, Map<String, String> after, Set<String> changedKeys) {
    }

    /**
     * The state of the file. {@code problem} is {@code null} when healthy; {@code lastGoodLoad} is
     * when the values in force were read or written ({@code null} if never). Immutable.
     */
    public record Status(boolean healthy, String problem, Instant lastGoodLoad, Path path) {
    }

    /** A listener registration; closing it more than once, from any thread, is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** How often an update reads, merges and writes again when the file keeps changing under it. */
    static final int MAX_ATTEMPTS = 5;

    private static final ConcurrentMap<Path, OverridesFile> OPEN = new ConcurrentHashMap<>();

    private final Path path;
    private final AtomicLong nextCheckNanos = new AtomicLong(System.nanoTime());
    private volatile Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private final OverridesInForce inForce;

    private OverridesFile(Path path) {
        this.path = path;
        this.inForce = new OverridesInForce(path, () -> pollInterval);
    }

    /** The shared store for {@code file} (made absolute and normalised); the file need not exist. */
    public static OverridesFile open(Path file) {
        return OPEN.computeIfAbsent(file.toAbsolutePath().normalize(), OverridesFile::new);
    }

    public Path path() {
        return path;
    }

    /** The last good values (immutable). Without listeners, re-checks the file at most once per poll interval. */
    public Map<String, String> values() {
        recheckIfDue();
        return inForce.snapshot().values();
    }

    public String value(String key) {
        return values().get(key);
    }

    public Status status() {
        recheckIfDue();
        OverridesSnapshot current = inForce.snapshot();
        return new Status(current.problems().isEmpty(), FileProblems.statusText(current.problems()),
                current.lastGoodLoad(), path);
    }

    /**
     * Checks every entry of later updates and reloads. Entries already in force that it refuses
     * (read before there was a validator, say) are dropped and reported in {@link #status()}.
     */
    public void setValidator(Validator validator) {
        inForce.setValidator(validator);
    }

    public Duration pollInterval() {
        return pollInterval;
    }

    /** How often the file is checked for hand edits; takes effect from the next check. */
    public void setPollInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("poll interval must be positive, got " + interval);
        }
        this.pollInterval = interval;
        nextCheckNanos.set(System.nanoTime());
    }

    /**
     * Sets the entries of {@code set} and removes the keys of {@code remove}, merged with the
     * current values (including hand edits not yet picked up), and writes the file atomically.
     *
     * @throws IllegalArgumentException if an entry is refused (nothing is changed)
     * @throws UncheckedIOException if the file cannot be written (nothing is changed)
     */
    public void update(Map<String, String> set, Collection<String> remove) {
        new OverridesUpdate(path, inForce, set, remove).apply();
    }

    /**
     * Calls {@code listener} after every change, on the thread that made it (an updater, or the
     * {@code fusebox-overrides-poller} thread, which polls the file while there is a listener).
     * Listeners run in order under the store's lock: keep them short and do not wait on other
     * threads that update this file.
     */
    public Subscription addListener(Consumer<Change> listener) {
        return inForce.addListener(listener);
    }

    private void recheckIfDue() {
        if (inForce.polling()) {
            return; // the poller thread keeps the snapshot fresh
        }
        long due = nextCheckNanos.get();
        long now = System.nanoTime();
        if (now - due < 0 || !nextCheckNanos.compareAndSet(due, now + pollInterval.toNanos())) {
            return;
        }
        if (inForce.tryLock()) { // if the lock is busy, its holder is refreshing anyway
            try {
                inForce.refresh();
            } finally {
                inForce.unlock();
            }
        }
    }
}
