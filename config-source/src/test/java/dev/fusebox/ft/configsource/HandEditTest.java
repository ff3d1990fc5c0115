package dev.fusebox.ft.configsource;

import static dev.fusebox.ft.configsource.Eventually.await;
import static dev.fusebox.ft.configsource.Eventually.handEdit;
import static dev.fusebox.ft.configsource.Eventually.pollerThreads;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandEditTest {

    @TempDir
    Path dir;

    @AfterEach
    void noWatchThreadOutlivesATest() {
        await("no poller thread left", () -> pollerThreads() == 0);
    }

    private OverridesFile store(String name) {
        OverridesFile file = OverridesFile.open(dir.resolve(name));
        file.setPollInterval(Duration.ofMillis(50));
        return file;
    }

    @Test
    @SuppressWarnings("try") // the subscription is held open for the body
    void aHandEditReachesListenersWithExactlyTheChangedKeysAndTheConfigSource() throws InterruptedException {
        OverridesFile file = store("edit.properties");
        file.update(Map.of("a", "1", "b", "2", "c", "3"), List.of());
        OverridesConfigSource source = new OverridesConfigSource(file.path(), 500);
        BlockingQueue<OverridesFile.Change> changes = new LinkedBlockingQueue<>();

        try (OverridesFile.Subscription ignored = file.addListener(changes::add)) {
            handEdit(file.path(), "# edited by hand\na = 1\nb=20\nd=4\n");

            OverridesFile.Change change = changes.poll(Eventually.DEADLINE.toSeconds(), TimeUnit.SECONDS);
            assertThat(change).as("change delivered").isNotNull();
            assertThat(change.changedKeys()).containsExactlyInAnyOrder("b", "c", "d");
            assertThat(change.before()).isEqualTo(Map.of("a", "1", "b", "2", "c", "3"));
            assertThat(change.after()).isEqualTo(Map.of("a", "1", "b", "20", "d", "4"));
            assertThat(source.getValue("b")).isEqualTo("20");
            assertThat(source.getValue("c")).isNull();
            assertThat(source.getPropertyNames()).containsExactlyInAnyOrder("a", "b", "d");
        }
    }

    @Test
    void withoutListenersReadsStillSeeHandEdits() {
        OverridesFile file = store("no-listener.properties");
        OverridesConfigSource source = new OverridesConfigSource(file.path(), 500);
        handEdit(file.path(), "k=v\n");
        await("edit seen by getValue", () -> "v".equals(source.getValue("k")));
        assertThat(pollerThreads()).isZero();
    }

    @Test
    void aCorruptHandEditKeepsTheLastGoodValuesUntilItIsFixed() {
        OverridesFile file = store("corrupt.properties");
        file.update(Map.of("a", "1"), List.of());

        handEdit(file.path(), "# operator\na=2\n\nfailureRatio 0.3\n");
        await("corruption seen", () -> !file.status().healthy());

        OverridesFile.Status status = file.status();
        assertThat(status.problem()).startsWith("line 4: no '=' in 'failureRatio 0.3'")
                .contains("keeping the configuration loaded at " + status.lastGoodLoad());
        assertThat(file.values()).isEqualTo(Map.of("a", "1"));

        handEdit(file.path(), "# operator\na=2\n\nfailureRatio=0.3\n");
        await("fix applied", () -> file.status().healthy());
        assertThat(file.values()).isEqualTo(Map.of("a", "2", "failureRatio", "0.3"));
        assertThat(file.status().problem()).isNull();
    }

    @Test
    void eachDistinctProblemIsLoggedOnce() {
        OverridesFile file = store("logged-once.properties");
        file.update(Map.of("a", "1"), List.of());
        List<String> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(OverridesFile.class.getName());
        logger.addHandler(capture);
        try {
            // setPollInterval makes the next read re-check the file at once: no waiting needed
            handEdit(file.path(), "a=1\nbroken\n");
            file.setPollInterval(Duration.ofMillis(50));
            assertThat(file.status().problem()).startsWith("line 2: no '=' in 'broken'");
            handEdit(file.path(), "a=1\nbroken\n# same problem, other text\n");
            file.setPollInterval(Duration.ofMillis(50));
            assertThat(file.status().problem()).startsWith("line 2: no '=' in 'broken'");
            handEdit(file.path(), "a=1\nb=2\nbroken too\n");
            file.setPollInterval(Duration.ofMillis(50));
            assertThat(file.status().problem()).startsWith("line 3: no '=' in 'broken too'");
            Files.delete(file.path());
            file.setPollInterval(Duration.ofMillis(50));
            assertThat(file.status().healthy()).isTrue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(warnings).hasSize(3);
        assertThat(warnings.get(0)).contains("line 2: no '=' in 'broken'");
        assertThat(warnings.get(1)).contains("line 3: no '=' in 'broken too'");
        assertThat(warnings.get(2)).contains("was deleted");
    }

    @Test
    void aCorruptFileAtStartMeansNoOverridesAndSaysSo() {
        Path path = dir.resolve("corrupt-at-start.properties");
        handEdit(path, "a=1\na=2\n");
        OverridesFile file = store("corrupt-at-start.properties");
        assertThat(file.values()).isEmpty();
        assertThat(file.status().problem()).contains("line 2: duplicate key 'a'").contains("no overrides are in force");
        assertThat(file.status().lastGoodLoad()).isNull();
    }

    @Test
    void anInvalidHandEditedValueKeepsThePreviousValueAndIsReported() {
        OverridesFile file = store("invalid-value.properties");
        file.setValidator(OverridesFileTest::ratioProblem);
        String ratio = OverridesFileTest.RATIO;
        file.update(Map.of(ratio, "0.5"), List.of());

        handEdit(file.path(), ratio + "=1.7\nx/Retry/maxRetries=3\nnew/CircuitBreaker/failureRatio=lots\n");
        await("valid part applied", () -> "3".equals(file.value("x/Retry/maxRetries")));

        assertThat(file.values()).isEqualTo(Map.of(ratio, "0.5", "x/Retry/maxRetries", "3"));
        OverridesFile.Status status = file.status();
        assertThat(status.healthy()).isFalse();
        assertThat(status.problem())
                .contains("key '" + ratio + "': value '1.7' refused: failureRatio must be between 0 and 1;"
                        + " keeping the previous value '0.5'")
                .contains("key 'new/CircuitBreaker/failureRatio': value 'lots' refused: failureRatio must be a number;"
                        + " leaving it unset");

        handEdit(file.path(), ratio + "=0.7\nx/Retry/maxRetries=3\n");
        await("valid value applied", () -> "0.7".equals(file.value(ratio)));
        assertThat(file.status().healthy()).isTrue();
    }

    @Test
    void aValidatorSetAfterTheFileWasReadDropsTheEntriesItRefuses() {
        String ratio = OverridesFileTest.RATIO;
        handEdit(dir.resolve("late-validator.properties"), ratio + "=2\nother=1\n");
        OverridesFile file = store("late-validator.properties");
        assertThat(file.values()).isEqualTo(Map.of(ratio, "2", "other", "1"));

        file.setValidator(OverridesFileTest::ratioProblem);

        assertThat(file.values()).isEqualTo(Map.of("other", "1"));
        assertThat(file.status().problem()).isEqualTo("key '" + ratio + "': value '2' refused: "
                + "failureRatio must be between 0 and 1; leaving it unset");
    }

    @Test
    @SuppressWarnings("try") // the subscription is held open for the body
    void theWatchThreadRunsOnlyWhileSomeoneIsSubscribed() {
        OverridesFile file = store("watch.properties");
        assertThat(pollerThreads()).isZero();

        OverridesFile.Subscription first = file.addListener(change -> { });
        OverridesFile.Subscription second = file.addListener(change -> { });
        assertThat(pollerThreads()).isEqualTo(1);
        assertThat(Thread.getAllStackTraces().keySet().stream()
                .filter(t -> OverridesPoller.THREAD_NAME.equals(t.getName()))
                .allMatch(Thread::isDaemon)).isTrue();

        first.close();
        first.close(); // closing twice does not count twice
        assertThat(pollerThreads()).isEqualTo(1);

        second.close();
        assertThat(pollerThreads()).isZero(); // close waits for the thread to end

        try (OverridesFile.Subscription again = file.addListener(change -> { })) {
            assertThat(pollerThreads()).isEqualTo(1);
        }
        assertThat(pollerThreads()).isZero();
    }

    @Test
    @SuppressWarnings("try") // the subscriptions are held open for the body
    void aFailingListenerIsLoggedAndBreaksNeitherTheStoreNorOtherListeners() throws InterruptedException {
        OverridesFile file = store("failing-listener.properties");
        BlockingQueue<Set<String>> seen = new LinkedBlockingQueue<>();
        try (OverridesFile.Subscription failing = file.addListener(change -> {
                throw new IllegalStateException("listener bug");
            });
             OverridesFile.Subscription working = file.addListener(change -> seen.add(change.changedKeys()))) {
            file.update(Map.of("a", "1"), List.of());
            handEdit(file.path(), "a=1\nb=2\n");
            assertThat(seen.poll(Eventually.DEADLINE.toSeconds(), TimeUnit.SECONDS)).containsExactly("a");
            assertThat(seen.poll(Eventually.DEADLINE.toSeconds(), TimeUnit.SECONDS)).containsExactly("b");
            assertThat(file.values()).isEqualTo(Map.of("a", "1", "b", "2"));
        }
    }
}
