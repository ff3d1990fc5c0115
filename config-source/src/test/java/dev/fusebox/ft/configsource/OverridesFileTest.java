package dev.fusebox.ft.configsource;

import static dev.fusebox.ft.configsource.Eventually.await;
import static dev.fusebox.ft.configsource.Eventually.handEdit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverridesFileTest {

    static final String RATIO = "com.example.Payments/charge/CircuitBreaker/failureRatio";

    @TempDir
    Path dir;

    static String ratioProblem(String key, String value) {
        if (!key.endsWith("/failureRatio")) {
            return null;
        }
        try {
            double ratio = Double.parseDouble(value);
            return ratio >= 0 && ratio <= 1 ? null : "failureRatio must be between 0 and 1";
        } catch (NumberFormatException e) {
            return "failureRatio must be a number";
        }
    }

    private OverridesFile store(String name) {
        OverridesFile file = OverridesFile.open(dir.resolve(name));
        file.setPollInterval(Duration.ofMillis(50));
        return file;
    }

    @Test
    void oneSharedInstancePerAbsoluteNormalisedPath() {
        OverridesFile a = OverridesFile.open(dir.resolve("x/../shared.properties"));
        OverridesFile b = OverridesFile.open(dir.resolve("./shared.properties"));
        assertThat(a).isSameAs(b);
        assertThat(a.path()).isEqualTo(dir.resolve("shared.properties").toAbsolutePath().normalize());
    }

    @Test
    void missingFileIsHealthyAndEmptyAndTheFirstUpdateCreatesItAndItsDirectories() throws IOException {
        OverridesFile file = store("not/yet/there.properties");
        assertThat(file.values()).isEmpty();
        assertThat(file.status().healthy()).isTrue();
        assertThat(Files.exists(file.path())).isFalse();

        file.update(Map.of(RATIO, "0.3", "b", "x=y"), List.of());

        assertThat(file.values()).isEqualTo(Map.of(RATIO, "0.3", "b", "x=y"));
        assertThat(Files.readString(file.path())).startsWith("# Fusebox")
                .endsWith("b=x=y\n" + RATIO + "=0.3\n");
        try (var leftovers = Files.list(file.path().getParent())) {
            assertThat(leftovers).containsExactly(file.path()); // no temporary file left behind
        }
    }

    @Test
    void updateMergesSetsAndRemoves() {
        OverridesFile file = store("merge.properties");
        file.update(Map.of("a", "1", "b", "2", "c", "3"), List.of());
        file.update(Map.of("b", "20"), List.of("c", "never-there"));
        assertThat(file.values()).isEqualTo(Map.of("a", "1", "b", "20"));
        assertThat(file.value("b")).isEqualTo("20");
        assertThat(file.value("c")).isNull();
    }

    @Test
    void refusedUpdateNamesKeyValueAndReasonAndChangesNothing() throws IOException {
        OverridesFile file = store("refused.properties");
        file.setValidator(OverridesFileTest::ratioProblem);
        file.update(Map.of(RATIO, "0.3"), List.of());
        byte[] before = Files.readAllBytes(file.path());

        assertThatThrownBy(() -> file.update(Map.of("other", "1", RATIO, "1.5"), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RATIO).hasMessageContaining("1.5")
                .hasMessageContaining("failureRatio must be between 0 and 1");
        assertThatThrownBy(() -> file.update(Map.of("k", "two\nlines"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'k'").hasMessageContaining("line breaks");

        assertThat(file.values()).isEqualTo(Map.of(RATIO, "0.3"));
        assertThat(Files.readAllBytes(file.path())).isEqualTo(before);
    }

    @Test
    void writeFailureThrowsWithThePathAndKeepsTheSnapshot() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        OverridesFile file = store("plain-file/overrides.properties");
        assertThatThrownBy(() -> file.update(Map.of("a", "1"), List.of()))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(notADirectory.resolve("overrides.properties").toString());
        assertThat(file.values()).isEmpty();
    }

    @Test
    void deletedFileMeansNoOverrides() throws IOException {
        OverridesFile file = store("deleted.properties");
        file.update(Map.of("a", "1"), List.of());
        Files.delete(file.path());
        await("deletion seen", () -> file.values().isEmpty());
        assertThat(file.status().healthy()).isTrue();
    }

    @Test
    void fileIsOwnerOnlyOnPosix() throws IOException {
        Path path = dir.resolve("secret.properties");
        assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX file system");
        Files.writeString(path, "a=1\n");
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r--r--"));
        OverridesFile file = store("secret.properties");

        file.update(Map.of("b", "2"), List.of());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        assertThat(file.values()).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    void updateMergesAHandEditNotYetPickedUp() {
        OverridesFile file = store("unseen-edit.properties");
        file.setPollInterval(Duration.ofHours(1)); // the edit is not polled before the update
        file.update(Map.of("a", "1"), List.of());
        handEdit(file.path(), "a=1\nhand=yes\n");

        file.update(Map.of("b", "2"), List.of());

        assertThat(file.values()).isEqualTo(Map.of("a", "1", "hand", "yes", "b", "2"));
    }

    /**
     * An operator saves a hand edit after the update read the file and before it replaced it (the
     * validator, which the update calls between its read and its write, stands in for that moment).
     */
    @Test
    void aHandEditBetweenTheUpdatesReadAndItsWriteIsNotLost() {
        OverridesFile file = store("edit-during-update.properties");
        file.update(Map.of("a", "1"), List.of());
        handEdit(file.path(), "a=1\ntrigger=1\n");
        java.util.concurrent.atomic.AtomicBoolean edited = new java.util.concurrent.atomic.AtomicBoolean();
        file.setValidator((key, value) -> {
            if (key.equals("trigger") && edited.compareAndSet(false, true)) {
                handEdit(file.path(), "a=1\ntrigger=1\nhand=saved meanwhile\n");
            }
            return null;
        });

        file.update(Map.of("b", "2"), List.of());

        assertThat(edited).isTrue();
        assertThat(file.values()).isEqualTo(Map.of("a", "1", "trigger", "1", "hand", "saved meanwhile", "b", "2"));
        assertThat(file.value("hand")).isEqualTo("saved meanwhile");
    }

    @Test
    void anUpdateThroughASymlinkKeepsTheLinkAndUpdatesItsTarget() throws IOException {
        Path real = Files.createDirectories(dir.resolve("shared/config")).resolve("overrides.properties");
        Files.writeString(real, "a=1\n");
        Path link = Files.createSymbolicLink(dir.resolve("overrides.properties"), Path.of("shared/config/overrides.properties"));
        OverridesFile file = store("overrides.properties");

        file.update(Map.of("b", "2"), List.of());

        assertThat(Files.isSymbolicLink(link)).as("still a link").isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("shared/config/overrides.properties"));
        assertThat(Files.readString(real)).endsWith("a=1\nb=2\n");
        assertThat(file.values()).isEqualTo(Map.of("a", "1", "b", "2"));
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).containsExactlyInAnyOrder(link, dir.resolve("shared"));
        }
    }

    @Test
    void updateOverACorruptFileKeepsTheOperatorsTextBesideIt() throws IOException {
        OverridesFile file = store("corrupt-then-update.properties");
        file.update(Map.of("a", "1"), List.of());
        handEdit(file.path(), "a=1\nhalf typed\n");
        await("corruption seen", () -> !file.status().healthy());

        file.update(Map.of("b", "2"), List.of());

        assertThat(file.values()).isEqualTo(Map.of("a", "1", "b", "2"));
        assertThat(file.status().healthy()).isTrue();
        assertThat(Files.readString(file.path().resolveSibling("corrupt-then-update.properties.corrupt")))
                .isEqualTo("a=1\nhalf typed\n");
    }

    @Test
    void statusOfAHealthyFile() {
        OverridesFile file = store("status.properties");
        file.update(Map.of("a", "1"), List.of());
        OverridesFile.Status status = file.status();
        assertThat(status.healthy()).isTrue();
        assertThat(status.problem()).isNull();
        assertThat(status.lastGoodLoad()).isNotNull();
        assertThat(status.path()).isEqualTo(file.path());
    }
}
