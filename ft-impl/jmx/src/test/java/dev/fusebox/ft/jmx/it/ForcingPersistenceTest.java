package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.configsource.OverridesFile;
import dev.fusebox.ft.jmx.ForcedStateStore;
import dev.fusebox.ft.jmx.PersistedForcing;
import dev.fusebox.ft.jmx.overrides.ForcedStatesFile;
import dev.fusebox.ft.configsource.OverridesConfigSource;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceOperations;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The overrides file ends equal to the breakers whatever order the writes of racing actions would
 * land in, and no call path writes it. The store below is the real {@link ForcedStatesFile} behind
 * a seam that holds one chosen write until the test lets it go, so a race that is rare in
 * production happens every run.
 */
@ExtendWith(ThreadHygiene.class)
class ForcingPersistenceTest {

    private static final String CHARGE = Shop.Payments.class.getName() + "#charge";

    /** The real file store; holds the first write that {@link #hold} matches until {@link #letGo}. */
    @ApplicationScoped
    public static class HeldFileStore implements ForcedStateStore {
        static volatile Path path;
        static volatile Predicate<PersistedForcing> hold = forcing -> false;
        static volatile CountDownLatch held = new CountDownLatch(1);
        static volatile CountDownLatch letGo = new CountDownLatch(1);
        static final List<Thread> writers = new CopyOnWriteArrayList<>();

        private ForcedStatesFile file() {
            return new ForcedStatesFile(OverridesFile.open(path));
        }

        @Override
        public void changed(String breaker, PersistedForcing forcing) {
            writers.add(Thread.currentThread());
            Predicate<PersistedForcing> matching = hold;
            if (matching.test(forcing)) {
                hold = f -> false;
                held.countDown();
                try {
                    if (!letGo.await(10, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("the test never let the held write go");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            file().changed(breaker, forcing);
        }

        @Override
        public Map<String, PersistedForcing> load() {
            return file().load();
        }

        static void reset(Path file) {
            path = file;
            hold = forcing -> false;
            held = new CountDownLatch(1);
            letGo = new CountDownLatch(1);
            writers.clear();
        }
    }

    @TempDir
    Path dir;

    @AfterEach
    void letEverythingGo() {
        HeldFileStore.letGo.countDown();
    }

    private Path file() {
        return dir.resolve("overrides.properties");
    }

    private Container start(Map<String, String> properties) {
        return Container.withSource(new OverridesConfigSource(file(), 600), properties, Shop.Payments.class, HeldFileStore.class);
    }

    private static CircuitBreakerMXBean charge(Container container) {
        return MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Shop.Payments.class, "charge"),
                CircuitBreakerMXBean.class);
    }

    private String forcingLine() throws Exception {
        return Files.readAllLines(file()).stream().filter(line -> line.startsWith("fusebox.forced/")).findFirst()
                .orElse(null);
    }

    /**
     * Operator 1 forces; its write is held; operator 2 releases and its write lands; then operator
     * 1's write lands. Memory says released, so the file must too, and the next start must not force.
     */
    @Test
    void aReleaseThatOvertakesTheForcingsWriteStillEndsInTheFile() throws Exception {
        HeldFileStore.reset(file());
        HeldFileStore.hold = forcing -> forcing != null;
        try (Container first = start(Map.of("fusebox.management.application", "persist-release"))) {
            CircuitBreakerMXBean breaker = charge(first);
            Thread operator1 = new Thread(() -> breaker.forceOpen("INC-1 outage", ""), "operator-1");
            operator1.start();
            assertThat(HeldFileStore.held.await(10, TimeUnit.SECONDS)).as("operator 1's write is held").isTrue();

            assertThat(breaker.release().succeeded()).isTrue();
            HeldFileStore.letGo.countDown();
            operator1.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(breaker.isForced()).as("memory").isFalse();
        }
        assertThat(forcingLine()).as("the file after the container stopped").isNull();
        try (Container second = start(Map.of("fusebox.management.application", "persist-release-2"))) {
            assertThat(charge(second).isForced()).as("forced after the restart").isFalse();
        }
    }

    /**
     * A forcing runs out and the removal's write is held; an operator forces again meanwhile and
     * that write lands first. Memory says forced closed by the new operator, so the file must too.
     */
    @Test
    void anExpiryThatOvertakesANewForcingsWriteDoesNotEraseIt() throws Exception {
        HeldFileStore.reset(file());
        try (Container first = start(Map.of("fusebox.management.application", "persist-expiry"))) {
            CircuitBreakerMXBean breaker = charge(first);
            HeldFileStore.hold = forcing -> forcing == null;
            assertThat(breaker.forceOpen("short drill", "PT0.2S").succeeded()).isTrue();
            // the management thread notices the expiry within its sampling period
            assertThat(HeldFileStore.held.await(10, TimeUnit.SECONDS)).as("the expiry's write is held").isTrue();

            assertThat(breaker.forceClosed("INC-2 migration", "").succeeded()).isTrue();
            HeldFileStore.letGo.countDown();
            assertThat(breaker.getForcing().reason()).as("memory").isEqualTo("INC-2 migration");
        }
        assertThat(forcingLine()).as("the file after the container stopped")
                .startsWith("fusebox.forced/" + CHARGE + "=CLOSED|").endsWith("|local|INC-2 migration");
        try (Container second = start(Map.of("fusebox.management.application", "persist-expiry-2"))) {
            assertThat(charge(second).getForcing()).as("after the restart").isNotNull();
            assertThat(charge(second).getForcing().reason()).isEqualTo("INC-2 migration");
            assertThat(charge(second).getState()).isEqualTo("CLOSED");
        }
    }

    /** A business call that notices a forcing ran out does no file I/O: the write happens on another thread. */
    @Test
    void aCallThatNoticesAnExpiryDoesNotWriteTheFile() throws Exception {
        HeldFileStore.reset(file());
        // without management's sampling thread, only a call can notice the expiry
        try (Container container = start(Map.of("fusebox.management.enabled", "false"))) {
            FaultToleranceOperations operations = container.bean(FaultToleranceOperations.class);
            Shop.Payments payments = container.bean(Shop.Payments.class);
            long forcedAt = System.nanoTime();
            assertThat(operations.forceOpen(CHARGE, "short drill", Duration.ofSeconds(1)).succeeded()).isTrue();
            Await.until("the forcing was written", () -> forcingLineOrNull() != null);
            HeldFileStore.writers.clear();
            Await.until("the forcing's expiry has passed",
                    () -> System.nanoTime() - forcedAt > TimeUnit.MILLISECONDS.toNanos(1_050));

            assertThat(payments.charge(false)).as("the call that notices the expiry").isEqualTo("charged");
            Await.until("the expiry reached the file", () -> forcingLineOrNull() == null);
            assertThat(HeldFileStore.writers).as("threads that wrote the expiry").isNotEmpty()
                    .doesNotContain(Thread.currentThread());
        }
    }

    private String forcingLineOrNull() {
        try {
            return Files.exists(file()) ? forcingLine() : null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
