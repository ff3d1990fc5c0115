package dev.fusebox.console.operator;

import java.util.Objects;

/**
 * Where a fleet's ZooKeeper ensemble is and as whom to log in to it. Holds no password: profiles
 * are saved, passwords never are.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param name    the profile's name in the console
 * @param address the ensemble, {@code host:port[,host:port...]}
 * @param root    the fleet's root path, e.g. {@code /fusebox}
 * @param user    the digest login, or empty for anonymous (which a protected fleet lets read at most)
 */
public record EnsembleProfile(String name, String address, String root, String user) {

    public static final String DEFAULT_ROOT = "/fusebox";

    public EnsembleProfile {
        Objects.requireNonNull(name, "name");
        address = address == null ? "" : address.strip();
        root = root == null || root.isBlank() ? DEFAULT_ROOT : root.strip();
        user = user == null ? "" : user.strip();
    }

    /** {@code user@address/root}, or {@code address/root} when anonymous. */
    public String describe() {
        return (user.isEmpty() ? "" : user + "@") + address + root;
    }
}
