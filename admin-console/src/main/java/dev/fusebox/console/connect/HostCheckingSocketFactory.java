package dev.fusebox.console.connect;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * TLS client sockets that check the server's certificate names the host connected to (endpoint
 * identification "HTTPS": the subject alternative names, DNS or IP), around another factory's
 * sockets.
 *
 * <p>Thread-safety: thread-safe if the wrapped factory is (it keeps only final references).
 */
final class HostCheckingSocketFactory extends SSLSocketFactory {

    static final String ALGORITHM = "HTTPS";

    private final SSLSocketFactory sockets;

    HostCheckingSocketFactory(SSLSocketFactory sockets) {
        this.sockets = sockets;
    }

    /** Turns on the host name check of {@code socket} (before its handshake, which its first use starts). */
    static Socket checking(Socket socket) {
        if (socket instanceof SSLSocket tls) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(ALGORITHM);
            tls.setSSLParameters(parameters);
        }
        return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return sockets.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return sockets.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
        return checking(sockets.createSocket());
    }

    @Override
    public Socket createSocket(Socket layered, String host, int port, boolean autoClose) throws IOException {
        return checking(sockets.createSocket(layered, host, port, autoClose));
    }

    @Override
    public Socket createSocket(Socket layered, InputStream consumed, boolean autoClose) throws IOException {
        return sockets.createSocket(layered, consumed, autoClose); // server side: no host to check
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return checking(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
        return checking(sockets.createSocket(host, port, local, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return checking(sockets.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort) throws IOException {
        return checking(sockets.createSocket(host, port, local, localPort));
    }
}
