package dev.fusebox.ft.core.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Stress test of the promise in {@link AsyncCall}: an interrupt from {@link AsyncCall#cancel} lands
 * while the method runs or not at all, never after the worker has left the call and cleared its
 * flag, where it would hit the next, unrelated call on that worker. Found by the CDI chaos soak (an
 * asynchronous call nobody cancelled failed with InterruptedException). Bounded in iterations and
 * time; a single stale interrupt fails it.
 */
class AsyncCallInterruptRaceTest {

    private static final int ITERATIONS = 100_000;
    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(2);

    private volatile AsyncCall current;

    @Test
    void noInterruptFromCancellingAFinishedCallReachesTheWorkersNextCall() throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        Thread canceller = new Thread(() -> {
            AsyncCall last = null;
            while (!done.get()) {
                AsyncCall call = current;
                if (call != null && call != last) {
                    call.cancel(true);
                    last = call;
                }
            }
        }, "async-call-canceller");
        canceller.setDaemon(true);
        canceller.start();
        int stale = 0;
        int runs = 0;
        try {
            long deadline = System.nanoTime() + MAX_NANOS;
            Thread worker = Thread.currentThread();
            for (; runs < ITERATIONS && System.nanoTime() - deadline < 0; runs++) {
                AsyncCall cancelled = new AsyncCall(() -> null);
                cancelled.runningOn(worker);
                current = cancelled;
                spin(runs % 64);
                cancelled.runningOn(null);
                Thread.interrupted(); // as the thread offload does before the worker takes its next task

                AsyncCall next = new AsyncCall(() -> null); // never cancelled
                next.runningOn(worker);
                spin(64);
                if (Thread.interrupted()) {
                    stale++;
                }
                next.runningOn(null);
            }
        } finally {
            done.set(true);
            canceller.join(5_000);
            Thread.interrupted();
        }
        assertThat(stale).as("calls interrupted by the cancellation of an earlier call, in %d runs", runs).isZero();
    }

    private static void spin(int rounds) {
        for (int i = 0; i < rounds; i++) {
            Thread.onSpinWait();
        }
    }
}
