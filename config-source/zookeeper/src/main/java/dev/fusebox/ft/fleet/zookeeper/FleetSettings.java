package dev.fusebox.ft.fleet.zookeeper;

import dev.fusebox.ft.fleet.client.FleetAccess;
import dev.fusebox.ft.fleet.client.FleetAcl;
import dev.fusebox.ft.management.fleet.FleetLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.URL;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Function;

/**
 * The fleet module's settings, each bounded and refused with a message naming its key. Read from
 * the application's MicroProfile Config by the agent ({@link #read(Function)} over
 * {@code config::getOptionalValue}), and by the discovered {@link FleetConfigSource}, which cannot
 * use MP Config, from system properties, then the environment (MP's mapping: non-alphanumerics to
 * {@code _}, upper case), then {@code META-INF/microprofile-config.properties} ({@link #fromSystem}).
 * Without {@value #ZOOKEEPER} the module does nothing. Immutable.
 *
 * @param zookeeper         the ensemble ({@code host:port,...}), or null: no fleet
 * @param layout            the fleet's root
 * @param application       the fleet application (default: Fusebox management's application name)
 * @param user              digest login, or null
 * @param password          its password, or null
 * @param operators         ZooKeeper ids of operators (empty with instances empty: open ACLs)
 * @param instances         ZooKeeper ids of instances
 * @param viewers           ZooKeeper ids of viewers
 * @param sessionTimeout    the ZooKeeper session timeout
 * @param connectionTimeout how long an operation waits for a connection
 * @param startupWait       how long start-up waits for the first full read of the fleet
 * @param publishInterval   at most one member write per interval
 * @param instanceId        this instance's id in the fleet
 * @param jmxAddress        the JMX service URL it registers, or empty
 * @param ordinal           the fleet ConfigSource's ordinal
 */
