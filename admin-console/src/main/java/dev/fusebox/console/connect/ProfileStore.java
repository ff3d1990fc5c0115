package dev.fusebox.console.connect;

import dev.fusebox.console.feed.Permission;
import dev.fusebox.console.operator.ConnectionProfile;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Saved connection profiles in a small properties file, by default
 * {@code ~/.fusebox/console-profiles.properties} (the system property
 * {@code fusebox.console.profiles} names another file). Passwords are never written: a
 * {@link ConnectionProfile} has none. Written to a temporary file and renamed into place.
 *
 * <p>Thread-safety: not thread-safe for concurrent saves (a save reads, changes and rewrites the file);
 * the console saves on its one background thread only. A load while a save runs sees the old or the
 * new file, never a half-written one (the rename is atomic).
 */
public final class ProfileStore {

    private final Path file;

    public ProfileStore(Path file) {
        this.file = file;
    }

    /** The store at {@code fusebox.console.profiles}, or under the user's home. */
    public static ProfileStore standard() {
        String configured = System.getProperty("fusebox.console.profiles");
        Path path = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".fusebox", "console-profiles.properties");
        return new ProfileStore(path);
    }

    public Path file() {
        return file;
    }

    /** The saved profiles, in the order saved; none when the file does not exist. */
    public List<ConnectionProfile> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        List<ConnectionProfile> profiles = new ArrayList<>();
        for (int i = 0; p.containsKey(key(i, "name")); i++) {
            profiles.add(new ConnectionProfile(p.getProperty(key(i, "name")), p.getProperty(key(i, "host"), ""),
                    Integer.parseInt(p.getProperty(key(i, "port"), "0")), p.getProperty(key(i, "user"), ""),
                    Boolean.parseBoolean(p.getProperty(key(i, "tls"), "false")),
                    Permission.Role.valueOf(p.getProperty(key(i, "role"), "UNKNOWN")),
                    p.getProperty(key(i, "serviceUrl"), "")));
        }
        return profiles;
    }

    /** Adds {@code profile}, replacing a saved one of the same name. */
    public void save(ConnectionProfile profile) throws IOException {
        List<ConnectionProfile> profiles = new ArrayList<>(load());
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(profile);
        write(profiles);
    }

    private void write(List<ConnectionProfile> profiles) throws IOException {
        Properties p = new Properties();
        for (int i = 0; i < profiles.size(); i++) {
            ConnectionProfile c = profiles.get(i);
            p.setProperty(key(i, "name"), c.name());
            p.setProperty(key(i, "host"), c.host());
            p.setProperty(key(i, "port"), Integer.toString(c.port()));
            p.setProperty(key(i, "user"), c.user());
            p.setProperty(key(i, "tls"), Boolean.toString(c.tls()));
            p.setProperty(key(i, "role"), c.declaredRole().name());
            p.setProperty(key(i, "serviceUrl"), c.serviceUrl());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "profiles", ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, "Fusebox console connection profiles (no passwords)");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String key(int index, String field) {
        return "profile." + index + "." + field;
    }
}
