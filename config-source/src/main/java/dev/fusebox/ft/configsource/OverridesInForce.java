package dev.fusebox.ft.configsource;

import dev.fusebox.ft.management.OverridesFormat;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The overrides in force for one file: the last good snapshot, the validator it is checked by, the
 * lock that serialises every change of it, the reload that brings it up to date with the file, and
 * the listeners told of each change.
 *
 * <p>Implementation notes. {@code snapshot} is replaced, never mutated, and only while holding
 * {@code lock}; a reader sees either the old or the new snapshot without locking. Every change
 * goes through {@link #install}, under the lock, which tells the listeners before it returns, so
 * they receive changes in order. A reload reads the file only when its fingerprint differs from
 * the one the snapshot last saw. Thread-safe: reads are lock-free, changes hold {@code lock}.
 */
final class OverridesInForce {

    private static final System.Logger LOG = System.getLogger(OverridesFile.class.getName());

    private final Path path;
    private final Clock clock = Clock.systemUTC();
    private final ReentrantLock lock = new ReentrantLock();
    private final OverridesListeners listeners;
    private final FileProblems problems; // guarded by lock
    private volatile OverridesSnapshot snapshot = OverridesSnapshot.NEVER_READ;
    private volatile OverridesFile.Validator validator = (key, value) -> null;

    /** Reads {@code path} once; {@code pollInterval} paces the poller thread while there are listeners. */
    OverridesInForce(Path path, Supplier<Duration> pollInterval) {
        this.path = path;
        this.problems = new FileProblems(path);
        this.listeners = new OverridesListeners(path, this::reload, pollInterval, lock::isHeldByCurrentThread);
        reload();
    }

    OverridesSnapshot snapshot() {
        return snapshot;
    }

    OverridesFile.Validator validator() {
        return validator;
    }

    Instant now() {
        return clock.instant();
    }

    /** Takes the lock that serialises changes; pair with {@link #unlock()}. */
    void lock() {
        lock.lock();
    }

    /** Takes the lock only if it is free; true when taken. */
    boolean tryLock() {
        return lock.tryLock();
    }

    void unlock() {
        lock.unlock();
    }

    /** True while the poller thread keeps the snapshot fresh. */
    boolean polling() {
        return listeners.polling();
    }

    OverridesFile.Subscription addListener(Consumer<OverridesFile.Change> listener) {
        return listeners.add(listener);
    }

    /** Sets the validator and drops (and reports) the values in force that it refuses. */
    void setValidator(OverridesFile.Validator replacement) {
        lock.lock();
        try {
            this.validator = Objects.requireNonNull(replacement, "validator");
            OverridesSnapshot checked = snapshot.checkedBy(replacement);
            if (checked != snapshot) {
                install(checked);
            }
        } finally {
            lock.unlock();
        }
    }

    /** {@link #refresh} under the lock (the poller's and the constructor's way in). */
    void reload() {
        lock.lock();
        try {
            refresh();
        } finally {
            lock.unlock();
        }
    }

    /** Reads the file if it changed since last seen and installs what it holds. Caller holds the lock. */
    void refresh() {
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
    void install(OverridesSnapshot next) {
        Map<String, String> before = snapshot.values();
        snapshot = next;
        problems.logNew(next.problems());
        Set<String> changed = new HashSet<>(before.keySet());
        changed.addAll(next.values().keySet());
        changed.removeIf(key -> Objects.equals(before.get(key), next.values().get(key)));
        if (changed.isEmpty()) {
            return;
        }
        listeners.deliver(new OverridesFile.Change(before, next.values(), Set.copyOf(changed)));
    }
}
