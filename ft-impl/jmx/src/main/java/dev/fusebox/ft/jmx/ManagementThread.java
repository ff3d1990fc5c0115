package dev.fusebox.ft.jmx;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The one management thread of an application ({@code fusebox-management-<app>}, daemon): made at
 * start, stopped (interrupted, waited for up to 5 s) at stop. Stateless; thread-safe.
 */
final class ManagementThread {

    private static final System.Logger LOG = System.getLogger(ManagementThread.class.getName());

    private ManagementThread() {
    }

    static ScheduledThreadPoolExecutor start(String application) {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, task -> {
            Thread started = new Thread(task, "fusebox-management-" + application);
            started.setDaemon(true);
            return started;
        });
        thread.setRemoveOnCancelPolicy(true);
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return thread;
    }

    static void stop(ScheduledThreadPoolExecutor thread, String application) {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "management thread of " + application + " did not stop in 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
