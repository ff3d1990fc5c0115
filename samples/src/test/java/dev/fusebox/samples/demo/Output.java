package dev.fusebox.samples.demo;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a demo printed, captured from any thread; lines can be waited for. */
final class Output {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    PrintStream stream() {
        return stream;
    }

    List<String> lines() {
        // ByteArrayOutputStream's methods are synchronized: a line is never read half written
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** The first match of {@code regex} against a whole line, if printed. */
    Optional<Matcher> find(String regex) {
        Pattern pattern = Pattern.compile(regex);
        return lines().stream().map(pattern::matcher).filter(Matcher::matches).findFirst();
    }

    /** Waits up to {@code patience} for a line matching {@code regex}. */
    Matcher await(String regex, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        Optional<Matcher> found = find(regex);
        while (found.isEmpty()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("no line matching " + regex + " within " + patience + "; printed:\n"
                        + String.join("\n", lines()));
            }
            Thread.sleep(20);
            found = find(regex);
        }
        return found.get();
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
