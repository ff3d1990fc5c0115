package dev.fusebox.console.connect;

import dev.fusebox.console.operator.EnsembleProfile;
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
 * Saved fleet (ZooKeeper ensemble) profiles in a small properties file beside the JMX profiles, by
 * default {@code ~/.fusebox/console-fleets.properties}. Passwords are never written: an
 * {@link EnsembleProfile} has none. Written to a temporary file and renamed into place. A file saved
 * before profiles had a Prometheus address loads with none.
 *
 * <p>Thread-safety: not thread-safe for concurrent saves (a save reads, changes and rewrites the file);
 * the console saves on its ensemble thread only. A load while a save runs sees the old or the new
 * file, never a half-written one (the rename is atomic).
 */
public final class EnsembleProfileStore {

    private static final String[] FIELDS = {"name", "address", "root", "user", "operators", "instances", "viewers",
            "prometheus"};

    private final Path file;

    public EnsembleProfileStore(Path file) {
        this.file = file;
    }

    /** The store beside the JMX profiles of {@code profiles}. */
    public static EnsembleProfileStore besides(ProfileStore profiles) {
        return new EnsembleProfileStore(profiles.file().toAbsolutePath().resolveSibling("console-fleets.properties"));
    }

    public Path file() {
        return file;
    }

    /** The saved profiles, in the order saved; none when the file does not exist. */
    public List<EnsembleProfile> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        List<EnsembleProfile> profiles = new ArrayList<>();
        for (int i = 0; p.containsKey(key(i, "name")); i++) {
            String[] v = new String[FIELDS.length];
            for (int f = 0; f < FIELDS.length; f++) {
                v[f] = p.getProperty(key(i, FIELDS[f]), "");
            }
            profiles.add(new EnsembleProfile(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]));
        }
        return profiles;
    }

    /** Adds {@code profile}, replacing a saved one of the same name. */
    public void save(EnsembleProfile profile) throws IOException {
        List<EnsembleProfile> profiles = new ArrayList<>(load());
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(profile);
        Properties p = new Properties();
        for (int i = 0; i < profiles.size(); i++) {
            EnsembleProfile c = profiles.get(i);
            String[] v = {c.name(), c.address(), c.root(), c.user(), c.operatorIds(), c.instanceIds(), c.viewerIds(),
                    c.prometheus()};
            for (int f = 0; f < FIELDS.length; f++) {
                p.setProperty(key(i, FIELDS[f]), v[f]);
            }
        }
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "fleets", ".tmp");
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, "Fusebox console fleet (ZooKeeper) profiles (no passwords)");
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String key(int index, String field) {
        return "fleet." + index + "." + field;
    }
}
