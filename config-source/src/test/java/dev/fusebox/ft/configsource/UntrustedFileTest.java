package dev.fusebox.ft.configsource;

import static dev.fusebox.ft.configsource.Eventually.handEdit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overrides file is input from anyone who can write it: whatever it holds, the last good
 * configuration stays in force, the problem is named, what is read is bounded, and what the
 * status and the log say about it stays short. Reloads happen on the test's thread here (no
 * listener, a check due at once), so what they allocate can be measured on it.
 */
class UntrustedFileTest {

    private static final int SHORT = 1_000;

    @TempDir
    Path dir;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        Logger.getLogger(OverridesFile.class.getName()).addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        Logger.getLogger(OverridesFile.class.getName()).removeHandler(capture);
    }

    private OverridesFile goodStore(String name) {
        OverridesFile file = OverridesFile.open(dir.resolve(name));
        file.update(Map.of("a", "1"), List.of());
        return file;
    }

    /** Replaces the file by hand and returns the status after a reload on this thread. */
    private static OverridesFile.Status afterHandEdit(OverridesFile file, byte[] content) {
        handEdit(file.path(), content);
        file.setPollInterval(Duration.ofHours(1)); // makes the next check due now
        return file.status();
    }

    /**
     * Meets a file over the limit once, unmeasured, so the measured reload does not count the
     * one-time costs of this JVM (class loading, the first log record).
     */
    private static void warmUp(OverridesFile file) {
        handEdit(file.path(), new byte[2 * 1024 * 1024]);
        file.setPollInterval(Duration.ofHours(1));
        assertThat(file.status().problem()).startsWith("the file is 2097152 bytes");
    }

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    @Test
    void aFiveMegabyteOneLineFileIsNotReadAndKeepsTheLastGoodConfiguration() {
        OverridesFile file = goodStore("huge.properties");
        warmUp(file);
        byte[] huge = "x".repeat(5 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);
        handEdit(file.path(), huge);
        file.setPollInterval(Duration.ofHours(1));

        long before = allocatedByThisThread();
        OverridesFile.Status status = file.status();
        long allocated = allocatedByThisThread() - before;

        assertThat(status.healthy()).isFalse();
        assertThat(status.problem()).startsWith("the file is 5242880 bytes, more than the limit of 1048576 bytes;")
                .contains("keeping the configuration loaded at").hasSizeLessThan(SHORT);
        assertThat(file.values()).isEqualTo(Map.of("a", "1"));
        assertThat(allocated).as("bytes allocated by the reload").isLessThan(256 * 1024);
        assertThat(logged).isNotEmpty().allSatisfy(line -> assertThat(line).hasSizeLessThan(SHORT));
    }

    @Test
    void aFiveMegabyteBinaryFileIsNotReadEither() {
        OverridesFile file = goodStore("binary.properties");
        warmUp(file);
        byte[] noise = new byte[5 * 1024 * 1024];
        new Random(11).nextBytes(noise);
        handEdit(file.path(), noise);
        file.setPollInterval(Duration.ofHours(1));

        long before = allocatedByThisThread();
        OverridesFile.Status status = file.status();
        long allocated = allocatedByThisThread() - before;

        assertThat(status.problem()).startsWith("the file is 5242880 bytes, more than the limit");
        assertThat(file.values()).isEqualTo(Map.of("a", "1"));
        assertThat(allocated).as("bytes allocated by the reload").isLessThan(256 * 1024);
    }

    @Test
    void aLineWithAControlCharacterIsRefusedAndNamedLikeAnyBadLine() {
        OverridesFile file = goodStore("nul.properties");

        OverridesFile.Status status = afterHandEdit(file, "a=2\nb=x\u0000y\n".getBytes(StandardCharsets.UTF_8));

        assertThat(status.healthy()).isFalse();
        assertThat(status.problem()).startsWith("line 2: the control character U+0000 at column 4;");
        assertThat(file.values()).as("the last good configuration").isEqualTo(Map.of("a", "1"));
    }

    @Test
    void aLongLineIsRefusedAndQuotedShort() {
        OverridesFile file = goodStore("long-line.properties");

        OverridesFile.Status status = afterHandEdit(file,
                ("a=2\n" + "y".repeat(900_000) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(status.problem()).startsWith("line 2: 900000 characters, more than the limit of 4096;")
                .hasSizeLessThan(SHORT);
        assertThat(file.values()).isEqualTo(Map.of("a", "1"));
        assertThat(logged).allSatisfy(line -> assertThat(line).hasSizeLessThan(SHORT));
    }

    @Test
    void aBadLineIsQuotedAsAMarkedExcerpt() {
        OverridesFile file = goodStore("quoted.properties");

        OverridesFile.Status status = afterHandEdit(file,
                ("a=2\n" + "z".repeat(3_000) + "\n").getBytes(StandardCharsets.UTF_8));

        assertThat(status.problem()).startsWith("line 2: no '=' in '" + "z".repeat(60) + "... [2940 more characters]'")
                .hasSizeLessThan(SHORT);
    }

    @Test
    void manyRefusedEntriesGiveAShortStatusAndAFewLogLines() {
        OverridesFile file = goodStore("refusals.properties");
        file.setValidator((key, value) -> key.startsWith("bad") ? "refused by the test's validator" : null);
        String text = IntStream.range(0, 5_000).mapToObj(i -> "bad" + i + "=" + "v".repeat(100))
                .collect(Collectors.joining("\n", "a=1\n", "\n"));

        OverridesFile.Status status = afterHandEdit(file, text.getBytes(StandardCharsets.UTF_8));

        assertThat(status.healthy()).isFalse();
        assertThat(status.problem()).hasSizeLessThan(2 * SHORT).contains("and 4990 more problems");
        assertThat(file.values()).isEqualTo(Map.of("a", "1"));
        assertThat(logged).hasSizeLessThan(20).allSatisfy(line -> assertThat(line).hasSizeLessThan(SHORT));
    }

    /** A named pipe put where the file was: reading it would block the reader until someone writes to it. */
    @Test
    void aNamedPipeIsNotOpenedAndKeepsTheLastGoodConfiguration() throws Exception {
        OverridesFile file = goodStore("pipe.properties");
        java.nio.file.Files.delete(file.path());
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", file.path().toString()).inheritIO().start();
        } catch (java.io.IOException noMkfifo) {
            org.junit.jupiter.api.Assumptions.abort("no mkfifo on this platform: " + noMkfifo);
            return;
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo made the pipe");
        file.setPollInterval(Duration.ofHours(1));

        OverridesFile.Status status = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                Duration.ofSeconds(10), file::status, "reading the overrides file blocked on a pipe");

        assertThat(status.problem()).startsWith("the path is not a regular file; keeping the configuration loaded at");
        assertThat(file.values()).isEqualTo(Map.of("a", "1"));
    }

    @Test
    void anUpdateWithAControlCharacterIsRefusedBeforeAnythingIsWritten() {
        OverridesFile file = goodStore("update-nul.properties");

        assertThatThrownBy(() -> file.update(Map.of("b", "x\u0000y"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("control character U+0000");
        assertThatThrownBy(() -> file.update(Map.of("c", "z".repeat(5_000)), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than the limit of 4096");
        assertThat(file.values()).isEqualTo(Map.of("a", "1"));
        assertThat(file.status().healthy()).isTrue();
    }
}
