package dev.fusebox.ft.cdi.it;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.async.AsyncExecution;
import dev.fusebox.ft.core.timeout.DeadlineWatcher;
import dev.fusebox.ft.testing.Container;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * Reads how many threads a container's deadline watcher knows, through reflection (the count is
 * package-private in core, for tests, and the container's threads are private to its chains).
 * Stateless, so thread-safe.
 */
final class DeadlineWatcherProbe {

    private DeadlineWatcherProbe() {
    }

    static int threadsKnown(Container container) throws ReflectiveOperationException {
        Object chains = container.extension(FaultToleranceExtension.class).guardedMethods();
        Field threads = chains.getClass().getDeclaredField("threads");
        threads.setAccessible(true);
        DeadlineWatcher watcher = ((AsyncExecution) threads.get(chains)).deadlines();
        Method count = DeadlineWatcher.class.getDeclaredMethod("threadCount");
        count.setAccessible(true);
        return (Integer) count.invoke(watcher);
    }
}
