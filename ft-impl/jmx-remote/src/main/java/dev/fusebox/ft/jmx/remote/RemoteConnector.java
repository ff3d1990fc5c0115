package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.jmx.PublishedMBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.rmi.AlreadyBoundException;
import java.rmi.NoSuchObjectException;
import java.rmi.registry.LocateRegistry;
import java.rmi.registry.Registry;
import java.rmi.server.RMIClientSocketFactory;
import java.rmi.server.UnicastRemoteObject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.remote.JMXConnectorServer;
import javax.management.remote.JMXServiceURL;
import javax.management.remote.rmi.RMIConnectorServer;
import javax.management.remote.rmi.RMIJRMPServerImpl;
import javax.net.ssl.SSLContext;
import javax.rmi.ssl.SslRMIClientSocketFactory;

/**
 * A password-protected JMX connector over RMI on one port, for the operator console, jconsole and
 * VisualVM: {@code service:jmx:rmi://HOST:PORT/jndi/rmi://HOST:PORT/jmxrmi}.
 *
 * <p><b>What it sets up.</b> An RMI registry and the RMI connector share one listening socket,
 * bound to {@link RemoteSettings#host()} only (127.0.0.1 unless configured otherwise), so one
 * firewall rule or one SSH tunnel ({@code ssh -L PORT:127.0.0.1:PORT}) is enough. Clients log in
 * with a user and password from the {@link Credentials} file; an {@code operator} may read and act,
 * a {@code viewer} may only read and listen to notifications (see {@link Role}).
 *
 * <p><b>What it serves.</b> Not the platform MBean server: a {@link RemoteView} of its own holding
 * the application's Fusebox MXBeans and the MBeans it exposes ({@link RemoteSettings#EXPOSE}), behind
 * a {@link ViewForwarder} that decides every call (MBeans are never created, registered or removed
 * remotely; refusals are audited through the {@link RemoteAudit}). The connector
 * runs each call as the user's {@link javax.security.auth.Subject}, with a
 * {@link javax.management.remote.JMXPrincipal} named after the user, so MBean code can tell who
 * acts: on Java 17 {@code Subject.getSubject(AccessController.getContext())}, on 18 and later
 * {@code Subject.current()}. A refused write names the user, their role and the role needed.
 *
 * <p><b>TLS.</b> With {@code fusebox.jmx.remote.tls.enabled=true}, registry and connector speak
 * TLS 1.3/1.2 with the key in the configured key store, and the stub handed to clients carries the
 * JDK's {@link SslRMIClientSocketFactory}, which uses the client JVM's default SSL context. A
 * client therefore needs a trust store holding the server's certificate (or its CA), and must
 * look the registry up over TLS too. jconsole does the latter by itself when given
 * {@code HOST:PORT} rather than the full URL:
 * <pre>
 * jconsole -J-Djavax.net.ssl.trustStore=client-truststore.p12 -J-Djavax.net.ssl.trustStorePassword=... HOST:PORT
 * </pre>
 * In code, put {@code "com.sun.jndi.rmi.factory.socket" -> new SslRMIClientSocketFactory()} in
 * the environment given to {@code JMXConnectorFactory.connect}, with the same trust store
 * properties set when the JVM starts (the default SSL context is made once per JVM). With
 * {@code fusebox.jmx.remote.tls.client-auth=true} (mutual TLS) clients must also present a
 * certificate the configured trust store vouches for ({@code javax.net.ssl.keyStore} on the
 * client), and still log in with their password. Without TLS, passwords and data cross the
 * network in clear: keep the default loopback address, or tunnel.
 *
 * <p><b>The advertised host.</b> An RMI stub names the host clients must call back; the JDK takes
 * it from the JVM-wide {@code java.rmi.server.hostname} property, or else the machine's own idea
 * of its name, which may not be the configured address. {@link #start} therefore sets that
 * property to the configured host when it is unset and the host is not a wildcard address, and
 * clears it again on {@link #close}. Caveat: the property is global; it also changes what other
 * RMI objects exported by this JVM advertise, and if the application set it already, that value
 * wins and must name an address the connector listens on.
 *
 * <p><b>Other limits.</b> The registry is the JDK's: it accepts bind and rebind only from this
 * machine, so a local process could replace the entry (run on a host you trust; use TLS so a
 * substitute cannot present the certificate). The credentials file is read once, at start, and
 * only if it is private to the JVM's user ({@link PrivateFile}; on non-POSIX file systems only
 * "not a link, a regular file" is checked). Logins are throttled and their password checks bounded
 * ({@link PasswordAuthenticator}); what clients may send is limited ({@link AcceptedTypes}). The
 * threat model is docs/security.md.
 *
 * <p>Start one per application; thread-safe; {@link #close} is idempotent, stops serving the
 * view and frees the port.
 */
