package dev.fusebox.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The injector alone: each fault does what it says, and nothing stays blocked. */
class FaultInjectorTest {

    private final FaultInjector injector = new FaultInjector("payments", 0);

    @Test
    void healthyCallsPass() throws Exception {
        injector.enact();
        assertThat(injector.getCalls()).isEqualTo(1);
        assertThat(injector.getInjectedFailures()).isZero();
        assertThat(injector.getStatus()).isEqualTo("healthy");
    }

    @Test
    void anOutageFailsEveryCallAtOnce() {
        injector.setOutage(true);
        long start = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(injector::enact).isInstanceOf(ConnectException.class).hasMessageContaining("payments");
        }
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
        assertThat(injector.getInjectedFailures()).isEqualTo(5);
        assertThat(injector.getStatus()).isEqualTo("OUTAGE");
    }

    @Test
    void theErrorRateDecidesTheShareOfFailures() throws Exception {
        injector.setErrorRate(1);
        assertThatThrownBy(injector::enact).isInstanceOf(IOException.class).isNotInstanceOf(ConnectException.class);
        injector.setErrorRate(0.5);
        int failed = 0;
        for (int i = 0; i < 2_000; i++) {
            try {
                injector.enact();
            } catch (IOException e) {
                failed++;
            }
        }
        assertThat(failed).isBetween(800, 1_200);
        assertThat(injector.getStatus()).isEqualTo("errors 50%");
    }

    @Test
    void latencyIsAddedWithJitter() throws Exception {
        injector.setLatencyMillis(100);
        long start = System.nanoTime();
        injector.enact();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(75L, 2_000L);
        assertThat(injector.getStatus()).isEqualTo("latency +100 ms");
    }

    @Test
    void aHangBlocksUntilLiftedOrHealed() throws Exception {
        injector.setHang(true);
        CompletableFuture<Void> first = CompletableFuture.runAsync(this::enactQuietly);
        Thread.sleep(100);
        assertThat(first).isNotDone();
        injector.setHang(false);
        first.get(2, TimeUnit.SECONDS);

        injector.setHang(true);
        CompletableFuture<Void> second = CompletableFuture.runAsync(this::enactQuietly);
        Thread.sleep(100);
        assertThat(second).isNotDone();
        injector.heal();
        second.get(2, TimeUnit.SECONDS);
        assertThat(injector.isHang()).isFalse();
    }

    @Test
    void aHungCallEndsWhenItsCallerIsInterrupted() throws Exception {
        injector.setHang(true);
        Thread caller = new Thread(this::enactQuietly);
        caller.start();
        Thread.sleep(50);
        caller.interrupt();
        caller.join(2_000);
        assertThat(caller.isAlive()).isFalse();
        assertThat(injector.getInjectedFailures()).isEqualTo(1);
    }

    @Test
    void closingReleasesHungCallsAndNeverBlocksAgain() throws Exception {
        injector.setHang(true);
        CompletableFuture<Void> hung = CompletableFuture.runAsync(this::enactQuietly);
        Thread.sleep(50);
        injector.close();
        hung.get(2, TimeUnit.SECONDS);
        injector.setHang(true);
        CompletableFuture.runAsync(this::enactQuietly).get(2, TimeUnit.SECONDS);
    }

    @Test
    void aShareOfCallsIsSlowAndHealingEndsIt() throws Exception {
        injector.setSlowMillis(40);
        injector.setSlowShare(0.25);
        assertThat(injector.getStatus()).isEqualTo("25.0% of calls +40 ms");
        int slow = 0;
        for (int i = 0; i < 200; i++) {
            long start = System.nanoTime();
            injector.enact();
            if (System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(40)) {
                slow++;
            }
        }
        // a fast call takes no sleep at all, so only a slow one reaches 40 ms; 50 expected
        assertThat(slow).isBetween(20, 90);
        injector.heal();
        assertThat(injector.getSlowShare()).isZero();
        assertThat(injector.getStatus()).isEqualTo("healthy");
    }

    @Test
    void refusesValuesOutOfRange() {
        assertThatThrownBy(() -> injector.setSlowShare(1.01)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> injector.setSlowMillis(60_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> injector.setErrorRate(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> injector.setErrorRate(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> injector.setLatencyMillis(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(injector.objectName().toString()).isEqualTo("dev.fusebox.samples:type=FaultInjector,dependency=payments");
    }

    private void enactQuietly() {
        try {
            injector.enact();
        } catch (IOException | InterruptedException e) {
            // the outcome is not what these tests look at
        }
    }

}
