package dev.fusebox.ft.configsource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * <p>Implementation notes. {@code snapshot} is replaced, never mutated, and only while holding
 * {@code lock}; a reader sees either the old or the new snapshot. An update's linearization point
 * is the atomic rename of the temporary file; the snapshot is swapped right after it, still
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

    private static final System.Logger LOG = System.getLogger(OverridesFile.class.getName());
    private static final ConcurrentMap<Path, OverridesFile> OPEN = new ConcurrentHashMap<>();

    /** The values in force and what is known about the file. If {@code corrupt}, the first problem says why. */
    private record Snapshot(Map<String, String> values, FileContent.Fingerprint seen, Instant lastGoodLoad,
                            List<String> problems, boolean corrupt) {
    }

    private final Path path;
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    private final OverridesListeners listeners;
    private final AtomicLong nextCheckNanos = new AtomicLong(System.nanoTime());
    private volatile Snapshot snapshot =
            new Snapshot(Map.of(), FileContent.Fingerprint.NEVER_READ, null, List.of(), false);
    private volatile Validator validator = (key, value) -> null;
    private volatile Duration pollInterval = DEFAULT_POLL_INTERVAL;
    private Set<String> loggedProblems = Set.of(); // guarded by lock

    private OverridesFile(Path path) {
        this.path = path;
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
        Snapshot current = snapshot;
        boolean healthy = current.problems().isEmpty();
        return new Status(healthy, healthy ? null : String.join("; ", current.problems()),
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
            Snapshot current = snapshot;
            Map<String, String> kept = new TreeMap<>();
            List<String> problems = new ArrayList<>(current.problems());
            current.values().forEach((key, value) -> {
                String problem = check(key, value);
                if (problem == null) {
                    kept.put(key, value);
                } else {
                    problems.add(refusal(key, value, problem, null));
                }
            });
            if (kept.size() != current.values().size()) {
                install(new Snapshot(Map.copyOf(kept), current.seen(), current.lastGoodLoad(),
                        List.copyOf(problems), current.corrupt()));
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
        toSet.forEach((key, value) -> {
            String problem = OverridesFormat.unwritable(key, value);
            if (problem == null) {
                problem = check(key, value);
            }
            if (problem != null) {
                throw new IllegalArgumentException(
                        "override refused: key '" + key + "', value '" + value + "': " + problem);
            }
            if (toRemove.contains(key)) {
                throw new IllegalArgumentException("key '" + key + "' is both set and removed");
            }
        });
        lock.lock();
        try {
            refresh();
            Snapshot current = snapshot;
            Map<String, String> next = new TreeMap<>(current.values());
            next.putAll(toSet);
            next.keySet().removeAll(toRemove);
            byte[] content = OverridesFormat.render(next);
            try {
                if (current.corrupt()) {
                    keepCorruptCopy(current.problems().get(0));
                }
                AtomicFileWriter.write(path, content);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the overrides file " + path + ": " + e, e);
            }
            install(new Snapshot(Map.copyOf(next), FileContent.written(path, content), clock.instant(), List.of(), false));
        } finally {
            lock.unlock();
        }
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
        Snapshot current = snapshot;
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
            install(new Snapshot(Map.of(), FileContent.Fingerprint.MISSING, clock.instant(), List.of(), false));
            return;
        } catch (IOException e) {
            String problem = "cannot read the file (" + e + "); " + keeping(current);
            install(new Snapshot(current.values(), current.seen(), current.lastGoodLoad(), List.of(problem), false));
            return;
        }
        FileContent.Fingerprint seen = content.fingerprint();
        if (seen.equals(current.seen())) {
            return;
        }
        OverridesFormat.Parsed parsed = OverridesFormat.parse(content.bytes());
        if (parsed.corrupt()) {
            String problem = parsed.problem() + "; " + keeping(current);
            install(new Snapshot(current.values(), seen, current.lastGoodLoad(), List.of(problem), true));
            return;
        }
        Map<String, String> next = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        parsed.entries().forEach((key, value) -> {
            String problem = check(key, value);
            String previous = current.values().get(key);
            if (problem == null) {
                next.put(key, value);
                return;
            }
            problems.add(refusal(key, value, problem, previous));
            if (previous != null) {
                next.put(key, previous);
            }
        });
        install(new Snapshot(Map.copyOf(next), seen, clock.instant(), List.copyOf(problems), false));
    }

    private String keeping(Snapshot current) {
        return current.lastGoodLoad() == null
                ? "no configuration was loaded before, so no overrides are in force"
                : "keeping the configuration loaded at " + current.lastGoodLoad();
    }

    private static String refusal(String key, String value, String problem, String previous) {
        return "key '" + key + "': value '" + value + "' refused: " + problem + "; "
                + (previous == null ? "leaving it unset" : "keeping the previous value '" + previous + "'");
    }

    private String check(String key, String value) {
        try {
            return validator.problem(key, value);
        } catch (RuntimeException e) {
            return "the validator failed: " + e;
        }
    }

    /** Swaps the snapshot, logs new problems and tells the listeners. Caller holds the lock. */
    private void install(Snapshot next) {
        Map<String, String> before = snapshot.values();
        snapshot = next;
        logNewProblems(next.problems());
        Set<String> changed = new HashSet<>(before.keySet());
        changed.addAll(next.values().keySet());
        changed.removeIf(key -> Objects.equals(before.get(key), next.values().get(key)));
        if (changed.isEmpty()) {
            return;
        }
        listeners.deliver(new Change(before, next.values(), Set.copyOf(changed)));
    }

    private void logNewProblems(List<String> problems) {
        for (String problem : problems) {
            if (!loggedProblems.contains(problem)) {
                LOG.log(System.Logger.Level.WARNING, "overrides file " + path + ": " + problem);
            }
        }
        if (problems.isEmpty() && !loggedProblems.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "overrides file " + path + " is healthy again");
        }
        loggedProblems = Set.copyOf(problems);
    }

    /** An update replaces a corrupt file: keep the operator's text beside it rather than lose it. */
    private void keepCorruptCopy(String problem) throws IOException {
        Path copy = path.resolveSibling(path.getFileName() + ".corrupt");
        try {
            Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (NoSuchFileException e) {
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "overrides file " + path + " was corrupt (" + problem
                + ") and is replaced by an update; its text is kept in " + copy);
    }
}
