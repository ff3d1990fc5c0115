package dev.fusebox.samples.firstapp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The code blocks of README.md that stand between {@code <!-- first-app:NAME -->} and
 * {@code <!-- /first-app:NAME -->}: what a new user copies, read from the README itself so that
 * the README and the check cannot drift apart. Immutable once read; not shared between threads.
 */
final class ReadmeSnippets {

    private final Path readme;
    private final String text;

    private ReadmeSnippets(Path readme, String text) {
        this.readme = readme;
        this.text = text;
    }

    static ReadmeSnippets read(Path readme) throws IOException {
        return new ReadmeSnippets(readme, Files.readString(readme));
    }

    /**
     * The lines inside the fenced code block (```) between the two markers named {@code name}.
     *
     * @throws IllegalStateException naming the README and the marker when either marker or the
     *     fence is missing
     */
    String block(String name) {
        String open = "<!-- first-app:" + name + " -->";
        String close = "<!-- /first-app:" + name + " -->";
        int start = text.indexOf(open);
        int end = start < 0 ? -1 : text.indexOf(close, start);
        if (start < 0 || end < 0) {
            throw new IllegalStateException(readme + " has no block between '" + open + "' and '"
                    + close + "'");
        }
        List<String> code = new ArrayList<>();
        boolean inFence = false;
        boolean fenceSeen = false;
        for (String line : text.substring(start + open.length(), end).split("\n", -1)) {
            if (line.strip().startsWith("```")) {
                inFence = !inFence;
                fenceSeen = true;
            } else if (inFence) {
                code.add(line);
            }
        }
        if (!fenceSeen) {
            throw new IllegalStateException(readme + ": between '" + open + "' and '" + close
                    + "' there is no ``` code block");
        }
        return String.join("\n", code) + "\n";
    }
}
