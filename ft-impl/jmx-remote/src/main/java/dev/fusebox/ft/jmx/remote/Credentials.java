package dev.fusebox.ft.jmx.remote;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The users allowed to connect remotely, read from a credentials file, and the tool that writes
 * that file.
 *
 * <p>The file holds one user a line, {@code <user> <role> <password-hash>}: the role is
 * {@code operator} or {@code viewer} (see {@link Role}), the hash is
 * {@code pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>}; blank lines and lines starting
 * with {@code #} are ignored. {@link #load} refuses a file that is not private to the JVM's user
 * (a symbolic link, another owner, readable by group or others, a folder others may write: see
 * {@link PrivateFile}). Passwords are never stored: the methods
 * that add users generate random ones and hand them back once.
 *
 * <p>Command line, to add a user or give one a new password (prints the password):
 * {@code java -cp fusebox-ft-jmx-remote.jar dev.fusebox.ft.jmx.remote.Credentials <file> <user> <operator|viewer>}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Credentials {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_";
    private static final int PASSWORD_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    private static final String HEADER = "# Fusebox remote JMX users: <user> <operator|viewer> <password hash>.\n"
            + "# Keep this file readable by its owner only (chmod 600).\n";

    private final Path file;
    private final Map<String, Entry> users;
    /** Checked against when the user is unknown, so an unknown user costs as much as a known one. */
    private final PasswordHash decoy;

    /** One user's role and password hash. Immutable. */
    private record Entry(Role role, PasswordHash hash) {
    }

    private Credentials(Path file, Map<String, Entry> users, PasswordHash decoy) {
        this.file = file;
        this.users = users;
        this.decoy = decoy;
    }

    /**
     * Reads and checks a credentials file.
     *
     * @throws IllegalStateException when the file is missing, unreadable, not private to the JVM's
     *         user ({@link PrivateFile}), lists no users, or has a malformed line (the message gives
     *         its number)
     */
    public static Credentials load(Path file) {
        String where = "credentials file " + file + " (" + RemoteSettings.CREDENTIALS_FILE + ")";
        List<String> lines;
        try {
            PrivateFile.check(file, where);
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(where + " does not exist; create it with: java -cp <fusebox-ft-jmx-remote jar> "
                    + Credentials.class.getName() + " " + file + " <user> operator");
        } catch (IOException e) {
            throw new IllegalStateException(where + " cannot be read: " + e, e);
        }
        Map<String, Entry> users = parse(lines, where);
        if (users.isEmpty()) {
            throw new IllegalStateException(where + " lists no users");
        }
        int iterations = users.values().stream().mapToInt(e -> e.hash().iterations()).max().orElseThrow();
        PasswordHash decoy = PasswordHash.of(new char[] {'-'}, iterations);
        return new Credentials(file, Collections.unmodifiableMap(users), decoy);
    }

    /** The users listed, in file order. */
    public Set<String> users() {
        return users.keySet();
    }

    /** The role of {@code user}, if listed. */
    public Optional<Role> role(String user) {
        Entry entry = users.get(user);
        return entry == null ? Optional.empty() : Optional.of(entry.role());
    }

    /** The file these were read from. */
    public Path file() {
        return file;
    }

    /**
     * The role of {@code user} when {@code password} is theirs, else {@code null}. Does the same
     * work for an unknown user as for a wrong password.
     */
    Role check(String user, char[] password) {
        Entry entry = users.get(user);
        if (entry == null) {
            decoy.matches(password);
            return null;
        }
        return entry.hash().matches(password) ? entry.role() : null;
    }

    /**
     * Writes a new credentials file, owner-only on POSIX, with a random password for each user.
     *
     * @return each user's password in clear, to show once
     * @throws java.nio.file.FileAlreadyExistsException if {@code file} exists (use {@link #put} to
     *         change it)
     * @throws IllegalArgumentException if a user name is not 1-64 of {@code A-Z a-z 0-9 . _ @ -}
     */
    public static Map<String, String> create(Path file, Map<String, Role> users) throws IOException {
        return create(file, users, PasswordHash.DEFAULT_ITERATIONS);
    }

    static Map<String, String> create(Path file, Map<String, Role> users, int iterations) throws IOException {
        Map<String, String> passwords = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder(HEADER);
        users.forEach((user, role) -> {
            String password = newPassword();
            text.append(line(user, role, password, iterations));
            passwords.put(user, password);
        });
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        try (SeekableByteChannel out = Files.newByteChannel(file, options, ownerOnly(file))) {
            out.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
        }
        return Collections.unmodifiableMap(passwords);
    }

    /**
     * Adds {@code user} to {@code file}, or gives them a new password and {@code role}; creates the
     * file when missing. The file is replaced atomically and left owner-only on POSIX; other lines
     * and comments are kept.
     *
     * @return the new password in clear, to show once
     * @throws IllegalStateException if the existing file has a malformed line
     */
    public static String put(Path file, String user, Role role) throws IOException {
        return put(file, user, role, PasswordHash.DEFAULT_ITERATIONS);
    }

    static String put(Path file, String user, Role role, int iterations) throws IOException {
        String password = newPassword();
        String newLine = line(user, role, password, iterations);
        List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        parse(lines, "credentials file " + file);
        StringBuilder text = new StringBuilder(lines.isEmpty() ? HEADER : "");
        boolean replaced = false;
        for (String existing : lines) {
            String[] fields = existing.trim().split("\\s+");
            if (!replaced && !existing.trim().startsWith("#") && fields[0].equals(user)) {
                text.append(newLine);
                replaced = true;
            } else {
                text.append(existing).append('\n');
            }
        }
        if (!replaced) {
            text.append(newLine);
        }
        Path directory = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(directory, ".credentials", ".tmp", ownerOnly(directory));
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return password;
    }

    /**
     * {@code <file> <user> <operator|viewer>}: adds the user or replaces their password, and
     * prints the new password. Fails (exit status 1) with a message on wrong arguments.
     */
    public static void main(String[] args) throws IOException {
        String usage = "usage: java -cp <fusebox-ft-jmx-remote jar> " + Credentials.class.getName()
                + " <credentials file> <user> <operator|viewer>";
        if (args.length != 3) {
            throw new IllegalArgumentException(usage);
        }
        Role role = Role.fromWord(args[2]);
        if (role == null) {
            throw new IllegalArgumentException("unknown role '" + args[2] + "'; " + usage);
        }
        String password = put(Path.of(args[0]), args[1], role);
        System.out.println("user " + args[1] + " (" + role.word() + ") written to " + args[0]);
        System.out.println("password: " + password);
    }

    private static String line(String user, Role role, String password, int iterations) {
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user name '" + user + "' must be 1-64 of A-Z a-z 0-9 . _ @ -");
        }
        char[] chars = password.toCharArray();
        String hash = PasswordHash.of(chars, iterations).encode();
        Arrays.fill(chars, '\0');
        return user + " " + role.word() + " " + hash + "\n";
    }

    private static String newPassword() {
        StringBuilder password = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static Map<String, Entry> parse(List<String> lines, String where) {
        Map<String, Entry> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String text = lines.get(i).trim();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            String at = where + ", line " + (i + 1) + ": ";
            String[] fields = text.split("\\s+");
            if (fields.length != 3) {
                throw new IllegalStateException(at + "expected '<user> <operator|viewer> <password hash>', found "
                        + fields.length + " field(s)");
            }
            if (!USER.matcher(fields[0]).matches()) {
                throw new IllegalStateException(at + "user name must be 1-64 of A-Z a-z 0-9 . _ @ -");
            }
            Role role = Role.fromWord(fields[1]);
            if (role == null) {
                throw new IllegalStateException(at + "unknown role '" + fields[1] + "' (operator or viewer)");
            }
            PasswordHash hash;
            try {
                hash = PasswordHash.parse(fields[2]);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(at + e.getMessage());
            }
            if (users.putIfAbsent(fields[0], new Entry(role, hash)) != null) {
                throw new IllegalStateException(at + "user " + fields[0] + " is listed twice");
            }
        }
        return users;
    }

    private static FileAttribute<?>[] ownerOnly(Path anyPathOnTheFileSystem) {
        Path probe = anyPathOnTheFileSystem.toAbsolutePath();
        boolean posix = probe.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }
}
