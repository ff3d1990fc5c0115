package dev.fusebox.console.operator;

import java.util.Objects;

/**
 * Where a fleet's ZooKeeper ensemble is, as whom to log in to it, and which ACLs the nodes this
 * console writes get. Holds no password: profiles are saved, passwords never are.
 *
 * <p>Thread-safety: an immutable record; safe on any thread.
 *
 * @param name        the profile's name in the console
 * @param address     the ensemble, {@code host:port[,host:port...]}
 * @param root        the fleet's root path, e.g. {@code /fusebox}
 * @param user        the digest login, or empty for anonymous (which a protected fleet lets read at most)
 * @param operatorIds the fleet's operator ids ({@code digest:ops:<hash>,...}), as its instances are
 *                    configured ({@code fusebox.fleet.acl.operators}); empty for an open fleet (demo)
 * @param instanceIds the instances' ids ({@code fusebox.fleet.acl.instances}), with operator ids
 * @param viewerIds   the viewers' ids ({@code fusebox.fleet.acl.viewers}), may be empty
 */
public record EnsembleProfile(String name, String address, String root, String user, String operatorIds,
                              String instanceIds, String viewerIds) {

    public static final String DEFAULT_ROOT = "/fusebox";

    public EnsembleProfile {
        Objects.requireNonNull(name, "name");
        address = strip(address);
        root = root == null || root.isBlank() ? DEFAULT_ROOT : root.strip();
        user = strip(user);
        operatorIds = strip(operatorIds);
        instanceIds = strip(instanceIds);
        viewerIds = strip(viewerIds);
    }

    /** A profile of an open fleet (no ACLs): a demo on loopback. */
    public EnsembleProfile(String name, String address, String root, String user) {
        this(name, address, root, user, "", "", "");
    }

    public EnsembleProfile withName(String newName) {
        return new EnsembleProfile(newName, address, root, user, operatorIds, instanceIds, viewerIds);
    }

    /** Whether the nodes this console writes get role ACLs (else they are open to every client). */
    public boolean protectedFleet() {
        return !operatorIds.isEmpty();
    }

    /** {@code user@address/root}, or {@code address/root} when anonymous. */
    public String describe() {
        return (user.isEmpty() ? "" : user + "@") + address + root;
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }
}
