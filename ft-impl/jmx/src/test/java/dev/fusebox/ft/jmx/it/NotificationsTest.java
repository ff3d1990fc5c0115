package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.BulkheadMXBean;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.management.AttributeChangeNotification;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Listeners added through the MBeanServer hear of breaker transitions and bulkhead saturation. */
@ExtendWith(ThreadHygiene.class)
class NotificationsTest {

    private Container container;
    private ObjectName chargeName;
    private final List<AttributeChangeNotification> received = new CopyOnWriteArrayList<>();
    private final NotificationListener listener = (notification, handback) -> collect(notification);

    private void collect(Notification notification) {
        received.add((AttributeChangeNotification) notification);
    }

    @BeforeEach
    void start() throws Exception {
        container = Container.start(Map.of("fusebox.management.application", "notifications"), Shop.Payments.class,
                Shop.Inventory.class);
        chargeName = MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Shop.Payments.class, "charge");
    }

    @AfterEach
    void stop() {
        container.close();
    }

    @Test
    void theNotificationTypesAreDescribed() throws Exception {
        MBeanNotificationInfo[] info = MBeans.SERVER.getMBeanInfo(chargeName).getNotifications();
        assertThat(info).hasSize(1);
        assertThat(info[0].getNotifTypes()).containsExactly(AttributeChangeNotification.ATTRIBUTE_CHANGE);
        assertThat(info[0].getName()).isEqualTo(AttributeChangeNotification.class.getName());
    }

    @Test
    void aTransitionIsAnnouncedWithinASecondWithItsCause() throws Exception {
        MBeans.SERVER.addNotificationListener(chargeName, listener, null, null);
        Shop.Payments payments = container.bean(Shop.Payments.class);
        payments.charge(false);
        payments.charge(false);
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (received.isEmpty() && System.nanoTime() - deadline < 0) {
            Thread.sleep(5);
        }
        assertThat(received).as("a notification within 1 s").hasSize(1);
        AttributeChangeNotification opened = received.get(0);
        assertThat(opened.getSource()).isEqualTo(chargeName);
        assertThat(opened.getType()).isEqualTo(AttributeChangeNotification.ATTRIBUTE_CHANGE);
        assertThat(opened.getAttributeName()).isEqualTo("State");
        assertThat(opened.getOldValue()).isEqualTo("CLOSED");
        assertThat(opened.getNewValue()).isEqualTo("OPEN");
        assertThat(opened.getMessage()).isEqualTo("failure ratio 0.50 >= 0.50 over 4 calls; last failure"
                + " java.lang.IllegalStateException: payment service down");
        assertThat(opened.getUserData()).isNull();

        MBeans.proxy(chargeName, CircuitBreakerMXBean.class).forceClosed("hotfix deployed", "");
        Await.until("the forcing is announced", () -> received.size() == 2);
        assertThat(received.get(1).getMessage()).isEqualTo("forced closed by local: hotfix deployed");
        assertThat(received.get(1).getOldValue()).isEqualTo("OPEN");
        assertThat(received.get(1).getNewValue()).isEqualTo("CLOSED");
        assertThat(received.get(1).getUserData()).isEqualTo("local");
    }

    @Test
    void aBurstOfTransitionsIsCoalescedAndEndsWithTheLatestState() throws Exception {
        MBeans.SERVER.addNotificationListener(chargeName, listener, null, null);
        CircuitBreakerMXBean charge = MBeans.proxy(chargeName, CircuitBreakerMXBean.class);

        long start = System.nanoTime();
        for (int i = 0; i < 25; i++) {
            charge.forceOpen("flap " + i, "");
            charge.forceClosed("flap " + i, "");
        }
        charge.forceOpen("final word", "");
        long burstMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        Await.until("the last notification carries the final state", () -> !received.isEmpty()
                && received.get(received.size() - 1).getNewValue().equals("OPEN")
                && received.get(received.size() - 1).getMessage().equals("forced open by local: final word"));
        Await.holdsFor(Duration.ofMillis(3 * CircuitBreakerMXBean.NOTIFICATION_INTERVAL_MILLIS),
                "no notification follows the last one", () -> received.get(received.size() - 1).getMessage()
                        .equals("forced open by local: final word"));
        // one at the start, then at most one per interval, plus the pending one at the end
        assertThat(received.size()).isLessThanOrEqualTo(2 + (int) (burstMillis
                / CircuitBreakerMXBean.NOTIFICATION_INTERVAL_MILLIS) + 1).isLessThan(51);
        for (int i = 1; i < received.size(); i++) {
            assertThat(received.get(i).getOldValue()).isEqualTo(received.get(i - 1).getNewValue());
            assertThat(received.get(i).getTimeStamp() - received.get(i - 1).getTimeStamp())
                    .isGreaterThanOrEqualTo(CircuitBreakerMXBean.NOTIFICATION_INTERVAL_MILLIS - 5);
        }
    }

    @Test
    void aBulkheadAnnouncesSaturationAndItsEnd() throws Exception {
        ObjectName holdName = MBeans.name(container, ManagementNames.BULKHEAD, Shop.Inventory.class, "hold");
        MBeans.SERVER.addNotificationListener(holdName, listener, null, null);
        BulkheadMXBean hold = MBeans.proxy(holdName, BulkheadMXBean.class);
        Shop.Inventory inventory = container.bean(Shop.Inventory.class);
        CountDownLatch entered = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(2, task -> new Thread(task, "test-bulkhead-caller"));
        try {
            Future<String> first = callers.submit(() -> inventory.hold(entered, release));
            Future<String> second = callers.submit(() -> inventory.hold(entered, release));
            assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(hold.isSaturated()).isTrue();
            assertThat(hold.getRunning()).isEqualTo(2);
            assertThatThrownBy(() -> inventory.hold(new CountDownLatch(1), release))
                    .isInstanceOf(BulkheadException.class);

            Await.until("saturation is announced", () -> received.size() == 1);
            assertThat(received.get(0).getAttributeName()).isEqualTo("Saturated");
            assertThat(received.get(0).getOldValue()).isEqualTo(false);
            assertThat(received.get(0).getNewValue()).isEqualTo(true);
            assertThat(received.get(0).getMessage()).contains("is saturated: 2 running of 2");

            release.countDown();
            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("held");
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo("held");
            Await.until("the end of saturation is announced", () -> received.size() == 2);
            assertThat(received.get(1).getNewValue()).isEqualTo(false);
            assertThat(hold.getAccepted()).isEqualTo(2);
            assertThat(hold.getRejected()).isEqualTo(1);
        } finally {
            release.countDown();
            callers.shutdownNow();
            assertThat(callers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        }
    }
}
