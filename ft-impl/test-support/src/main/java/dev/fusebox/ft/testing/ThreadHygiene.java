package dev.fusebox.ft.testing;

import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Suite hygiene: after each test class, no thread of Fusebox ({@code fusebox-*}) is alive, and no
 * non-daemon thread survives that was not running before the first test class (the JVM's and the
 * test runner's own threads, {@code main} among them). Both are given a bounded time to end.
 */
public final class ThreadHygiene implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ThreadHygiene.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        baseline(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Set<Long> before = baseline(context);
        long deadline = System.nanoTime() + Await.PATIENCE.toNanos();
        List<Thread> leaked = leaked(before);
        while (!leaked.isEmpty() && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            leaked = leaked(before);
        }
        if (!leaked.isEmpty()) {
            fail("threads left running after " + context.getDisplayName() + ": " + leaked.stream()
                    .map(t -> t.getName() + (t.isDaemon() ? " (daemon)" : " (non-daemon)") + " " + t.getState())
                    .collect(Collectors.joining(", ")));
        }
    }

    /** Fusebox threads alive now (daemon or not). */
    public static List<Thread> fuseboxThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("fusebox-"))
                .collect(Collectors.toList());
    }

    private static List<Thread> leaked(Set<Long> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("fusebox-") || (!t.isDaemon() && !before.contains(t.getId())
                        && !"main".equals(t.getName()) && !isSystem(t)))
                .collect(Collectors.toList());
    }

    private static boolean isSystem(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return group != null && "system".equals(group.getName());
    }

    /** The ids of the threads alive before the first test class ran; taken once per test run. */
    @SuppressWarnings("unchecked")
    private static Set<Long> baseline(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("baseline", key ->
                Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toUnmodifiableSet()),
                Set.class);
    }
}
