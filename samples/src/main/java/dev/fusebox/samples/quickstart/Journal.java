package dev.fusebox.samples.quickstart;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Where the demo writes what happened, one line per event: {@code policy    what happened}. */
@ApplicationScoped
public class Journal {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile PrintStream out = System.out;

    void printTo(PrintStream stream) {
        out = stream;
    }

    public void say(String policy, String text) {
        String line = String.format("%-10s %s", policy, text);
        lines.add(line);
        out.println(line);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }
}
