package dev.fusebox.ft.cdi.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.fusebox.ft.core.async.ThreadOffload;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.Rejections;
import dev.fusebox.ft.core.metrics.MethodMetrics;
import dev.fusebox.ft.core.time.Scheduler;
import dev.fusebox.ft.core.time.Ticker;
import dev.fusebox.ft.core.timeout.AsyncTimeoutStep;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 11 item 2: an asynchronous timeout fires on time however busy the pool is. A pool of two
 * threads runs two bodies that ignore interrupts and stay blocked until the test lets them go;
 * both calls' 100 ms timeouts must still fail their stages and interrupt the bodies, while the
 * bodies hold both threads. The chain is the one {@code ChainAssembly} builds for an asynchronous
 * {@code @Timeout} method: the timeout step over the thread offload, both on this container's
 * {@link AsyncExecution}, as executor and as scheduler. The timeouts are handed to the
 * AsyncExecution only once both bodies run, so the test does not depend on how fast a thread
 * starts: the pool is full when the 100 ms begin.
 *
 * <p>Failed on e03a9a1, where a due timeout's action was queued on the pool behind the bodies it
 * was to interrupt: both stages were still pending after the 10 s patience.
 */
@ExtendWith(ThreadHygiene.class)
class AsyncTimeoutOnFullPoolTest {

    private static final long TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private Container container;
    private AsyncExecution threads;

    @BeforeEach
    void start() {
        container = Container.start(Anything.class);
        threads = new AsyncExecution(2, container.beanManager());
    }

    @AfterEach
    void stop() {
        threads.shutdown(5_000);
        container.close();
    }

    /** A container starts only with some bean; the test needs its BeanManager alone. */
    @jakarta.enterprise.context.Dependent
    static class Anything {
    }

    @Test
    void timeoutsFailTheStagesAndInterruptTheBodiesWhileTheBodiesHoldEveryThread() throws Exception {
        HeldTimers timers = new HeldTimers(threads);
        AsyncTimeoutStep step = new AsyncTimeoutStep(new ThreadOffload(threads, false), "blocked", TIMEOUT_NANOS,
                timers, Rejections.plain(), Ticker.system(), MethodMetrics.NONE);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch bothInterrupted = new CountDownLatch(2);
        List<CompletableFuture<Object>> stages = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                stages.add(step.call(new AsyncCall(() -> {
                    bothRunning.countDown();
                    return holdIgnoringInterrupts(release, bothInterrupted);
                })).toCompletableFuture());
            }
            assertThat(bothRunning.await(10, TimeUnit.SECONDS)).as("both bodies hold a thread").isTrue();
            timers.scheduleHeld();
            for (int i = 0; i < stages.size(); i++) {
                assertThat(failureOf(stages.get(i), i)).hasMessage("timed out after 100000000 ns: blocked");
            }
            assertThat(bothInterrupted.await(10, TimeUnit.SECONDS)).as("both bodies were interrupted").isTrue();
            assertThat(release.getCount()).as("all of it while the bodies still held both threads").isOne();
        } finally {
            release.countDown();
        }
    }

    /** A scheduler that holds what it is given until {@link #scheduleHeld}, then schedules it on the real one. */
    private static final class HeldTimers implements Scheduler {
        private final Scheduler real;
        private final List<Runnable> held = new ArrayList<>();

        HeldTimers(Scheduler real) {
            this.real = real;
        }

        @Override
        public synchronized Scheduled schedule(Runnable task, long delayNanos) {
            Scheduled[] scheduled = new Scheduled[1];
            held.add(() -> scheduled[0] = real.schedule(task, delayNanos));
            return () -> {
                synchronized (this) {
                    if (scheduled[0] != null) {
                        scheduled[0].cancel();
                    }
                }
            };
        }

        synchronized void scheduleHeld() {
            held.forEach(Runnable::run);
            held.clear();
        }
    }

    /** How call {@code index} failed; fails the test if it returned or is still pending after 10 s. */
    private static Throwable failureOf(CompletableFuture<Object> stage, int index) throws InterruptedException {
        try {
            return fail("call " + index + " returned " + stage.get(10, TimeUnit.SECONDS));
        } catch (ExecutionException failed) {
            return failed.getCause();
        } catch (java.util.concurrent.TimeoutException pending) {
            return fail("call " + index + " still pending after 10 s, its body holding a thread of the full pool");
        }
    }

    /** Waits for {@code release} (at most 30 s), counting the first interrupt and going on waiting. */
    private static String holdIgnoringInterrupts(CountDownLatch release, CountDownLatch interrupted) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        boolean counted = false;
        while (release.getCount() > 0 && System.nanoTime() - deadline < 0) {
            try {
                release.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                if (!counted) {
                    interrupted.countDown();
                    counted = true;
                }
            }
        }
        return "released";
    }
}
