package dev.fusebox.ft.configsource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Test helpers: waiting for a condition with a deadline (no timed assertions), and hand edits. */
final class Eventually {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    private Eventually() {
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + DEADLINE + ": " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /**
     * Writes the file the way an editor that saves atomically does, so a poll never reads half
     * of a hand edit (the test is about the store, not about torn hand edits).
     */
    static void handEdit(Path file, String text) {
        handEdit(file, text.getBytes(StandardCharsets.UTF_8));
    }

    static void handEdit(Path file, byte[] bytes) {
        try {
            Path temporary = Files.createTempFile(file.getParent(), "hand-edit", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long pollerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && OverridesPoller.THREAD_NAME.equals(t.getName()))
                .count();
    }
}
