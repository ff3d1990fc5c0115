package dev.fusebox.ft.configsource;

import dev.fusebox.ft.management.OverridesFormat;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The values of an overrides file in force and what is known about the file: the fingerprint of
 * what was last seen, when the values in force were read or written, the problems to report, and
 * whether the file is corrupt (then the first problem says why). Each method gives the snapshot
 * that follows an event (a read, a deletion, a refusal, a write); a refused file or entry never
 * changes the values in force, and a problem quotes only excerpts of the file. Immutable.
 */
record OverridesSnapshot(Map<String, String> values, FileContent.Fingerprint seen, Instant lastGoodLoad,
                         List<String> problems, boolean corrupt) {

    static final OverridesSnapshot NEVER_READ =
            new OverridesSnapshot(Map.of(), FileContent.Fingerprint.NEVER_READ, null, List.of(), false);

    private static final int QUOTED = OverridesFormat.QUOTED;

    /** The file was deleted (or never existed): no overrides. */
    static OverridesSnapshot missing(Instant now) {
        return new OverridesSnapshot(Map.of(), FileContent.Fingerprint.MISSING, now, List.of(), false);
    }

    /** Values written by an update; healthy. */
    static OverridesSnapshot written(Map<String, String> values, FileContent.Fingerprint seen, Instant now) {
        return new OverridesSnapshot(Map.copyOf(values), seen, now, List.of(), false);
    }

    /** The file could not be read: the values stay, and why is the problem. */
    OverridesSnapshot unreadable(IOException e) {
        return new OverridesSnapshot(values, seen, lastGoodLoad, List.of("cannot read the file (" + e + "); "
                + keeping()), false);
    }

    /** The file {@code now} seen is corrupt, too large or not a file: the values stay, and {@code problem} says why. */
    OverridesSnapshot refused(FileContent.Fingerprint now, String problem) {
        return new OverridesSnapshot(values, now, lastGoodLoad, List.of(problem + "; " + keeping()), true);
    }

    /**
     * The entries of a file read at {@code now}, each checked: a refused entry keeps its previous
     * value (or stays unset) and is reported.
     */
    OverridesSnapshot loaded(FileContent.Fingerprint now, Map<String, String> entries, OverridesFile.Validator validator,
                             Instant at) {
        Map<String, String> next = new TreeMap<>();
        List<String> refusals = new ArrayList<>();
        entries.forEach((key, value) -> {
            String problem = check(validator, key, value);
            String previous = values.get(key);
            if (problem == null) {
                next.put(key, value);
                return;
            }
            refusals.add(refusal(key, value, problem, previous));
            if (previous != null) {
                next.put(key, previous);
            }
        });
        return new OverridesSnapshot(Map.copyOf(next), now, at, List.copyOf(refusals), false);
    }

    /** The values in force that {@code validator} accepts; this snapshot itself if it accepts them all. */
    OverridesSnapshot checkedBy(OverridesFile.Validator validator) {
        Map<String, String> kept = new TreeMap<>();
        List<String> reported = new ArrayList<>(problems);
        values.forEach((key, value) -> {
            String problem = check(validator, key, value);
            if (problem == null) {
                kept.put(key, value);
            } else {
                reported.add(refusal(key, value, problem, null));
            }
        });
        return kept.size() == values.size() ? this
                : new OverridesSnapshot(Map.copyOf(kept), seen, lastGoodLoad, List.copyOf(reported), corrupt);
    }

    /** What {@code validator} says of an entry; a validator that throws refuses it. */
    static String check(OverridesFile.Validator validator, String key, String value) {
        try {
            return validator.problem(key, value);
        } catch (RuntimeException e) {
            return "the validator failed: " + e;
        }
    }

    private String keeping() {
        return lastGoodLoad == null
                ? "no configuration was loaded before, so no overrides are in force"
                : "keeping the configuration loaded at " + lastGoodLoad;
    }

    private static String refusal(String key, String value, String problem, String previous) {
        return "key '" + OverridesFormat.excerpt(key, QUOTED) + "': value '" + OverridesFormat.excerpt(value, QUOTED)
                + "' refused: " + OverridesFormat.excerpt(problem, 4 * QUOTED) + "; " + (previous == null
                ? "leaving it unset" : "keeping the previous value '" + OverridesFormat.excerpt(previous, QUOTED) + "'");
    }
}