public final class RemoteConnector implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RemoteConnector.class.getName());
    static final String HOSTNAME_PROPERTY = AdvertisedHost.PROPERTY;
    static final String REGISTRY_NAME = "jmxrmi";
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);

    private final JMXConnectorServer connector;
    private final Registry registry;
    private final BoundServerSocketFactory sockets;
    private final JMXServiceURL address;
    private final InetAddress bound;
    private final String hostnameSet;
    private final RemoteView view;
    private boolean closed;

    private RemoteConnector(JMXConnectorServer connector, Registry registry, BoundServerSocketFactory sockets,
            JMXServiceURL address, InetAddress bound, String hostnameSet, RemoteView view) {
        this.connector = connector;
        this.registry = registry;
        this.sockets = sockets;
        this.address = address;
        this.bound = bound;
        this.hostnameSet = hostnameSet;
        this.view = view;
    }

    /**
     * Starts the connector serving {@code fusebox} (the application's MXBeans) and the MBeans of
     * {@code source} that {@link RemoteSettings#expose()} names, recording refusals and changes to
     * exposed MBeans in {@code audit}.
     *
     * @throws IllegalArgumentException when {@code settings} are not enabled
     * @throws IllegalStateException when the credentials file or the key store cannot be used, or
     *         the port cannot be bound; the message says which and how to fix it
     */
    public static RemoteConnector start(RemoteSettings settings, List<PublishedMBean> fusebox, MBeanServer source,
                                        RemoteAudit audit) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("remote JMX is not enabled (" + RemoteSettings.ENABLED + ")");
        }
        Credentials credentials = Credentials.load(settings.credentialsFile());
        InetAddress bind = resolve(settings.host());
        SSLContext tls = settings.tls() == null ? null : BoundServerSocketFactory.serverContext(settings.tls());
        RMIClientSocketFactory clientSockets = tls == null ? null : new SslRMIClientSocketFactory();
        BoundServerSocketFactory sockets = new BoundServerSocketFactory(bind, tls,
                settings.tls() != null && settings.tls().clientAuth());
        if (tls == null && !bind.isLoopbackAddress()) {
            LOG.log(System.Logger.Level.WARNING, "remote JMX on " + settings.host() + " without TLS: passwords and data "
                    + "cross the network in clear; set " + RemoteSettings.TLS_ENABLED + "=true or tunnel over SSH");
        }
        String host = settings.host();
        String hostnameSet = AdvertisedHost.advertise(host, bind);
        Registry registry = null;
        RMIConnectorServer connector = null;
        RemoteView view = null;
        Thread thread = Thread.currentThread();
        ClassLoader previousLoader = thread.getContextClassLoader();
        // RMI reads a call's arguments with the class loader that was the context one at export
        thread.setContextClassLoader(AcceptedTypes.LOADER);
        try {
            view = RemoteView.open(fusebox, source, settings.expose());
            int port = settings.port() == 0 ? ListeningPort.pickFree(bind) : settings.port();
            registry = LocateRegistry.createRegistry(port, clientSockets, sockets);

            Map<String, Object> environment = new HashMap<>();
            environment.put(JMXConnectorServer.AUTHENTICATOR, new PasswordAuthenticator(credentials));
            environment.put(RMIConnectorServer.RMI_SERVER_SOCKET_FACTORY_ATTRIBUTE, sockets);
            if (clientSockets != null) {
                environment.put(RMIConnectorServer.RMI_CLIENT_SOCKET_FACTORY_ATTRIBUTE, clientSockets);
            }
            // exported objects must not keep the JVM alive: the application decides when it ends
            environment.put("jmx.remote.x.daemon", "true");
            AcceptedTypes.applyTo(environment);
            RMIJRMPServerImpl rmiServer = new RMIJRMPServerImpl(port, clientSockets, sockets, environment);
            JMXServiceURL serverAddress = new JMXServiceURL("rmi", host, port);
            connector = new RMIConnectorServer(serverAddress, environment, rmiServer, view.server());
            connector.setMBeanServerForwarder(new ViewForwarder(new ViewGate(view, audit)));
            connector.start();
            // bound in-process: a JNDI bind would go over the network, and over TLS would need
            // this JVM to trust its own certificate
            registry.bind(REGISTRY_NAME, rmiServer.toStub());
            JMXServiceURL address = new JMXServiceURL(
                    "service:jmx:rmi://" + urlHost(host) + ":" + port + "/jndi/rmi://" + urlHost(host) + ":" + port
                            + "/" + REGISTRY_NAME);
            LOG.log(System.Logger.Level.INFO, "remote JMX listening at " + address + (tls == null ? "" : " (TLS)")
                    + " for " + credentials.users().size() + " user(s) of " + credentials.file());
            return new RemoteConnector(connector, registry, sockets, address, bind, hostnameSet, view);
        } catch (IOException | AlreadyBoundException e) {
            abandon(connector, registry, hostnameSet, view, e);
            throw new IllegalStateException("remote JMX could not start on " + host + ":" + settings.port() + " ("
                    + RemoteSettings.HOST + ", " + RemoteSettings.PORT + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abandon(connector, registry, hostnameSet, view, e);
            throw e;
        } finally {
            thread.setContextClassLoader(previousLoader);
        }
    }

    /** Undoes a start that failed half way; problems doing so are attached to {@code cause}. */
    private static void abandon(JMXConnectorServer connector, Registry registry, String hostnameSet, RemoteView view,
            Exception cause) {
        if (view != null) {
            view.close();
        }
        if (connector != null) {
            try {
                connector.stop();
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
        unexport(registry);
        AdvertisedHost.forget(hostnameSet);
    }

    /**
     * Serves {@code published}, the programmatic guards' MXBeans of the moment, in place of the
     * set served before ({@code GuardManagement} calls it after each change).
     */
    public void serveGuards(List<PublishedMBean> published) {
        view.serveGuards(published);
    }

    /** Where clients connect. */
    public JMXServiceURL address() {
        return address;
    }

    /** The listening sockets, for checks of the bound address. */
    List<ServerSocket> listeningSockets() {
        return sockets.created();
    }

    /**
     * Stops the connector (closing client connections), unexports the registry, which closes the
     * listening socket, clears {@code java.rmi.server.hostname} if {@link #start} set it, and
     * returns once the port can be bound again (waiting up to 5 s for RMI to let go of it).
     *
     * @throws UncheckedIOException if the connector fails to stop; the registry is unexported anyway
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connector.stop();
        } catch (IOException e) {
            throw new UncheckedIOException("remote JMX connector at " + address + " did not stop cleanly", e);
        } finally {
            view.close();
            unexport(registry);
            AdvertisedHost.forget(hostnameSet);
            ListeningPort.awaitReleased(bound, address.getPort(), RELEASE_WAIT, "remote JMX at " + address);
            LOG.log(System.Logger.Level.INFO, "remote JMX at " + address + " closed");
        }
    }


    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(RemoteSettings.HOST + " '" + host + "' is not a known host or address", e);
        }
    }


    private static String urlHost(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static void unexport(Registry registry) {
        if (registry == null) {
            return;
        }
        try {
            UnicastRemoteObject.unexportObject(registry, true);
        } catch (NoSuchObjectException e) {
            // already unexported
        }
    }
}
