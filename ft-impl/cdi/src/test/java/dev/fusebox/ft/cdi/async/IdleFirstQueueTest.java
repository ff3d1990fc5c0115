package dev.fusebox.ft.cdi.async;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.testing.Await;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The async pool's queue: idle threads first, new threads while busy, queueing only at the maximum. */
class IdleFirstQueueTest {

    private final IdleFirstQueue queue = new IdleFirstQueue();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(1, 3, 30, TimeUnit.SECONDS, queue,
            task -> new Thread(task, "idle-first-test"), queue.whenBusy());

    @AfterEach
    void stop() throws InterruptedException {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void oneTaskAtATimeIsServedByOneThread() throws Exception {
        for (int i = 0; i < 50; i++) {
            CountDownLatch done = new CountDownLatch(1);
            pool.execute(done::countDown);
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            Await.until("the thread waits for work again", queue::hasWaitingConsumer);
        }
        assertThat(pool.getLargestPoolSize()).as("a plain pool with core = max would have started 3").isEqualTo(1);
    }

    @Test
    void growsWhileBusyAndQueuesOnlyAtTheMaximum() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        Runnable blocked = () -> {
            try {
                release.await();
                finished.incrementAndGet();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        for (int i = 0; i < 3; i++) {
            pool.execute(blocked);
        }
        Await.until("three threads busy", () -> pool.getActiveCount() == 3);
        assertThat(queue).isEmpty();
        for (int i = 0; i < 5; i++) {
            pool.execute(blocked);
        }
        assertThat(pool.getPoolSize()).isEqualTo(3);
        assertThat(queue).hasSize(5);
        release.countDown();
        Await.until("every task ran", () -> finished.get() == 8);
        assertThat(pool.getLargestPoolSize()).isEqualTo(3);
    }

    @Test
    void refusesTasksOnceShutDown() {
        pool.shutdown();
        assertThatThrownBy(() -> pool.execute(() -> { })).isInstanceOf(RejectedExecutionException.class)
                .hasMessageContaining("shutting down");
    }
}
