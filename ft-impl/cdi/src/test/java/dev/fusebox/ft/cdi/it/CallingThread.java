package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A real thread of its own for a synchronous call that blocks until the test moves virtual time:
 * the call runs here, the test thread moves the time. Closing it interrupts what still runs and
 * waits for the thread to end. Used by one test thread.
 */
final class CallingThread implements AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> new Thread(task, "test-caller"));

    <T> Future<T> call(Callable<T> call) {
        return thread.submit(call);
    }

    @Override
    public void close() throws InterruptedException {
        thread.shutdownNow();
        assertThat(thread.awaitTermination(5, TimeUnit.SECONDS)).as("the calling thread ended").isTrue();
    }
}
