package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    /** Few iterations keep the tests fast; the format records the count per user. */
    static final int FAST = 1_000;

    @TempDir
    Path dir;

    static boolean posix(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void createWritesAnOwnerOnlyFileThatLoadsBackWithTheReturnedPasswords() throws IOException {
        Path file = dir.resolve("users");
        Map<String, Role> roles = new LinkedHashMap<>();
        roles.put("olga", Role.OPERATOR);
        roles.put("vik", Role.VIEWER);

        Map<String, String> passwords = Credentials.create(file, roles, FAST);

        assertThat(passwords).containsOnlyKeys("olga", "vik");
        assertThat(passwords.get("olga")).hasSizeGreaterThanOrEqualTo(20).isNotEqualTo(passwords.get("vik"));
        String text = Files.readString(file);
        assertThat(text).doesNotContain(passwords.get("olga")).doesNotContain(passwords.get("vik"))
                .contains("olga operator pbkdf2-sha256:1000:");
        if (posix(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        Credentials credentials = Credentials.load(file);
        assertThat(credentials.users()).containsExactly("olga", "vik");
        assertThat(credentials.role("vik")).contains(Role.VIEWER);
        assertThat(credentials.check("olga", passwords.get("olga").toCharArray())).isEqualTo(Role.OPERATOR);
        assertThat(credentials.check("vik", passwords.get("vik").toCharArray())).isEqualTo(Role.VIEWER);
        assertThat(credentials.check("olga", passwords.get("vik").toCharArray())).isNull();
        assertThat(credentials.check("nobody", passwords.get("vik").toCharArray())).isNull();
    }

    @Test
    void createRefusesToOverwriteAnExistingFile() throws IOException {
        Path file = dir.resolve("users");
        Credentials.create(file, Map.of("olga", Role.OPERATOR), FAST);
        assertThatThrownBy(() -> Credentials.create(file, Map.of("vik", Role.VIEWER), FAST))
                .isInstanceOf(FileAlreadyExistsException.class);
    }

    @Test
    void putReplacesOneUserAndKeepsTheOthersAndTheComments() throws IOException {
        Path file = dir.resolve("users");
        Map<String, String> first = Credentials.create(file, Map.of("olga", Role.OPERATOR), FAST);
        String vik = Credentials.put(file, "vik", Role.VIEWER, FAST);
        String olga = Credentials.put(file, "olga", Role.VIEWER, FAST);

        Credentials credentials = Credentials.load(file);
        assertThat(credentials.users()).containsExactly("olga", "vik");
        assertThat(credentials.check("olga", first.get("olga").toCharArray())).isNull();
        assertThat(credentials.check("olga", olga.toCharArray())).isEqualTo(Role.VIEWER);
        assertThat(credentials.check("vik", vik.toCharArray())).isEqualTo(Role.VIEWER);
        assertThat(Files.readString(file)).startsWith("# Fusebox remote JMX users");
        if (posix(dir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void rejectsUserNamesThatCannotBeWrittenOnOneLine() {
        assertThatThrownBy(() -> Credentials.create(dir.resolve("users"), Map.of("olga smith", Role.OPERATOR), FAST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'olga smith'");
    }

    @Test
    void mainAddsAUserAndPrintsThePassword() throws IOException {
        Path file = dir.resolve("users");
        PrintStream original = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Credentials.main(new String[] {file.toString(), "olga", "operator"});
        } finally {
            System.setOut(original);
        }
        String password = printed.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.startsWith("password: ")).findFirst().orElseThrow().substring(10);
        assertThat(Credentials.load(file).check("olga", password.toCharArray())).isEqualTo(Role.OPERATOR);
        assertThatThrownBy(() -> Credentials.main(new String[] {file.toString(), "olga", "admin"}))
                .hasMessageContaining("unknown role 'admin'").hasMessageContaining("usage:");
    }

    @Test
    void refusesAMissingFile() {
        Path file = dir.resolve("absent");
        assertThatThrownBy(() -> Credentials.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("does not exist")
                .hasMessageContaining(RemoteSettings.CREDENTIALS_FILE);
    }

    @Test
    void refusesAFileWithoutUsers() throws IOException {
        Path file = ownerOnly("# nobody yet\n\n");
        assertThatThrownBy(() -> Credentials.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lists no users");
    }

    @Test
    void refusesMalformedLinesGivingTheirNumber() throws IOException {
        String good = "olga operator " + PasswordHash.of("x".toCharArray(), FAST).encode() + "\n";
        assertMalformed("# users\n" + good + "vik viewer\n", "line 3: expected '<user> <operator|viewer>");
        assertMalformed(good + "vik admin " + PasswordHash.of("y".toCharArray(), FAST).encode(),
                "line 2: unknown role 'admin'");
        assertMalformed(good + "vik viewer md5:abc", "line 2: the password hash must read pbkdf2-sha256:");
        assertMalformed(good + "vik viewer pbkdf2-sha256:many:AAAA:AAAA", "line 2: the iteration count");
        assertMalformed(good + "vik viewer pbkdf2-sha256:10:***:AAAA", "line 2: the salt of the password hash");
        assertMalformed(good + good, "line 2: user olga is listed twice");
    }

    @Test
    void refusesAFileReadableByOthersAndSaysHowToFixIt() throws IOException {
        assumeTrue(posix(dir), "POSIX permissions only");
        Path file = dir.resolve("users");
        Credentials.create(file, Map.of("olga", Role.OPERATOR), FAST);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> Credentials.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("accessible by group or others (rw-r--r--)")
                .hasMessageContaining("chmod 600 " + file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw----r--"));
        assertThatThrownBy(() -> Credentials.load(file)).hasMessageContaining("chmod 600");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--------"));
        assertThat(Credentials.load(file).users()).containsExactly("olga");
    }

    private void assertMalformed(String text, String expected) throws IOException {
        Path file = ownerOnly(text);
        assertThatThrownBy(() -> Credentials.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(expected);
    }

    private Path ownerOnly(String text) throws IOException {
        Path file = Files.createTempFile(dir, "users", "");
        Files.writeString(file, text);
        if (posix(dir)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
        return file;
    }
}
