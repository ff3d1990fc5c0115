package dev.fusebox.ft.management.fleet;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a fleet keeps what in ZooKeeper, under one root (default {@value #DEFAULT_ROOT}):
 * <pre>
 * &lt;root&gt;/apps/&lt;app&gt;/overrides                 fleet-wide parameter overrides (overrides-file keys, one node)
 * &lt;root&gt;/apps/&lt;app&gt;/forced/&lt;target&gt;          one {@link FleetForcing} per forced breaker or group
 * &lt;root&gt;/apps/&lt;app&gt;/resets/&lt;target&gt;          the last {@link FleetReset} of a breaker or group
 * &lt;root&gt;/apps/&lt;app&gt;/released/&lt;target&gt;        the last {@link FleetRelease} of a breaker or group
 * &lt;root&gt;/apps/&lt;app&gt;/instances/&lt;instance&gt;     ephemeral {@link FleetMember}: who, where, breaker states
 * &lt;root&gt;/audit/&lt;app&gt;/entry-&lt;sequence&gt;       persistent sequential {@link FleetAuditEntry}, in order
 * &lt;root&gt;/acks/&lt;app&gt;/&lt;action id&gt;/&lt;instance&gt;  one {@link FleetAck} per instance that handled the action
 * </pre>
 * A viewer watches {@code <root>/apps} (live state: small, one node per instance); an instance
 * watches only its application's {@code overrides}, {@code forced} and {@code resets}; the audit
 * and the acknowledgements, which grow with every action, sit outside both watched trees and are
 * read on demand. A target is a breaker name ({@code <bean class>#<method>}) or
 * {@code group:<name>}. Node names are the raw names URL-encoded in UTF-8 ({@link #node}), so any
 * breaker name is one node. The application is the name Fusebox's JMX management registers under.
 * Thread-safety: immutable.
 *
 * @param root the root path: absolute, no trailing slash
 */
public record FleetLayout(String root) {

    public static final String DEFAULT_ROOT = "/fusebox";
    /** The prefix of audit entries' names; ZooKeeper appends a ten-digit sequence. */
    public static final String AUDIT_ENTRY = "entry-";
    /** The prefix of a target that names a group of breakers. */
    public static final String GROUP = "group:";
    /** The longest application name, instance id or target. */
    public static final int MAX_NAME = 512;

    public FleetLayout {
        if (root == null || !root.startsWith("/") || root.endsWith("/") || root.contains("//")
                || root.length() > MAX_NAME) {
            throw new IllegalArgumentException("the fleet root must be an absolute ZooKeeper path without a"
                    + " trailing '/', such as " + DEFAULT_ROOT + ", but is '" + root + "'");
        }
    }

    /** The layout under {@value #DEFAULT_ROOT}. */
    public static FleetLayout standard() {
        return new FleetLayout(DEFAULT_ROOT);
    }

    /** The parent of every application's nodes. */
    public String applications() {
        return root + "/apps";
    }

    public String application(String application) {
        return applications() + "/" + node(application);
    }

    public String overrides(String application) {
        return application(application) + "/overrides";
    }

    public String forced(String application) {
        return application(application) + "/forced";
    }

    public String forced(String application, String target) {
        return forced(application) + "/" + node(target);
    }

    public String resets(String application) {
        return application(application) + "/resets";
    }

    public String resets(String application, String target) {
        return resets(application) + "/" + node(target);
    }

    public String released(String application) {
        return application(application) + "/released";
    }

    public String released(String application, String target) {
        return released(application) + "/" + node(target);
    }

    public String instances(String application) {
        return application(application) + "/instances";
    }

    public String instance(String application, String instanceId) {
        return instances(application) + "/" + node(instanceId);
    }

    /** The parent of an application's audit entries. */
    public String audit(String application) {
        return root + "/audit/" + node(application);
    }

    /** The path to create (persistent sequential) for a new audit entry. */
    public String auditEntryPrefix(String application) {
        return audit(application) + "/" + AUDIT_ENTRY;
    }

    /** The parent of the acknowledgements of one action: created with the action, in its transaction. */
    public String acks(String application, String actionId) {
        return root + "/acks/" + node(application) + "/" + node(actionId);
    }

    public String ack(String application, String actionId, String instanceId) {
        return acks(application, actionId) + "/" + node(instanceId);
    }

    /** The node name of a raw name (application, target, instance id). */
    public static String node(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_NAME) {
            throw new IllegalArgumentException("a fleet name must have 1 to " + MAX_NAME + " characters, but is '"
                    + (raw == null ? "null" : FleetText.excerpt(raw)) + "'");
        }
        FleetText.noControl(raw, "the fleet name '" + FleetText.excerpt(raw) + "'");
        String encoded = URLEncoder.encode(raw, StandardCharsets.UTF_8);
        if (encoded.equals(".") || encoded.equals("..")) {
            return encoded.replace(".", "%2E");
        }
        return encoded;
    }

    /** The raw name of a node name written by {@link #node}. */
    public static String raw(String node) {
        try {
            return URLDecoder.decode(node, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            throw new IllegalArgumentException("'" + FleetText.excerpt(node) + "' is not a fleet node name");
        }
    }
}
