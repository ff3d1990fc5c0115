package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.fleet.FleetLayout;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;

/**
 * The ZooKeeper ACL of every fleet node, by what the node is, for three roles given as ZooKeeper
 * ids ({@code digest:<user>:<hash>}, {@code sasl:<principal>}, {@code world:anyone}, ...):
 * <ul>
 * <li><b>operators</b> may do everything: write forcings, resets, overrides and audit entries;</li>
 * <li><b>instances</b> read everything, and create, change and delete only their own membership
 * nodes and their acknowledgements of actions (and the parents of their membership nodes);</li>
 * <li><b>viewers</b> read everything and write nothing.</li>
 * </ul>
 * ZooKeeper does not inherit ACLs: Curator asks this provider for the ACL of each node it creates,
 * whoever creates it, so a parent an instance happens to create first gets the same ACL as one an
 * operator creates. {@link #open()} protects nothing (every id may do everything), for a demo on
 * loopback; {@link #protectedNodes()} says which it is.
 * Thread-safety: immutable.
 */
public final class FleetAcl implements ACLProvider {

    private final List<Id> operators;
    private final List<Id> instances;
    private final List<Id> viewers;
    private final FleetLayout layout;

    private FleetAcl(FleetLayout layout, List<Id> operators, List<Id> instances, List<Id> viewers) {
        this.layout = layout;
        this.operators = List.copyOf(operators);
        this.instances = List.copyOf(instances);
        this.viewers = List.copyOf(viewers);
    }

    /** Every node open to every client: only for a store no one else can reach. */
    public static FleetAcl open(FleetLayout layout) {
        return new FleetAcl(layout, List.of(), List.of(), List.of());
    }

    /**
     * The ACLs of three roles, each a comma-separated list of ZooKeeper ids
     * ({@code scheme:id}); operators and instances must not be empty, viewers may be.
     */
    public static FleetAcl of(FleetLayout layout, String operators, String instances, String viewers) {
        List<Id> ops = ids(operators, "operators");
        List<Id> inst = ids(instances, "instances");
        if (ops.isEmpty() || inst.isEmpty()) {
            throw new IllegalArgumentException("a protected fleet needs at least one operator id and one instance id"
                    + " (e.g. digest:ops:<hash>, see FleetAcl.digestId)");
        }
        return new FleetAcl(layout, ops, inst, ids(viewers, "viewers"));
    }

    /** The id {@code digest:<user>:<hash>} of a user and password, as ZooKeeper's digest scheme checks it. */
    public static String digestId(String user, String password) {
        try {
            return "digest:" + DigestAuthenticationProvider.generateDigest(user + ":" + password);
        } catch (NoSuchAlgorithmException noSha1) {
            throw new IllegalStateException("this JVM has no SHA-1 for ZooKeeper's digest scheme", noSha1);
        }
    }

    /** Whether nodes get role ACLs (false: open to every client). */
    public boolean protectedNodes() {
        return !operators.isEmpty();
    }

    @Override
    public List<ACL> getDefaultAcl() {
        return parentAcl();
    }

    @Override
    public List<ACL> getAclForPath(String path) {
        if (!protectedNodes()) {
            return new ArrayList<>(Ids.OPEN_ACL_UNSAFE);
        }
        String root = layout.root() + "/";
        if (!path.startsWith(root)) {
            return parentAcl();
        }
        // parts[0] apps|audit|acks, parts[1] the application, then what the layout puts below it
        String[] parts = path.substring(root.length()).split("/");
        if (parts.length < 2) {
            return parentAcl();
        }
        switch (parts[0]) {
            case "apps":
                if (parts.length >= 3 && parts[2].equals("instances")) {
                    // the parent: instances add and remove their own members; a member: its instance only
                    return parts.length == 3 ? acl(Perms.READ | Perms.CREATE | Perms.DELETE, Perms.READ)
                            : acl(Perms.ALL, Perms.READ);
                }
                // an application may be created by its first instance; below it, operators' nodes
                return parts.length == 2 ? parentAcl() : acl(Perms.READ, Perms.READ);
            case "acks":
                // acks/<app>/<action>: operators create it with the action; instances add their answer
                if (parts.length == 3) {
                    return acl(Perms.READ | Perms.CREATE, Perms.READ);
                }
                return parts.length > 3 ? acl(Perms.ALL, Perms.READ) : acl(Perms.READ, Perms.READ);
            default:
                return acl(Perms.READ, Perms.READ);
        }
    }

    /** Root, {@code apps}, an application: instances may create the parents they need. */
    private List<ACL> parentAcl() {
        return protectedNodes() ? acl(Perms.READ | Perms.CREATE, Perms.READ) : new ArrayList<>(Ids.OPEN_ACL_UNSAFE);
    }

    /** Operators ALL, instances {@code instancePerms}, viewers {@code viewerPerms}. A mutable list: ZooKeeper's client needs one. */
    private List<ACL> acl(int instancePerms, int viewerPerms) {
        List<ACL> acl = new ArrayList<>();
        operators.forEach(id -> acl.add(new ACL(Perms.ALL, id)));
        instances.forEach(id -> acl.add(new ACL(instancePerms, id)));
        viewers.forEach(id -> acl.add(new ACL(viewerPerms, id)));
        return acl;
    }

    private static List<Id> ids(String text, String role) {
        List<Id> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        if (text.length() > 10_000) {
            throw new IllegalArgumentException("the fleet's " + role + " ids are " + text.length()
                    + " characters; at most 10000 are taken");
        }
        for (String one : text.split(",")) {
            String id = one.trim();
            int colon = id.indexOf(':');
            if (colon <= 0 || colon == id.length() - 1) {
                throw new IllegalArgumentException("the fleet's " + role + " id '" + id
                        + "' is not <scheme>:<id>, e.g. digest:ops:uso0QWExvI3ZJeZBDeRsnPlaA/k= or world:anyone");
            }
            ids.add(new Id(id.substring(0, colon), id.substring(colon + 1)));
        }
        return ids;
    }

    @Override
    public String toString() {
        return protectedNodes() ? "fleet ACLs: operators " + operators.size() + " ids, instances " + instances.size()
                + ", viewers " + (viewers.isEmpty() ? "none" : viewers.size()) : "no fleet ACLs (open to every client)";
    }
}
