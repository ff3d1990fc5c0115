package dev.fusebox.console.operator;

import java.net.URI;
import java.net.URISyntaxException;
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
 * @param prometheus  the base address of a Prometheus server that scrapes the fleet's instances
 *                    ({@code http://prometheus:9090}), for the fleet table's rates; empty for none.
 *                    Checked by {@link #prometheusProblem} where it is typed and where it is used
 */
public record EnsembleProfile(String name, String address, String root, String user, String operatorIds,
                              String instanceIds, String viewerIds, String prometheus) {

    public static final String DEFAULT_ROOT = "/fusebox";
    /** The longest Prometheus address taken. */
    public static final int PROMETHEUS_MAX_LENGTH = 512;

    public EnsembleProfile {
        Objects.requireNonNull(name, "name");
        address = strip(address);
        root = root == null || root.isBlank() ? DEFAULT_ROOT : root.strip();
        user = strip(user);
        operatorIds = strip(operatorIds);
        instanceIds = strip(instanceIds);
        viewerIds = strip(viewerIds);
        prometheus = strip(prometheus);
    }

    /** Without a Prometheus server (the fleet table shows no rates). */
    public EnsembleProfile(String name, String address, String root, String user, String operatorIds,
                           String instanceIds, String viewerIds) {
        this(name, address, root, user, operatorIds, instanceIds, viewerIds, "");
    }

    /** A profile of an open fleet (no ACLs): a demo on loopback. */
    public EnsembleProfile(String name, String address, String root, String user) {
        this(name, address, root, user, "", "", "", "");
    }

    public EnsembleProfile withName(String newName) {
        return new EnsembleProfile(newName, address, root, user, operatorIds, instanceIds, viewerIds, prometheus);
    }

    /**
     * What is wrong with a Prometheus base address, one sentence; empty when it is fine (an empty
     * address is fine: no Prometheus). Taken: an absolute {@code http} or {@code https} URL with a
     * host, an optional port and path (a Prometheus behind a prefix), no query, no fragment, and no
     * user or password (profiles are saved in clear), at most {@value #PROMETHEUS_MAX_LENGTH} characters.
     */
    public static String prometheusProblem(String address) {
        String a = strip(address);
        if (a.isEmpty()) {
            return "";
        }
        if (a.length() > PROMETHEUS_MAX_LENGTH) {
            return "Prometheus: an address of at most " + PROMETHEUS_MAX_LENGTH + " characters (this one has "
                    + a.length() + ").";
        }
        if (!a.regionMatches(true, 0, "http://", 0, 7) && !a.regionMatches(true, 0, "https://", 0, 8)) {
            return "Prometheus: '" + a + "' is not an http:// or https:// URL (e.g. http://127.0.0.1:9090);"
                    + " or leave it empty.";
        }
        URI uri;
        try {
            uri = new URI(a);
        } catch (URISyntaxException e) {
            return "Prometheus: not a URL: " + e.getMessage() + ".";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "Prometheus: '" + a + "' names no host.";
        }
        if (uri.getRawUserInfo() != null) {
            return "Prometheus: no user or password in the address (the profile is saved in clear).";
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return "Prometheus: no '?' query or '#' fragment (the console adds /api/v1/query itself).";
        }
        return "";
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
