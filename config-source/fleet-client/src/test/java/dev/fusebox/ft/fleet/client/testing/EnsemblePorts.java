package dev.fusebox.ft.fleet.client.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Distinct free ports for the peers of an {@link Ensemble} (each peer's client, election and quorum
 * port), taken outside the range the system hands out for port 0 and for outgoing connections
 * (its ephemeral ports) where it can.
 * <p>
 * Why not Curator's own choice: it picks each port alone (binds port 0, closes it), so two peers can
 * get the same port (seen here: {@code TestingCluster} refused to start, "Multiple entries with same
 * key", two peers with client port 46583); and a peer's port lies unbound for long stretches (a
 * follower's quorum port until it leads; a killed peer's ports until it restarts), while any
 * outgoing connection or port-0 bind on the machine may be given it (seen once, cause not proven:
 * a new leader could not bind its quorum port, "Address already in use", for over 10 s). Outside
 * the ephemeral range only a program that names the port can take it; each port is probed free
 * (bound without address reuse, on every address) when picked.
 * <p>
 * The range is Linux's {@code /proc/sys/net/ipv4/ip_local_port_range}: ports are taken below it
 * (from {@value #LOWEST}) or above it, whichever side holds at least {@value #ENOUGH}; without that
 * file, or with no such side, they are the system's port-0 choices, still distinct.
 * Thread-safety: stateless.
 */
final class EnsemblePorts {

    static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int HIGHEST = 65_535;
    private static final int ENOUGH = 1_000;
    private static final int ATTEMPTS_PER_PORT = 200;

    private EnsemblePorts() {
    }

    /** {@code count} distinct ports, each free when picked. */
    static List<Integer> pick(int count) {
        int[] range = outsideEphemeral();
        Set<Integer> picked = new LinkedHashSet<>();
        for (int attempt = 0; picked.size() < count; attempt++) {
            if (attempt == count * ATTEMPTS_PER_PORT) {
                throw new IllegalStateException("found only " + picked.size() + " of " + count + " free ports in "
                        + (range == null ? "the system's port-0 choices" : range[0] + "-" + range[1]));
            }
            int port = range == null ? systemChoice()
                    : range[0] + ThreadLocalRandom.current().nextInt(range[1] - range[0] + 1);
            if (!picked.contains(port) && free(port)) {
                picked.add(port);
            }
        }
        return List.copyOf(picked);
    }

    /** {@code [first, last]} outside the ephemeral range, or null when there is none to use. */
    static int[] outsideEphemeral() {
        if (!Files.isReadable(EPHEMERAL_RANGE)) {
            return null;
        }
        String[] bounds;
        // not Files.readString: on JDK 17 it returns "3" of this procfs file (a size of 0 reported)
        try (InputStream in = Files.newInputStream(EPHEMERAL_RANGE)) {
            bounds = new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + EPHEMERAL_RANGE, unreadable);
        }
        if (bounds.length != 2) {
            throw new IllegalStateException(EPHEMERAL_RANGE + " holds '" + String.join(" ", bounds)
                    + "', not two port numbers");
        }
        int low = Integer.parseInt(bounds[0]);
        int high = Integer.parseInt(bounds[1]);
        if (low - LOWEST >= ENOUGH) {
            return new int[] {LOWEST, low - 1};
        }
        if (HIGHEST - high >= ENOUGH) {
            return new int[] {high + 1, HIGHEST};
        }
        return null;
    }

    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(false);
            probe.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int systemChoice() {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        } catch (IOException noPort) {
            throw new UncheckedIOException("the system has no free port to give", noPort);
        }
    }
}
