package dev.fusebox.samples.demo;

import dev.fusebox.ft.jmx.remote.Credentials;
import dev.fusebox.ft.jmx.remote.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's home directory: the remote JMX users ({@value #CREDENTIALS}, created on first use with
 * an {@code operator} and a {@code viewer}) and the operator overrides file ({@value #OVERRIDES}),
 * where forced breaker states outlive a restart. Passwords are stored only as hashes, so they are
 * known in clear only on the run that creates them. Immutable.
 *
 * @param directory the home directory
 * @param newPasswords the users' passwords when this run created them, else empty
 */
public record DemoHome(Path directory, Map<String, String> newPasswords) {

    public static final String CREDENTIALS = "jmx-users";
    public static final String OVERRIDES = "overrides.properties";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";

    /**
     * Creates the directory and, when missing or {@code resetCredentials}, the credentials file.
     *
     * @throws UncheckedIOException naming the path that cannot be written
     */
    public static DemoHome prepare(Path directory, boolean resetCredentials) {
        Path credentials = directory.resolve(CREDENTIALS);
        try {
            Files.createDirectories(directory);
            if (resetCredentials) {
                Files.deleteIfExists(credentials);
            }
            if (Files.exists(credentials)) {
                return new DemoHome(directory, Map.of());
            }
            Map<String, Role> users = new LinkedHashMap<>();
            users.put(OPERATOR, Role.OPERATOR);
            users.put(VIEWER, Role.VIEWER);
            return new DemoHome(directory, Credentials.create(credentials, users));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the demo home " + directory + ": " + e.getMessage(), e);
        }
    }

    public Path credentialsFile() {
        return directory.resolve(CREDENTIALS);
    }

    public Path overridesFile() {
        return directory.resolve(OVERRIDES);
    }
}
