package dev.fusebox.ft.configsource;

import dev.fusebox.ft.management.OverridesFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What operators are told about an overrides file's problems: the status text, and the log. Both
 * stay short whatever the file holds: the status lists the first {@value #LISTED} problems and
 * counts the rest, cut at {@value #MAX_STATUS} characters with a marker; each distinct problem is
 * logged once (WARNING), at most {@value #LISTED} per reload, the rest counted in one line. Each
 * problem itself quotes only excerpts of the file ({@link OverridesFormat#excerpt}). Not
 * thread-safe: the store calls {@link #logNew} under its lock.
 */
final class FileProblems {

    static final int LISTED = 10;
    static final int MAX_STATUS = 2_000;

    private static final System.Logger LOG = System.getLogger(OverridesFile.class.getName());

    private final Path path;
    private Set<String> logged = Set.of();

    FileProblems(Path path) {
        this.path = path;
    }

    /** The status text of {@code problems}; null when there are none. */
    static String statusText(List<String> problems) {
        if (problems.isEmpty()) {
            return null;
        }
        String listed = String.join("; ", problems.subList(0, Math.min(LISTED, problems.size())));
        if (problems.size() > LISTED) {
            listed += "; and " + (problems.size() - LISTED) + " more problems";
        }
        return OverridesFormat.excerpt(listed, MAX_STATUS);
    }

    /** Logs the problems not logged at the previous reload, and a line when the file is healthy again. */
    void logNew(List<String> problems) {
        int fresh = 0;
        for (String problem : problems) {
            if (!logged.contains(problem) && ++fresh <= LISTED) {
                LOG.log(System.Logger.Level.WARNING, "overrides file " + path + ": " + problem);
            }
        }
        if (fresh > LISTED) {
            LOG.log(System.Logger.Level.WARNING, "overrides file " + path + ": and " + (fresh - LISTED)
                    + " more problems (the first " + LISTED + " are in its status)");
        }
        if (problems.isEmpty() && !logged.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "overrides file " + path + " is healthy again");
        }
        logged = Set.copyOf(problems);
    }
}
