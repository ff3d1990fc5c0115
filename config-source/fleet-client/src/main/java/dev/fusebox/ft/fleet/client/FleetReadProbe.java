package dev.fusebox.ft.fleet.client;

import org.apache.zookeeper.KeeperException;

/**
 * Finds out whether a login may read the fleet: it lists {@code <root>/apps}, which every role
 * may read. ZooKeeper's digest scheme accepts a wrong password at login, and a cache that may not
 * read simply stays empty (Curator logs the error), so without this a wrong password would look
 * like a fleet with no application.
 * Thread-safety: stateless.
 */
final class FleetReadProbe {

    private FleetReadProbe() {
    }

    /**
     * Why the login may not read the fleet, or null when it may (or the tree does not exist yet).
     *
     * @throws Exception when the ensemble does not answer
     */
    static String problem(FleetConnection connection) throws Exception {
        String apps = connection.layout().applications();
        try {
            connection.curator().getChildren().forPath(apps);
            return null;
        } catch (KeeperException.NoNodeException noFleetYet) {
            return null;
        } catch (KeeperException.NoAuthException | KeeperException.AuthFailedException refused) {
            FleetAccess access = connection.access();
            String who = access.user() == null ? "an anonymous client" : "the login '" + access.user() + "'";
            return who + " may not read the fleet at " + access.connectString() + access.layout().root()
                    + ": ZooKeeper answered NoAuth for " + apps + " (a wrong password, or a login the fleet's ACLs"
                    + " do not name)";
        }
    }
}
