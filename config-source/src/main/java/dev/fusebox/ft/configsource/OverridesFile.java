package dev.fusebox.ft.configsource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The operator overrides file: fault-tolerance parameters changed at runtime (by the management
 * layer through {@link #update}, or by hand) and read back as configuration.
 *
 * <p>Thread-safe. Reads return an immutable snapshot without locking; updates and reloads are
 * serialized by one lock per file. There is one instance per absolute, normalised path, so the
 * config source and the management layer share it (see {@link #open}).
 *
 * <p>The file is input from anyone who can write it: at most {@value FileContent#MAX_BYTES} bytes
 * of it are read, a larger one, a binary one or one with a bad line keeps the last good values in
 * force, and what {@link #status()} and the log say about it stays short ({@link FileProblems}).
 *
 * <p>Implementation notes. {@code snapshot} is replaced, never mutated, and only while holding
 * {@code lock}; a reader sees either the old or the new snapshot. An update is a read-modify-write
 * of a file that people edit without taking our lock: it reads the file, merges, writes a
 * temporary file, and renames it over the file only if the file still has the fingerprint it read
 * (else it reads again and merges again, up to {@value #MAX_ATTEMPTS} times). So a hand edit saved
 * between the read and the write is merged, not lost; one saved between that last check and the
 * rename, a window of microseconds that no portable file system call closes, can still be. An
 * update's linearization point is the atomic rename; the snapshot is swapped right after it, still
 * under the lock, so a reader can briefly see the old snapshot next to the new file but never the
 * reverse. Listeners are called under the lock, so they receive changes in order.
 */
public final class OverridesFile {

    /** Checks one entry; returns why it is refused, or {@code null} to accept it. */
    @FunctionalInterface
    public interface Validator {
        String problem(String key, String value);
    }

    /** What one reload or update changed; {@code changedKeys} were added, removed or given another value. */
    public record Change(Map<String, String> before, Map<String, String> after, Set<String> changedKeys) {
    }

    /**
     * The state of the file. {@code problem} is {@code null} when healthy; {@code lastGoodLoad} is
     * when the values in force were read or written ({@code null} if never).
     */
    public record Status(boolean healthy, String problem, Instant lastGoodLoad, Path path) {
    }

    /** A listener registration; closing it more than once is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(1);
    /** How often an update reads, merges and writes again when the file keeps changing under it. */
    static final int MAX_ATTEMPTS = 5;

    private static final System.Logger LOG = System.getLogger(OverridesFile.class.getName());
    private static final ConcurrentMap<Path, OverridesFile> OPEN = new ConcurrentHashMap<>();

    private final Path path;
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    private final OverridesListeners listeners;
    private final AtomicLong nextCheckNanos = new AtomicLong(System.nanoTime());
    private volatile OverridesSnapshot snapshot = OverridesSnapshot.NEVER_READ;
    private volatile Validator validator = (key, value) -> null;
    private volatile Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private final FileProblems problems; // guarded by lock

    private OverridesFile(Path path) {
        this.path = path;
        this.problems = new FileProblems(path);
        this.listeners = new OverridesListeners(path, this::poll, () -> pollInterval, lock::isHeldByCurrentThread);
        lock.lock();
        try {
            refresh();
        } finally {
            lock.unlock();
        }
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
        return snapshot.values();
    }

    public String value(String key) {
        return values().get(key);
    }

    public Status status() {
        recheckIfDue();
        OverridesSnapshot current = snapshot;
        return new Status(current.problems().isEmpty(), FileProblems.statusText(current.problems()),
                current.lastGoodLoad(), path);
    }

    /**
     * Checks every entry of later updates and reloads. Entries already in force that it refuses
     * (read before there was a validator, say) are dropped and reported in {@link #status()}.
     */
    public void setValidator(Validator validator) {
        lock.lock();
        try {
            this.validator = Objects.requireNonNull(validator, "validator");
            OverridesSnapshot checked = snapshot.checkedBy(validator);
            if (checked != snapshot) {
                install(checked);
            }
        } finally {
            lock.unlock();
        }
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
        Map<String, String> toSet = new TreeMap<>(set);
        Set<String> toRemove = Set.copyOf(remove);
        OverridesFormat.checkUpdate(toSet, toRemove, validator);
        lock.lock();
        try {
            for (int attempt = 1; !tryUpdate(toSet, toRemove); attempt++) {
                if (attempt == MAX_ATTEMPTS) {
                    throw new UncheckedIOException(new IOException("the overrides file " + path + " changed "
                            + MAX_ATTEMPTS + " times while an update was being written; nothing was changed,"
                            + " try again"));
                }
                LOG.log(System.Logger.Level.DEBUG, () -> "overrides file " + path
                        + " changed while an update was written; reading it again");
            }
        } finally {
            lock.unlock();
        }
    }

    /** One read-merge-write; false (nothing changed) when the file changed since it was read. Caller holds the lock. */
    private boolean tryUpdate(Map<String, String> toSet, Set<String> toRemove) {
        refresh();
        OverridesSnapshot current = snapshot;
        Map<String, String> next = new TreeMap<>(current.values());
        next.putAll(toSet);
        next.keySet().removeAll(toRemove);
        byte[] content = OverridesFormat.render(next);
        try {
            Path copy = current.corrupt() ? AtomicFileWriter.keepCopy(path, ".corrupt") : null;
            if (copy != null) {
                LOG.log(System.Logger.Level.WARNING, "overrides file " + path + " was corrupt (" + current.problems()
                        .get(0) + ") and is replaced by an update; its text is kept in " + copy);
            }
            if (!AtomicFileWriter.write(path, content, () -> FileContent.fingerprintNow(path).equals(current.seen()))) {
                return false;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the overrides file " + path + ": " + e, e);
        }
        install(OverridesSnapshot.written(next, FileContent.written(path, content), clock.instant()));
        return true;
    }

    /**
     * Calls {@code listener} after every change, on the thread that made it (an updater, or the
     * {@code fusebox-overrides-watch} thread, which polls the file while there is a listener).
     * Listeners run in order under the store's lock: keep them short and do not wait on other
     * threads that update this file.
     */
    public Subscription addListener(Consumer<Change> listener) {
        return listeners.add(listener);
    }

    private void poll() {
        lock.lock();
        try {
            refresh();
        } finally {
            lock.unlock();
        }
    }

    private void recheckIfDue() {
        if (listeners.watching()) {
            return; // the watch thread keeps the snapshot fresh
        }
        long due = nextCheckNanos.get();
        long now = System.nanoTime();
        if (now - due < 0 || !nextCheckNanos.compareAndSet(due, now + pollInterval.toNanos())) {
            return;
        }
        if (lock.tryLock()) { // if the lock is busy, its holder is refreshing anyway
            try {
                refresh();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Reads the file if it changed since last seen and installs what it holds. Caller holds the lock. */
    private void refresh() {
        OverridesSnapshot current = snapshot;
        FileContent content;
        try {
            content = FileContent.read(path);
        } catch (NoSuchFileException e) {
            if (current.seen().equals(FileContent.Fingerprint.MISSING)) {
                return;
            }
            if (current.seen().exists()) {
                LOG.log(System.Logger.Level.WARNING, "overrides file " + path + " was deleted; no overrides are in force");
            }
            install(OverridesSnapshot.missing(clock.instant()));
            return;
        } catch (IOException e) {
            install(current.unreadable(e));
            return;
        }
        FileContent.Fingerprint seen = content.fingerprint();
        if (seen.equals(current.seen())) {
            return;
        }
        if (!content.wasRead()) {
            install(current.refused(seen, content.refusal()));
            return;
        }
        OverridesFormat.Parsed parsed = OverridesFormat.parse(content.bytes());
        install(parsed.corrupt() ? current.refused(seen, parsed.problem())
                : current.loaded(seen, parsed.entries(), validator, clock.instant()));
    }

    /** Swaps the snapshot, logs new problems and tells the listeners. Caller holds the lock. */
    private void install(OverridesSnapshot next) {
        Map<String, String> before = snapshot.values();
        snapshot = next;
        problems.logNew(next.problems());
        Set<String> changed = new HashSet<>(before.keySet());
        changed.addAll(next.values().keySet());
        changed.removeIf(key -> Objects.equals(before.get(key), next.values().get(key)));
        if (changed.isEmpty()) {
            return;
        }
        listeners.deliver(new Change(before, next.values(), Set.copyOf(changed)));
    }

}
