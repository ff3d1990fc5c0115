package dev.fusebox.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.samples.demo.InventoryClient.StockLevel;
import dev.fusebox.samples.demo.PaymentsClient.Receipt;
import dev.fusebox.samples.demo.RecommendationsClient.Recommendations;
import java.net.ConnectException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three clients in a real shop (Weld SE, Fusebox, its management on free ports) under each
 * fault: each reacts as its annotations promise. After each test faults are healed and breakers
 * reset, so the tests do not depend on each other.
 */
class ClientsUnderFaultsTest {

    @TempDir
    static Path home;
    private static ShopInstance shop;
    private static Dependencies faults;

    @BeforeAll
    static void start() {
        DemoHome prepared = DemoHome.prepare(home, false);
        shop = ShopInstance.start(new ShopSettings("clients-test", 0, 0, prepared.credentialsFile(),
                prepared.overridesFile()));
        faults = shop.dependencies();
    }

    @AfterAll
    static void stop() {
        if (shop != null) {
            shop.close();
        }
    }

    @AfterEach
    void healAndReset() {
        faults.all().forEach(FaultInjector::heal);
        shop.operations().circuitBreakers().forEach(shop.operations()::reset);
    }

    @Test
    void healthyDependenciesAnswer() throws Exception {
        assertThat(shop.inventory().stockLevel("lamp").cached()).isFalse();
        assertThat(shop.payments().charge("o-1", 100).id()).startsWith("R-");
        Recommendations shown = recommendations("lamp");
        assertThat(shown.fallback()).isFalse();
        assertThat(shown.articles()).isNotEmpty();
    }

    @Test
    void underAnOutageInventoryFallsBackPaymentsFailsRecommendationsAreEmpty() throws Exception {
        int known = shop.inventory().stockLevel("desk").units();
        faults.all().forEach(injector -> injector.setOutage(true));

        StockLevel stock = shop.inventory().stockLevel("desk");
        assertThat(stock.cached()).as("the cached stock level").isTrue();
        assertThat(stock.units()).isEqualTo(known);
        assertThatThrownBy(() -> shop.payments().charge("o-2", 100)).isInstanceOf(ConnectException.class);
        Recommendations shown = recommendations("desk");
        assertThat(shown.fallback()).isTrue();
        assertThat(shown.articles()).isEmpty();
    }

    @Test
    void errorsAreRetriedByInventoryOnly() throws Exception {
        FaultInjector inventory = faults.inventory();
        inventory.setErrorRate(1);
        long before = inventory.getCalls();
        assertThat(shop.inventory().stockLevel("mug").cached()).isTrue();
        assertThat(inventory.getCalls() - before).as("the call and its 2 retries").isEqualTo(3);

        inventory.setErrorRate(0.3);
        before = inventory.getCalls();
        int fresh = 0;
        for (int i = 0; i < 20; i++) {
            fresh += shop.inventory().stockLevel("mug").cached() ? 0 : 1;
        }
        assertThat(inventory.getCalls() - before).as("some calls retried").isGreaterThan(20);
        assertThat(fresh).as("retries turn most failures into answers (2.7 %% fail 3 times)").isGreaterThanOrEqualTo(15);

        FaultInjector payments = faults.payments();
        payments.setErrorRate(1);
        before = payments.getCalls();
        assertThatThrownBy(() -> shop.payments().charge("o-3", 100)).isInstanceOf(java.io.IOException.class);
        assertThat(payments.getCalls() - before).as("payments has no retry").isEqualTo(1);
    }

    @Test
    void latencyBeyondTheTimeoutIsATimeout() throws Exception {
        faults.all().forEach(injector -> injector.setLatencyMillis(900));
        long start = System.nanoTime();
        assertThatThrownBy(() -> shop.payments().charge("o-4", 100)).isInstanceOf(TimeoutException.class);
        assertThat(millisSince(start)).as("payments' 500 ms timeout, not the 900 ms latency").isBetween(400L, 2_000L);
        assertThat(shop.inventory().stockLevel("lamp").cached()).as("three timed-out attempts, then the cache").isTrue();
        assertThat(recommendations("lamp").fallback()).as("timed out after 400 ms").isTrue();
    }

    @Test
    void aHangIsCutShortByTheTimeout() throws Exception {
        faults.payments().setHang(true);
        long start = System.nanoTime();
        assertThatThrownBy(() -> shop.payments().charge("o-5", 100)).isInstanceOf(TimeoutException.class);
        assertThat(millisSince(start)).isBetween(400L, 2_000L);
        faults.recommendations().setHang(true);
        assertThat(recommendations("kettle").fallback()).isTrue();
    }

    @Test
    void aHangIsReleasedByHealing() throws Exception {
        faults.payments().setHang(true);
        CompletableFuture<Receipt> charge = CompletableFuture.supplyAsync(() -> {
            try {
                return shop.payments().charge("o-6", 100);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(charge).isNotDone();
        faults.payments().heal();
        // a receipt, not a TimeoutException: the heal released the call before its 500 ms timeout
        assertThat(charge.get(2, TimeUnit.SECONDS).order()).isEqualTo("o-6");
    }

    @Test
    void repeatedPaymentFailuresOpenTheCircuit() {
        faults.payments().setOutage(true);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> shop.payments().charge("o-7", 100)).isInstanceOf(ConnectException.class);
        }
        long before = faults.payments().getCalls();
        assertThatThrownBy(() -> shop.payments().charge("o-8", 100)).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(faults.payments().getCalls()).as("the open circuit keeps calls away").isEqualTo(before);
        assertThat(shop.breakerStates()).containsEntry(Dependencies.PAYMENTS, "OPEN");
    }

    private static Recommendations recommendations(String article) throws Exception {
        return shop.recommendations().alsoBought(article).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private static long millisSince(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
