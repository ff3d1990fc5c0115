package dev.fusebox.ft.jmx.remote;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.rmi.server.RMIServerSocketFactory;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Server sockets bound to one address, plain or TLS. Used for both the RMI registry and the
 * connector: RMI shares one listening socket between exports whose port and factories are equal,
 * hence {@link #equals}, which compares the address and the TLS context.
 *
 * <p>With TLS, sockets come from the given {@link SSLContext}'s server socket factory rather than
 * from {@link javax.rmi.ssl.SslRMIServerSocketFactory}, which cannot bind to one address; clients
 * still use the JDK's {@link javax.rmi.ssl.SslRMIClientSocketFactory}. Only TLS 1.3 and 1.2 are
 * enabled. With client authentication every TLS socket requires a client certificate that the
 * server's trust store vouches for (mutual TLS). Thread-safe.
 */
final class BoundServerSocketFactory implements RMIServerSocketFactory {

    private static final int BACKLOG = 50;
    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final InetAddress address;
    private final SSLContext tls;
    private final boolean clientAuth;
    private final List<ServerSocket> created = new ArrayList<>();

    /**
     * @param tls the server's TLS context, or {@code null} for plain sockets
     * @param clientAuth whether TLS clients must present a certificate
     */
    BoundServerSocketFactory(InetAddress address, SSLContext tls, boolean clientAuth) {
        this.address = Objects.requireNonNull(address, "address");
        this.tls = tls;
        this.clientAuth = clientAuth;
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        ServerSocket socket;
        if (tls == null) {
            socket = new ServerSocket(port, BACKLOG, address);
        } else {
            SSLServerSocket secure = (SSLServerSocket) tls.getServerSocketFactory()
                    .createServerSocket(port, BACKLOG, address);
            List<String> protocols = new ArrayList<>(PROTOCOLS);
            protocols.retainAll(List.of(secure.getSupportedProtocols()));
            secure.setEnabledProtocols(protocols.toArray(String[]::new));
            secure.setNeedClientAuth(clientAuth);
            socket = secure;
        }
        synchronized (created) {
            created.add(socket);
        }
        return socket;
    }

    /** The server sockets made so far, for checks of what is listening where. */
    List<ServerSocket> created() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    /**
     * The server's TLS context from its key store.
     *
     * @throws IllegalStateException naming the settings when the key store cannot be used
     */
    static SSLContext serverContext(RemoteSettings.Tls tls) {
        char[] password = tls.keystorePassword().toCharArray();
        KeyManagerFactory keys;
        try (InputStream in = Files.newInputStream(tls.keystore())) {
            KeyStore store = KeyStore.getInstance(tls.keystoreType());
            store.load(in, password);
            keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the TLS key store " + tls.keystore() + " (" + RemoteSettings.TLS_KEYSTORE
                    + ", " + RemoteSettings.TLS_KEYSTORE_TYPE + "=" + tls.keystoreType() + ", "
                    + RemoteSettings.TLS_KEYSTORE_PASSWORD + ") cannot be used: " + e, e);
        } finally {
            Arrays.fill(password, '\0');
        }
        TrustManager[] trust = tls.truststore() == null ? null : clientTrust(tls);
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS context for remote JMX: " + e, e);
        }
    }

    /** The trust managers that judge client certificates, from the configured trust store. */
    private static TrustManager[] clientTrust(RemoteSettings.Tls tls) {
        char[] password = tls.truststorePassword() == null ? null : tls.truststorePassword().toCharArray();
        try (InputStream in = Files.newInputStream(tls.truststore())) {
            KeyStore store = KeyStore.getInstance(tls.truststoreType());
            store.load(in, password);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            return trust.getTrustManagers();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the TLS trust store " + tls.truststore() + " ("
                    + RemoteSettings.TLS_TRUSTSTORE + ", " + RemoteSettings.TLS_TRUSTSTORE_TYPE + "="
                    + tls.truststoreType() + ", " + RemoteSettings.TLS_TRUSTSTORE_PASSWORD + ") cannot be used: " + e, e);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BoundServerSocketFactory that && address.equals(that.address) && tls == that.tls
                && clientAuth == that.clientAuth;
    }

    @Override
    public int hashCode() {
        return address.hashCode() * 31 + System.identityHashCode(tls);
    }

    @Override
    public String toString() {
        return "BoundServerSocketFactory[" + address.getHostAddress() + (tls == null ? "" : ", TLS")
                + (clientAuth ? ", client certificates" : "") + "]";
    }
}
