package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, item 10: a credentials file is read only when it is private to the JVM's user: not a
 * symbolic link, owned by that user, in a folder nobody else may write. Each refusal says why.
 * The ownership cases need a user who may give files away, so they run as root only (CI does).
 */
class CredentialsFileTest {

    static final long NOBODY = 65_534;

    @TempDir
    Path dir;
    Path folder;
    Path file;

    @BeforeEach
    void write() throws IOException {
        assumeTrue(CredentialsTest.posix(dir), "POSIX file systems only");
        folder = Files.createDirectory(dir.resolve("secrets"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwx------")));
        file = folder.resolve("jmx-users");
        Credentials.create(file, Map.of("olga", Role.OPERATOR), CredentialsTest.FAST);
        assertThat(Credentials.load(file).users()).containsExactly("olga");
    }

    static boolean root() {
        return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
    }

    @Test
    void aSymbolicLinkIsRefusedEvenToAGoodFile() throws IOException {
        Path link = Files.createSymbolicLink(folder.resolve("link-to-users"), file);
        assertThatThrownBy(() -> Credentials.load(link)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is a symbolic link (to " + file + ")")
                .hasMessageContaining("whoever can change the link chooses the file");
    }

    @Test
    void aFolderThatGroupOrOthersMayWriteIsRefused() throws IOException {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwx---"));
        assertThatThrownBy(() -> Credentials.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in the folder " + folder.toRealPath() + ", which group or others may write (rwxrwx---)")
                .hasMessageContaining("chmod go-w " + folder.toRealPath());
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertThatThrownBy(() -> Credentials.load(file)).hasMessageContaining("group or others may write");
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Credentials.load(file).users()).as("readable by others is fine for a folder").containsExactly("olga");
    }

    @Test
    void aFileOfAnotherUserIsRefused() throws IOException {
        assumeTrue(root(), "only root can give a file away");
        Files.setAttribute(file, "unix:uid", (int) NOBODY, LinkOption.NOFOLLOW_LINKS);
        assertThatThrownBy(() -> Credentials.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(uid " + NOBODY + "), not to the user this JVM runs as")
                .hasMessageContaining("chown it to the JVM's user");
    }

    @Test
    void aFolderOfAnotherUserIsRefused() throws IOException {
        assumeTrue(root(), "only root can give a folder away");
        Files.setAttribute(folder, "unix:uid", (int) NOBODY, LinkOption.NOFOLLOW_LINKS);
        assertThatThrownBy(() -> Credentials.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("which belongs to")
                .hasMessageContaining("(uid " + NOBODY + "), neither the JVM's user nor root");
    }
}
