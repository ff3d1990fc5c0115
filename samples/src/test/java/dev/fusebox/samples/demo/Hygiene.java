package dev.fusebox.samples.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that a stopped demo left no thread and no port behind. */
final class Hygiene {

    private final Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());

    /** Taken before the demo starts. */
    static Hygiene baseline() {
        return new Hygiene();
    }

    /**
     * Non-daemon threads started since the baseline, and any thread of Fusebox or of the demo's
     * load generator, still alive after waiting up to 5 s for them to end.
     */
    List<String> leftoverThreads() throws InterruptedException {
        List<String> left = leftovers();
        for (int i = 0; i < 250 && !left.isEmpty(); i++) {
            Thread.sleep(20);
            left = leftovers();
        }
        return left;
    }

    private List<String> leftovers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> t.getName().startsWith("fusebox-") || t.getName().startsWith(LoadGenerator.THREAD_PREFIX)
                        || (!t.isDaemon() && !before.contains(t) && !t.getName().equals("DestroyJavaVM")))
                .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : " (non-daemon)"))
                .collect(Collectors.toList());
    }

    /** Whether a server socket can be bound on 127.0.0.1:{@code port} right now. */
    static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
