package dev.fusebox.console.connect;

import java.io.IOException;
import java.net.Socket;
import java.rmi.server.RMIClientSocketFactory;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * Makes the console's TLS connections check the server's host name, which the JDK's
 * {@code SslRMIClientSocketFactory} does not do on Java 17: a certificate the trust store vouches
 * for but issued to another host is refused.
 *
 * <p>Two sockets are involved. The RMI registry is looked up through {@link #registrySockets()},
 * the console's own factory. The connector itself is reached through the socket factory in the
 * stub the server hands out, the JDK's {@code SslRMIClientSocketFactory}, which takes the JVM's
 * default SSL context the first time it is used and keeps it; so {@link #install()} replaces that
 * default by the JDK's own default context (the {@code javax.net.ssl.*} trust and key stores, so a
 * client certificate for mutual TLS too) whose client sockets check host names. It must run
 * before anything in the JVM makes a TLS RMI connection: the console's launcher calls it first
 * thing, and {@link JmxConnect} before each TLS connection in case the launcher was not used.
 *
 * <p>Thread-safety: thread-safe; {@link #install} is synchronized and installing twice does nothing.
 */
public final class HostCheckingTls {

    private static boolean installed;

    private HostCheckingTls() {
    }

    /** Makes the JVM's default SSL context one whose client sockets check host names. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        SSLContext base;
        try {
            base = SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no default TLS context", e);
        }
        SSLContext.setDefault(new SSLContext(new Spi(base), base.getProvider(), base.getProtocol()) { });
        installed = true;
    }

    /** Sockets for the registry lookup: TLS from the default context, host name checked. */
    static RMIClientSocketFactory registrySockets() {
        install();
        return new RegistrySockets();
    }

    /** For the JNDI environment; equal to each other so RMI can reuse connections. */
    private static final class RegistrySockets implements RMIClientSocketFactory {
        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return SSLSocketFactory.getDefault().createSocket(host, port);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof RegistrySockets;
        }

        @Override
        public int hashCode() {
            return RegistrySockets.class.hashCode();
        }
    }

    /** The default context's engine with host name checks on every client socket and engine. */
    private static final class Spi extends SSLContextSpi {
        private final SSLContext base;

        Spi(SSLContext base) {
            this.base = base;
        }

        @Override
        protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
                throws KeyManagementException {
            throw new KeyManagementException("the default TLS context is already initialized");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new HostCheckingSocketFactory(base.getSocketFactory());
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return base.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return base.createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            SSLEngine engine = base.createSSLEngine(host, port);
            SSLParameters parameters = engine.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(HostCheckingSocketFactory.ALGORITHM);
            engine.setSSLParameters(parameters);
            return engine;
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return base.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return base.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            SSLParameters parameters = base.getDefaultSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(HostCheckingSocketFactory.ALGORITHM);
            return parameters;
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return base.getSupportedSSLParameters();
        }
    }
}
