package dev.fusebox.ft.configsource;

import dev.fusebox.ft.management.OverridesFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One update of the overrides file: sets some entries and removes some keys, merged with what the
 * file holds at the moment of writing (hand edits included), written atomically.
 *
 * <p>Implementation notes. An update is a read-modify-write of a file that people edit without
 * taking our lock: under the lock of the values in force it reads the file, merges, writes a
 * temporary file, and renames it over the file only if the file still has the fingerprint it read
 * (else it reads again and merges again, up to {@value OverridesFile#MAX_ATTEMPTS} times). So a
 * hand edit saved between the read and the write is merged, not lost; one saved between that last
 * check and the rename, a window of microseconds that no portable file system call closes, can
 * still be. An update's linearization point is the atomic rename; the snapshot is swapped right
 * after it, still under the lock, so a reader can briefly see the old snapshot next to the new file
 * but never the reverse. Immutable (one instance per call); the lock makes concurrent updates of
 * one file take turns.
 */
final class OverridesUpdate {

    private static final System.Logger LOG = System.getLogger(OverridesFile.class.getName());

    private final Path path;
    private final OverridesInForce inForce;
    private final Map<String, String> toSet;
    private final Set<String> toRemove;

    /** Checks the entries at once: throws IllegalArgumentException, changing nothing, when one is refused. */
    OverridesUpdate(Path path, OverridesInForce inForce, Map<String, String> set, Collection<String> remove) {
        this.path = path;
        this.inForce = inForce;
        this.toSet = new TreeMap<>(set);
        this.toRemove = Set.copyOf(remove);
        check(toSet, toRemove, inForce.validator());
    }

    /** Reads, merges and writes until the file held still while it was written, at most the limit of attempts. */
    void apply() {
        inForce.lock();
        try {
            for (int attempt = 1; !tryOnce(); attempt++) {
                if (attempt == OverridesFile.MAX_ATTEMPTS) {
                    throw new UncheckedIOException(new IOException("the overrides file " + path + " changed "
                            + OverridesFile.MAX_ATTEMPTS + " times while an update was being written; nothing was"
                            + " changed, try again"));
                }
                LOG.log(System.Logger.Level.DEBUG, () -> "overrides file " + path
                        + " changed while an update was written; reading it again");
            }
        } finally {
            inForce.unlock();
        }
    }

    /** One read-merge-write; false (nothing changed) when the file changed since it was read. Caller holds the lock. */
    private boolean tryOnce() {
        inForce.refresh();
        OverridesSnapshot current = inForce.snapshot();
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
        inForce.install(OverridesSnapshot.written(next, FileContent.written(path, content), inForce.now()));
        return true;
    }

    /**
     * Checks every entry an update sets: writable ({@link OverridesFormat#unwritable}) and accepted
     * by {@code validator}, and not also removed.
     *
     * @throws IllegalArgumentException naming (an excerpt of) the key, the value and the reason
     */
    private static void check(Map<String, String> set, Set<String> remove, OverridesFile.Validator validator) {
        int quoted = OverridesFormat.QUOTED;
        set.forEach((key, value) -> {
            String problem = OverridesFormat.unwritable(key, value);
            if (problem == null) {
                problem = OverridesSnapshot.check(validator, key, value);
            }
            if (problem != null) {
                throw new IllegalArgumentException("override refused: key '" + OverridesFormat.excerpt(key, quoted)
                        + "', value '" + OverridesFormat.excerpt(value, quoted) + "': " + problem);
            }
            if (remove.contains(key)) {
                throw new IllegalArgumentException("key '" + OverridesFormat.excerpt(key, quoted)
                        + "' is both set and removed");
            }
        });
    }
}
