package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.BulkheadMXBean;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.CircuitBreakerSettings;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.management.RetryMXBean;
import dev.fusebox.ft.management.RetrySettings;
import dev.fusebox.ft.management.TimeoutMXBean;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A scripted sequence of calls, and the exact totals the MXBeans then show. */
@ExtendWith(ThreadHygiene.class)
class CountersTest {

    @Test
    void theMXBeansCountExactlyWhatHappened() throws Exception {
        try (Container container = Container.start(Map.of("fusebox.management.application", "counters"),
                Shop.Payments.class, Shop.Inventory.class)) {
            Shop.Payments payments = container.bean(Shop.Payments.class);
            Shop.Inventory inventory = container.bean(Shop.Inventory.class);
            CircuitBreakerMXBean charge = MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER,
                    Shop.Payments.class, "charge"), CircuitBreakerMXBean.class);
            RetryMXBean retry = MBeans.proxy(MBeans.name(container, ManagementNames.RETRY, Shop.Inventory.class, "lookup"),
                    RetryMXBean.class);
            TimeoutMXBean timeout = MBeans.proxy(MBeans.name(container, ManagementNames.TIMEOUT, Shop.Inventory.class,
                    "lookup"), TimeoutMXBean.class);
            BulkheadMXBean bulkhead = MBeans.proxy(MBeans.name(container, ManagementNames.BULKHEAD, Shop.Inventory.class,
                    "hold"), BulkheadMXBean.class);

            assertThat(charge.getConfiguration()).isEqualTo(new CircuitBreakerSettings(4, 0.5, 60_000, 1));
            assertThat(retry.getConfiguration()).isEqualTo(new RetrySettings(2, 0, 180_000, 0));
            assertThat(timeout.getTimeoutMillis()).isEqualTo(5_000);
            assertThat(bulkhead.getLimit()).isEqualTo(2);
            assertThat(bulkhead.getQueueSize()).isZero();

            // breaker: S S F (window SSF) ...
            payments.charge(false);
            payments.charge(false);
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
            assertThat(charge.getWindow()).isEqualTo("SSF");
            assertThat(charge.getWindowRecorded()).isEqualTo(3);
            assertThat(charge.getWindowFailures()).isEqualTo(1);
            assertThat(charge.getFailureRatio()).isEqualTo(1.0 / 3);
            // ... F opens it, then 3 rejections
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> payments.charge(false)).isInstanceOf(CircuitBreakerOpenException.class);
            }
            assertThat(charge.getState()).isEqualTo("OPEN");
            assertThat(charge.getWindowRecorded()).isZero();
            // forced closed: 2 failures go through and do not open it, nor count as an opening
            charge.forceClosed("counting drill", "");
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);

            assertThat(charge.getCalls()).isEqualTo(9);
            assertThat(charge.getSuccesses()).isEqualTo(2);
            assertThat(charge.getFailures()).isEqualTo(4);
            assertThat(charge.getRejections()).isEqualTo(3);
            assertThat(charge.getTimesOpened()).isEqualTo(1);
            assertThat(charge.getState()).isEqualTo("CLOSED");
            assertThat(charge.getWindow()).isEqualTo("FF");
            assertThat(charge.getTransitions()).extracting(t -> t.from() + ">" + t.to())
                    .containsExactly("CLOSED>OPEN", "OPEN>CLOSED");

            // retry: first time, after one retry, and giving up after two
            inventory.newCall();
            assertThat(inventory.lookup(0)).isEqualTo("in stock");
            inventory.newCall();
            assertThat(inventory.lookup(1)).isEqualTo("in stock");
            inventory.newCall();
            assertThatThrownBy(() -> inventory.lookup(3)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("attempt 3 failed");
            assertThat(retry.getRetries()).isEqualTo(3);
            assertThat(retry.getSucceededNotRetried()).isEqualTo(1);
            assertThat(retry.getSucceededRetried()).isEqualTo(1);
            assertThat(retry.getFailed()).isEqualTo(1);
            // every attempt (1 + 2 + 3) is timed on its own, none ran out
            assertThat(timeout.getInTime()).isEqualTo(6);
            assertThat(timeout.getTimedOut()).isZero();

            CountDownLatch open = new CountDownLatch(0);
            assertThat(inventory.hold(new CountDownLatch(1), open)).isEqualTo("held");
            assertThat(bulkhead.getAccepted()).isEqualTo(1);
            assertThat(bulkhead.getRejected()).isZero();
            assertThat(bulkhead.getRunning()).isZero();
            assertThat(bulkhead.isSaturated()).isFalse();
        }
    }
}
