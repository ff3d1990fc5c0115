package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.configsource.OverridesConfigSource;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Management with the operator overrides file: forcings survive a container restart, parameter
 * changes through the MXBeans are written there and applied live.
 */
@ExtendWith(ThreadHygiene.class)
class OverridesFileTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("overrides.properties");
    }

    private static CircuitBreakerMXBean charge(Container container) {
        return MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Shop.Payments.class, "charge"),
                CircuitBreakerMXBean.class);
    }

    @Test
    void aForcedOpenBreakerIsStillOpenAfterARestartUntilReleased() throws Exception {
        try (Container first = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            ActionResult forced = charge(first).forceOpen("INC-7 payments provider down", "");
            assertThat(forced.succeeded()).as(forced.message()).isTrue();
        }
        assertThat(Files.readString(file())).containsPattern(java.util.regex.Pattern.quote("fusebox.forced/" + Shop.Payments.class.getName()
                + "#charge") + "=OPEN\\|since=\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\|never\\|local\\|INC-7 payments provider down\n");

        try (Container second = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            CircuitBreakerMXBean breaker = charge(second);
            assertThat(breaker.getState()).isEqualTo("OPEN");
            assertThat(breaker.getForcing().by()).isEqualTo("local");
            assertThat(breaker.getForcing().reason()).isEqualTo("INC-7 payments provider down");
            Shop.Payments payments = second.bean(Shop.Payments.class);
            for (int i = 0; i < 100; i++) {
                assertThatThrownBy(() -> payments.charge(false)).isInstanceOf(CircuitBreakerOpenException.class);
            }
            assertThat(payments.invocations()).isZero();
            assertThat(breaker.release().succeeded()).isTrue();
        }
        assertThat(Files.readString(file())).doesNotContain("fusebox.forced/");

        try (Container third = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            assertThat(charge(third).getState()).isEqualTo("CLOSED");
            assertThat(charge(third).isForced()).isFalse();
        }
    }

    /** A restart does not count as the moment of forcing: the operator forced it before. */
    @Test
    void aRestoredForcingKeepsTheMomentItWasForced() throws Exception {
        long since;
        try (Container first = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            assertThat(charge(first).forceOpen("INC-8 provider down", "PT1H").succeeded()).isTrue();
            since = charge(first).getForcing().sinceEpochMillis();
        }
        dev.fusebox.ft.testing.Await.until("the wall clock moved past the forcing",
                () -> System.currentTimeMillis() > since + 20);
        try (Container second = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            assertThat(charge(second).getForcing()).as("restored").isNotNull();
            assertThat(charge(second).getForcing().sinceEpochMillis()).as("since, after the restart").isEqualTo(since);
        }
    }

    /** A hand edit cannot slip an operator name into the audit that no login could have. */
    @Test
    void aKeptForcingWhoseOperatorNameIsInvalidIsNotRestored() throws Exception {
        Files.writeString(file(), "fusebox.forced/" + Shop.Payments.class.getName()
                + "#charge=OPEN|never|root (via console)|INC-9\n");
        try (Container container = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            assertThat(charge(container).isForced()).isFalse();
            FaultToleranceMXBean registry = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class);
            assertThat(registry.getAuditLog()).anySatisfy(entry -> {
                assertThat(entry.action()).isEqualTo("restore");
                assertThat(entry.succeeded()).isFalse();
                assertThat(entry.detail()).startsWith("kept forcing not restored: the operator name 'root (via console)'"
                        + " has the space character U+0020 at position 5");
            });
        }
    }

    /** Every viewer downloads OverridesStatus: a 5 MB one-line file must not make it 5 MB. */
    @Test
    void aFiveMegabyteFileKeepsTheLastGoodConfigurationAndAShortStatus() throws Exception {
        Files.writeString(file(), Shop.Payments.class.getName() + "/charge/CircuitBreaker/failureRatio=0.25\n");
        try (Container container = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            FaultToleranceMXBean registry = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class);
            assertThat(charge(container).getConfiguration().failureRatio()).isEqualTo(0.25);

            Path huge = Files.writeString(dir.resolve("huge.tmp"), "x".repeat(5 * 1024 * 1024));
            Files.move(huge, file(), java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            dev.fusebox.ft.testing.Await.until("the file's problem is reported",
                    () -> registry.getOverridesStatus().startsWith("PROBLEM"));

            assertThat(registry.getOverridesStatus()).contains("the file is 5242880 bytes, more than the limit of"
                    + " 1048576 bytes; keeping the configuration loaded at").hasSizeLessThan(2_500);
            assertThat(charge(container).getConfiguration().failureRatio()).as("last good").isEqualTo(0.25);
        }
    }

    @Test
    void aForcingThatRanOutWhileStoppedIsNotPutBack() throws Exception {
        try (Container first = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            assertThat(charge(first).forceOpen("short maintenance", "PT0.2S").succeeded()).isTrue();
            first.close();
        }
        Thread.sleep(Duration.ofMillis(400).toMillis()); // the forcing runs out while no container runs
        try (Container second = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            assertThat(charge(second).getState()).isEqualTo("CLOSED");
            assertThat(second.bean(Shop.Payments.class).charge(false)).isEqualTo("charged");
        }
    }

    @Test
    void aParameterChangedThroughTheMXBeanIsWrittenAndGovernsTheRunningBreaker() throws Exception {
        try (Container container = Container.withSource(new OverridesConfigSource(file(), 600), Map.of(), Shop.Payments.class)) {
            CircuitBreakerMXBean breaker = charge(container);
            Shop.Payments payments = container.bean(Shop.Payments.class);
            payments.charge(false);
            payments.charge(false);
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
            assertThat(breaker.getWindow()).isEqualTo("SSF");

            ActionResult changed = breaker.configure("failureRatio", "0.25", "INC-9 open sooner");
            assertThat(changed.succeeded()).as(changed.message()).isTrue();
            assertThat(breaker.getConfiguration().failureRatio()).isEqualTo(0.25);
            assertThat(breaker.getWindow()).as("window intact").isEqualTo("SSF");
            payments.charge(false); // S S F S: 1 of 4 reaches 0.25
            assertThat(breaker.getState()).isEqualTo("OPEN");

            ActionResult refused = breaker.configure("failureRatio", "2", "typo");
            assertThat(refused.succeeded()).isFalse();
            assertThat(refused.message()).contains("failureRatio").contains("2");
            assertThat(breaker.getConfiguration().failureRatio()).isEqualTo(0.25);

            FaultToleranceMXBean registry = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class);
            assertThat(registry.getOverridesStatus()).startsWith("in use and healthy");
            List<AuditEntry> audit = registry.getAuditLog();
            assertThat(audit).extracting(AuditEntry::action, AuditEntry::principal, AuditEntry::succeeded,
                    AuditEntry::reason).contains(
                    org.assertj.core.groups.Tuple.tuple("configure", "local", true, "INC-9 open sooner"),
                    org.assertj.core.groups.Tuple.tuple("configure", "local", false, "typo"));
        }
        assertThat(Files.readString(file()))
                .contains(Shop.Payments.class.getName() + "/charge/CircuitBreaker/failureRatio=0.25");
    }
}
