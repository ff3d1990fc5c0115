package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.management.ManagementNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.Config;

/**
 * How the remote JMX connector is set up, read from MicroProfile Config by {@link #from}:
 *
 * <table>
 * <caption>Keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@value #ENABLED}</td><td>false</td><td>start the connector</td></tr>
 * <tr><td>{@value #HOST}</td><td>127.0.0.1</td><td>address to listen on and to advertise</td></tr>
 * <tr><td>{@value #PORT}</td><td>9010</td><td>the one port of both the RMI registry and the
 * connector; 0 picks a free one (tests)</td></tr>
 * <tr><td>{@value #CREDENTIALS_FILE}</td><td>none, required when enabled</td><td>see
 * {@link Credentials}</td></tr>
 * <tr><td>{@value #TLS_ENABLED}</td><td>false</td><td>TLS for the registry and the connector</td></tr>
 * <tr><td>{@value #TLS_KEYSTORE}</td><td>none, required with TLS</td><td>the server's key and
 * certificate</td></tr>
 * <tr><td>{@value #TLS_KEYSTORE_PASSWORD}</td><td>none, required with TLS</td><td></td></tr>
 * <tr><td>{@value #TLS_KEYSTORE_TYPE}</td><td>PKCS12</td><td>any type the JDK's
 * {@code KeyStore} knows</td></tr>
 * <tr><td>{@value #TLS_CLIENT_AUTH}</td><td>false</td><td>mutual TLS: clients must present a
 * certificate the trust store below vouches for (registry and connector)</td></tr>
 * <tr><td>{@value #TLS_TRUSTSTORE}</td><td>none, required with client-auth</td><td>the
 * certificates (or their CAs) of the clients allowed to connect</td></tr>
 * <tr><td>{@value #TLS_TRUSTSTORE_PASSWORD}</td><td>none</td><td></td></tr>
 * <tr><td>{@value #TLS_TRUSTSTORE_TYPE}</td><td>PKCS12</td><td></td></tr>
 * <tr><td>{@value #EXPOSE}</td><td>none</td><td>comma-separated ObjectName patterns of the
 * application's own MBeans (on the platform server) to serve remotely besides Fusebox's; those of
 * JDK domains are served read-only, Fusebox's domain is never matched</td></tr>
 * </table>
 *
 * <p>Immutable (the list of patterns is copied on construction); thread-safe.
 *
 * @param enabled whether the connector is started at all
 * @param host the address to bind and to advertise to clients
 * @param port the port of registry and connector, 0 for a free one
 * @param credentialsFile the users' file; {@code null} only when not enabled
 * @param tls the TLS settings, {@code null} when TLS is off
 * @param expose ObjectName patterns of other MBeans to serve, see {@link #EXPOSE}
 */
