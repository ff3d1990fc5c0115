package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.management.BulkheadMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.GuardedMethodInfo;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.management.AttributeChangeNotification;
import javax.management.ObjectName;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The bulkhead of an asynchronous method is saturated when its slots and its queue are full. */
@ExtendWith(ThreadHygiene.class)
class AsyncBulkheadTest {

    @Test
    void slotsAndQueueFullIsSaturation() throws Exception {
        try (Container container = Container.start(Map.of("fusebox.management.application", "async-bulkhead"),
                Shop.Warehouse.class)) {
            ObjectName name = MBeans.name(container, ManagementNames.BULKHEAD, Shop.Warehouse.class, "ship");
            List<AttributeChangeNotification> received = new CopyOnWriteArrayList<>();
            MBeans.SERVER.addNotificationListener(name,
                    (notification, handback) -> received.add((AttributeChangeNotification) notification), null, null);
            BulkheadMXBean ship = MBeans.proxy(name, BulkheadMXBean.class);
            GuardedMethodInfo info = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class)
                    .getGuardedMethods().get(0);
            assertThat(info.asynchronous()).isTrue();
            assertThat(info.policies()).containsExactly("Bulkhead", "Asynchronous");
            assertThat(ship.getLimit()).isEqualTo(1);
            assertThat(ship.getQueueSize()).isEqualTo(1);

            Shop.Warehouse warehouse = container.bean(Shop.Warehouse.class);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            try {
                CompletionStage<String> running = warehouse.ship(started, release);
                assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
                assertThat(ship.isSaturated()).as("a free queue place is not saturation").isFalse();
                CompletionStage<String> queued = warehouse.ship(new CountDownLatch(1), release);
                Await.until("the second call waits in the queue", () -> ship.getWaiting() == 1);
                assertThat(ship.getRunning()).isEqualTo(1);
                assertThat(ship.isSaturated()).isTrue();
                CompletionStage<String> refused = warehouse.ship(new CountDownLatch(1), release);
                ExecutionException failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                        () -> refused.toCompletableFuture().get(5, TimeUnit.SECONDS), ExecutionException.class);
                assertThat(failure).hasCauseInstanceOf(BulkheadException.class);

                Await.until("saturation is announced", () -> received.size() == 1);
                assertThat(received.get(0).getNewValue()).isEqualTo(true);
                assertThat(received.get(0).getMessage()).contains("1 running of 1, 1 waiting of 1");

                release.countDown();
                assertThat(running.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("shipped");
                assertThat(queued.toCompletableFuture().get(5, TimeUnit.SECONDS)).isEqualTo("shipped");
                Await.until("the end of saturation is announced", () -> received.size() == 2);
                assertThat(received.get(1).getNewValue()).isEqualTo(false);
                assertThat(ship.getAccepted()).isEqualTo(2);
                assertThat(ship.getRejected()).isEqualTo(1);
            } finally {
                release.countDown();
            }
        }
    }
}
