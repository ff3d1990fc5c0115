package dev.fusebox.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's {@code main} in a fresh JVM on this test class path, under Monocle: the window
 * comes up (the application logs that it started) and the process ends when told to. And the
 * real launcher on a machine without a display and without GTK 3 (no {@code DISPLAY}, library
 * folders emptied, JavaFX's own platform): one line saying what is missing, one saying what to
 * install, status 3, no stack trace.
 */
class ConsoleLauncherTest {

    @TempDir
    Path home;

    @Test
    void mainStartsTheConsoleFromTheClassPathAndTheProcessStops() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        for (String p : List.of("glass.platform", "monocle.platform", "prism.order", "headless.geometry",
                "java.awt.headless")) {
            command.add("-D" + p + "=" + System.getProperty(p));
        }
        command.add("-Dfusebox.console.profiles=" + home.resolve("profiles.properties"));
        command.add(ConsoleLauncher.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean stopping = new AtomicBoolean();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                    if (line.contains("Fusebox console started")) {
                        started.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the JDK closes the pipe when the process ends, which may interrupt a read in progress
                if (!stopping.get()) {
                    output.add("reading failed: " + e);
                }
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        try {
            assertThat(started.await(40, TimeUnit.SECONDS)).as("started; output: %s", output).isTrue();
            assertThat(process.isAlive()).isTrue();
        } finally {
            stopping.set(true);
            process.destroy();
            assertThat(process.waitFor(15, TimeUnit.SECONDS)).as("stopped; output: %s", output).isTrue();
        }
        assertThat(output).noneMatch(line -> line.contains("Exception"));
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void withoutDisplayAndGtkTheLauncherSaysWhatToInstallInTwoLinesAndEndsWithStatus3(@TempDir Path noLibraries)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dfusebox.console.library-dirs=" + noLibraries,
                "-Dfusebox.console.profiles=" + home.resolve("profiles.properties"),
                ConsoleLauncher.class.getName()).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().remove("WAYLAND_DISPLAY");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("ended; output: %s", output).isTrue();

        assertThat(process.exitValue()).as(output).isEqualTo(3);
        List<String> lines = output.lines().toList();
        assertThat(lines).as(output).hasSize(2);
        assertThat(lines.get(0)).startsWith("Fusebox console cannot start: no display (DISPLAY is not set)"
                + " and no GTK 3 (libgtk-3.so.0 not found)");
        assertThat(lines.get(1)).startsWith("Install once").contains("xvfb");
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