public record RemoteSettings(boolean enabled, String host, int port, Path credentialsFile, Tls tls,
                             List<ObjectName> expose) {

    public static final String PREFIX = "fusebox.jmx.remote.";
    public static final String ENABLED = PREFIX + "enabled";
    public static final String HOST = PREFIX + "host";
    public static final String PORT = PREFIX + "port";
    public static final String CREDENTIALS_FILE = PREFIX + "credentials-file";
    public static final String TLS_ENABLED = PREFIX + "tls.enabled";
    public static final String TLS_KEYSTORE = PREFIX + "tls.keystore";
    public static final String TLS_KEYSTORE_PASSWORD = PREFIX + "tls.keystore-password";
    public static final String TLS_KEYSTORE_TYPE = PREFIX + "tls.keystore-type";
    public static final String TLS_CLIENT_AUTH = PREFIX + "tls.client-auth";
    public static final String TLS_TRUSTSTORE = PREFIX + "tls.truststore";
    public static final String TLS_TRUSTSTORE_PASSWORD = PREFIX + "tls.truststore-password";
    public static final String TLS_TRUSTSTORE_TYPE = PREFIX + "tls.truststore-type";
    public static final String EXPOSE = PREFIX + "expose";

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 9010;
    public static final String DEFAULT_KEYSTORE_TYPE = "PKCS12";

    /**
     * The server's TLS key material and, for mutual TLS, whom it trusts. Immutable.
     *
     * @param keystore the key store file holding the server's private key and certificate
     * @param keystorePassword its password (also used for the key)
     * @param keystoreType its type, such as PKCS12
     * @param clientAuth whether clients must present a certificate the trust store vouches for
     * @param truststore the clients' certificates or their CAs; {@code null} without client-auth
     * @param truststorePassword its password, or {@code null}
     * @param truststoreType its type, such as PKCS12
     */
    public record Tls(Path keystore, String keystorePassword, String keystoreType, boolean clientAuth,
                      Path truststore, String truststorePassword, String truststoreType) {

        /** TLS without client certificates. */
        public Tls(Path keystore, String keystorePassword, String keystoreType) {
            this(keystore, keystorePassword, keystoreType, false, null, null, DEFAULT_KEYSTORE_TYPE);
        }

        /** @throws IllegalArgumentException naming the key of a missing value */
        public Tls {
            require(keystore != null, TLS_KEYSTORE + " is required when " + TLS_ENABLED + "=true");
            require(keystorePassword != null, TLS_KEYSTORE_PASSWORD + " is required when " + TLS_ENABLED + "=true");
            require(keystoreType != null && !keystoreType.isBlank(), TLS_KEYSTORE_TYPE + " must not be blank");
            require(!clientAuth || truststore != null, TLS_TRUSTSTORE + " is required when " + TLS_CLIENT_AUTH
                    + "=true: it holds the certificates (or CAs) of the clients allowed to connect");
            require(truststoreType != null && !truststoreType.isBlank(), TLS_TRUSTSTORE_TYPE + " must not be blank");
        }

        /** Leaves the passwords out. */
        @Override
        public String toString() {
            return "Tls[keystore=" + keystore + ", keystoreType=" + keystoreType + ", clientAuth=" + clientAuth
                    + (truststore == null ? "" : ", truststore=" + truststore + ", truststoreType=" + truststoreType)
                    + "]";
        }
    }

    /** Settings that expose nothing but Fusebox's MBeans. */
    public RemoteSettings(boolean enabled, String host, int port, Path credentialsFile, Tls tls) {
        this(enabled, host, port, credentialsFile, tls, List.of());
    }

    /** @throws IllegalArgumentException naming the key of an invalid or missing value */
    public RemoteSettings {
        expose = List.copyOf(expose);
        require(host != null && !host.isBlank(), HOST + " must not be blank");
        require(port >= 0 && port <= 65_535, PORT + " must be from 0 to 65535, was " + port);
        require(!enabled || credentialsFile != null, "remote JMX is enabled (" + ENABLED + "=true) but "
                + CREDENTIALS_FILE + " is not set: remote access needs a credentials file; create one with "
                + Credentials.class.getName() + " (see its javadoc)");
    }

    /** Settings for a connector that is off. */
    public static RemoteSettings disabled() {
        return new RemoteSettings(false, DEFAULT_HOST, DEFAULT_PORT, null, null);
    }

    /**
     * Reads the {@value #PREFIX}* keys.
     *
     * @throws IllegalArgumentException naming the key whose value is invalid or missing
     */
    public static RemoteSettings from(Config config) {
        boolean enabled = bool(config, ENABLED);
        String host = string(config, HOST).orElse(DEFAULT_HOST).trim();
        int port = string(config, PORT).map(RemoteSettings::port).orElse(DEFAULT_PORT);
        Path credentials = string(config, CREDENTIALS_FILE).map(text -> path(CREDENTIALS_FILE, text)).orElse(null);
        Tls tls = null;
        if (bool(config, TLS_ENABLED)) {
            tls = new Tls(string(config, TLS_KEYSTORE).map(text -> path(TLS_KEYSTORE, text)).orElse(null),
                    config.getOptionalValue(TLS_KEYSTORE_PASSWORD, String.class).orElse(null),
                    string(config, TLS_KEYSTORE_TYPE).orElse(DEFAULT_KEYSTORE_TYPE).trim(),
                    bool(config, TLS_CLIENT_AUTH),
                    string(config, TLS_TRUSTSTORE).map(text -> path(TLS_TRUSTSTORE, text)).orElse(null),
                    config.getOptionalValue(TLS_TRUSTSTORE_PASSWORD, String.class).orElse(null),
                    string(config, TLS_TRUSTSTORE_TYPE).orElse(DEFAULT_KEYSTORE_TYPE).trim());
        }
        List<ObjectName> expose = string(config, EXPOSE).map(RemoteSettings::patterns).orElse(List.of());
        return new RemoteSettings(enabled, host, port, credentials, tls, expose);
    }

    private static List<ObjectName> patterns(String text) {
        List<ObjectName> patterns = new ArrayList<>();
        // an ObjectName may hold commas itself: split only where a new name (domain:) starts
        for (String part : text.split(",+(?=[^,=:]*:)")) {
            if (part.isBlank()) {
                continue;
            }
            ObjectName pattern;
            try {
                pattern = new ObjectName(part.trim());
            } catch (MalformedObjectNameException e) {
                throw new IllegalArgumentException(EXPOSE + " holds '" + part.trim() + "', which is not an ObjectName"
                        + " pattern (" + e.getMessage() + "), e.g. com.example:type=Inventory,*");
            }
            require(!ManagementNames.DOMAIN.equals(pattern.getDomain()), EXPOSE + " holds '" + part.trim()
                    + "': Fusebox's own MBeans are always served and nothing else may be under " + ManagementNames.DOMAIN);
            patterns.add(pattern);
        }
        return patterns;
    }

    private static Optional<String> string(Config config, String key) {
        return config.getOptionalValue(key, String.class).filter(text -> !text.isBlank());
    }

    private static boolean bool(Config config, String key) {
        Optional<String> text = string(config, key).map(value -> value.trim().toLowerCase(Locale.ROOT));
        if (text.isEmpty() || text.get().equals("false")) {
            return false;
        }
        require(text.get().equals("true"), key + " must be true or false, was '" + text.get() + "'");
        return true;
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT + " must be a port number from 0 to 65535, was '" + text + "'");
        }
    }

    private static Path path(String key, String text) {
        try {
            return Path.of(text.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + " is not a valid path: '" + text + "'", e);
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    @Override
    public String toString() {
        return "RemoteSettings[enabled=" + enabled + ", host=" + host + ", port=" + port + ", credentialsFile="
                + credentialsFile + ", tls=" + Objects.requireNonNullElse(tls, "off") + ", expose=" + expose + "]";
    }
}
