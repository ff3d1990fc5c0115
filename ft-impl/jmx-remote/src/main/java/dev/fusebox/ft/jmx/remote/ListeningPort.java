package dev.fusebox.ft.jmx.remote;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** The connector's one port: choosing a free one, and waiting until a closed one is free again. Stateless. */
final class ListeningPort {

    private static final System.Logger LOG = System.getLogger(RemoteConnector.class.getName());

    private ListeningPort() {
    }

    /** A port free at the time of asking on {@code bind} (port 0 is meant for tests). */
    static int pickFree(InetAddress bind) throws IOException {
        // RMI keeps the socket of an export on port 0 open after the last unexport, so a concrete
        // port is chosen first: close() can then free it
        try (ServerSocket probe = new ServerSocket(0, 1, bind)) {
            return probe.getLocalPort();
        }
    }

    /**
     * Waits, briefly, until {@code port} can be bound again. Closing RMI's listening socket is not
     * immediate when its accept thread is blocked on it: the socket is released as that thread
     * wakes up, typically within a millisecond or two. Without the wait a start on the same port
     * right after close could fail. Gives up (logging a warning) after {@code wait}.
     */
    static void awaitReleased(InetAddress bound, int port, Duration wait, String what) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try (ServerSocket probe = new ServerSocket(port, 1, bound)) {
                return;
            } catch (IOException busy) {
                if (System.nanoTime() - deadline > 0) {
                    LOG.log(System.Logger.Level.WARNING, what + ": port " + port + " still in use " + wait.toMillis()
                            + " ms after close", busy);
                    return;
                }
            }
            try {
                TimeUnit.MILLISECONDS.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