public record FleetSettings(String zookeeper, FleetLayout layout, String application, String user, String password,
                            String operators, String instances, String viewers, Duration sessionTimeout,
                            Duration connectionTimeout, Duration startupWait, Duration publishInterval,
                            String instanceId, String jmxAddress, int ordinal) {

    public static final String PREFIX = "fusebox.fleet.";
    public static final String ZOOKEEPER = PREFIX + "zookeeper";
    public static final String ROOT = PREFIX + "root";
    public static final String APPLICATION = PREFIX + "application";
    public static final String MANAGEMENT_APPLICATION = "fusebox.management.application";
    public static final String USER = PREFIX + "user";
    public static final String PASSWORD = PREFIX + "password";
    public static final String ACL_OPERATORS = PREFIX + "acl.operators";
    public static final String ACL_INSTANCES = PREFIX + "acl.instances";
    public static final String ACL_VIEWERS = PREFIX + "acl.viewers";
    public static final String SESSION_TIMEOUT = PREFIX + "session-timeout-millis";
    public static final String CONNECTION_TIMEOUT = PREFIX + "connection-timeout-millis";
    public static final String STARTUP_WAIT = PREFIX + "startup-wait-millis";
    public static final String PUBLISH = PREFIX + "publish-millis";
    public static final String INSTANCE_ID = PREFIX + "instance-id";
    public static final String JMX_ADDRESS = PREFIX + "jmx-address";
    public static final String ORDINAL = PREFIX + "ordinal";
    /** Above system properties (400) and the environment (300), below the instance's overrides file (500). */
    public static final int DEFAULT_ORDINAL = 450;

    /** Reads every key through {@code lookup} (null or blank: absent). */
    public static FleetSettings read(Function<String, String> lookup) {
        Function<String, String> value = key -> {
            String found = lookup.apply(key);
            return found == null || found.isBlank() ? null : found.strip();
        };
        String application = first(value.apply(APPLICATION), first(value.apply(MANAGEMENT_APPLICATION), "application"));
        FleetLayout layout;
        try {
            layout = new FleetLayout(first(value.apply(ROOT), FleetLayout.DEFAULT_ROOT));
            FleetLayout.node(application);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(ROOT + " / " + APPLICATION + ": " + invalid.getMessage(), invalid);
        }
        String instanceId = first(value.apply(INSTANCE_ID), defaultInstanceId());
        checkText(instanceId, FleetLayout.MAX_NAME, INSTANCE_ID);
        String jmx = first(value.apply(JMX_ADDRESS), "");
        checkText(jmx, 1000, JMX_ADDRESS);
        String user = value.apply(USER);
        String password = lookup.apply(PASSWORD); // a password may have any characters, spaces at its ends too
        if ((user == null) != (password == null || password.isEmpty())) {
            throw new IllegalArgumentException(USER + " and " + PASSWORD + " go together: give both or neither");
        }
        return new FleetSettings(value.apply(ZOOKEEPER), layout, application, user, user == null ? null : password,
                first(value.apply(ACL_OPERATORS), ""), first(value.apply(ACL_INSTANCES), ""),
                first(value.apply(ACL_VIEWERS), ""),
                millis(value, SESSION_TIMEOUT, 15_000, 2_000, 120_000), millis(value, CONNECTION_TIMEOUT, 5_000, 1_000, 60_000),
                millis(value, STARTUP_WAIT, 10_000, 0, 600_000), millis(value, PUBLISH, 250, 10, 60_000),
                instanceId, jmx, (int) number(value, ORDINAL, DEFAULT_ORDINAL, Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    /** System properties, then the environment, then {@code META-INF/microprofile-config.properties}. */
    public static Function<String, String> fromSystem(ClassLoader loader) {
        Properties files = new Properties();
        try {
            Enumeration<URL> found = loader == null ? null : loader.getResources("META-INF/microprofile-config.properties");
            while (found != null && found.hasMoreElements()) {
                try (InputStream in = found.nextElement().openStream()) {
                    Properties one = new Properties();
                    one.load(in);
                    one.forEach(files::putIfAbsent);
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("could not read META-INF/microprofile-config.properties for the fleet"
                    + " settings", unreadable);
        }
        return key -> {
            String property = System.getProperty(key);
            if (property != null) {
                return property;
            }
            String env = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT));
            return env != null ? env : files.getProperty(key);
        };
    }

    /** Whether a fleet is configured at all. */
    public boolean enabled() {
        return zookeeper != null;
    }

    /** How to reach the ensemble; role ACLs when operators or instances are given, else open ones. */
    public FleetAccess access() {
        FleetAcl acl;
        try {
            acl = operators.isEmpty() && instances.isEmpty() && viewers.isEmpty() ? FleetAcl.open(layout)
                    : FleetAcl.of(layout, operators, instances, viewers);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(PREFIX + "acl.*: " + invalid.getMessage(), invalid);
        }
        try {
            return new FleetAccess(zookeeper, layout, user, password, acl, sessionTimeout, connectionTimeout);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException(ZOOKEEPER + ": " + invalid.getMessage(), invalid);
        }
    }

    static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException unknown) {
            host = "unknown-host";
        }
        return host + ":" + ProcessHandle.current().pid() + ":" + ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static String first(String value, String otherwise) {
        return value != null ? value : otherwise;
    }

    private static void checkText(String text, int max, String key) {
        if (text.length() > max || text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(key + " must be at most " + max
                    + " characters without control characters");
        }
    }

    private static Duration millis(Function<String, String> value, String key, long absent, long min, long max) {
        return Duration.ofMillis(number(value, key, absent, min, max));
    }

    private static long number(Function<String, String> value, String key, long absent, long min, long max) {
        String text = value.apply(key);
        if (text == null) {
            return absent;
        }
        long parsed;
        try {
            parsed = Long.parseLong(text);
        } catch (NumberFormatException notNumber) {
            throw new IllegalArgumentException(key + " must be a whole number, but is '"
                    + text.substring(0, Math.min(40, text.length())) + "'");
        }
        if (parsed < min || parsed > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", but is " + parsed);
        }
        return parsed;
    }

    @Override
    public String toString() {
        // never the password
        return "fleet " + application + " at " + zookeeper + layout.root() + " as " + instanceId;
    }
}
