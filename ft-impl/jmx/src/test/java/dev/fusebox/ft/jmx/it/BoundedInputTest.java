package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fusebox.ft.configsource.OverridesConfigSource;
import dev.fusebox.ft.management.ActionResult;
import dev.fusebox.ft.management.AuditEntry;
import dev.fusebox.ft.management.BulkheadMXBean;
import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedAction;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * What operators send is bounded before it reaches an engine, the overrides file or the audit: a
 * parameter that sizes memory above its bound is refused with nothing written, and over-long or
 * malformed values, reasons and operator names are refused with a short message.
 */
@ExtendWith(ThreadHygiene.class)
class BoundedInputTest {

    @TempDir
    Path dir;

    private Container container;
    private CircuitBreakerMXBean charge;
    private BulkheadMXBean hold;
    private FaultToleranceMXBean registry;

    @BeforeEach
    void start() {
        container = Container.withSource(new OverridesConfigSource(dir.resolve("overrides.properties"), 600),
                Map.of("fusebox.management.application", "bounded"), Shop.Payments.class, Shop.Inventory.class);
        charge = MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Shop.Payments.class, "charge"),
                CircuitBreakerMXBean.class);
        hold = MBeans.proxy(MBeans.name(container, ManagementNames.BULKHEAD, Shop.Inventory.class, "hold"),
                BulkheadMXBean.class);
        registry = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class);
    }

    @AfterEach
    void stop() {
        container.close();
    }

    private String file() throws Exception {
        Path file = dir.resolve("overrides.properties");
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private AuditEntry lastAudit() {
        List<AuditEntry> log = registry.getAuditLog();
        return log.get(log.size() - 1);
    }

    @Test
    void aHugeRequestVolumeThresholdIsRefusedBeforeAnythingIsWrittenOrAllocated() throws Exception {
        ActionResult result = charge.configure("requestVolumeThreshold", "2147483647", "INC-11 typo");

        assertThat(result.succeeded()).as(result.message()).isFalse();
        assertThat(result.message()).contains("requestVolumeThreshold = 2147483647", "at most 10000");
        assertThat(file()).doesNotContain("requestVolumeThreshold");
        assertThat(charge.getConfiguration().requestVolumeThreshold()).isEqualTo(4);
        assertThat(charge.configure("requestVolumeThreshold", "10000", "INC-11 the bound").succeeded()).isTrue();
    }

    @Test
    void bulkheadSizesAboveTheirBoundsAreRefused() throws Exception {
        ActionResult value = hold.configure("value", "2147483647", "INC-11");
        assertThat(value.succeeded()).as(value.message()).isFalse();
        assertThat(value.message()).contains("value = 2147483647", "at most 10000");
        assertThat(file()).doesNotContain("Bulkhead/value");
        assertThat(hold.getLimit()).isEqualTo(2);
    }

    @Test
    void anOverLongValueIsRefusedWithAShortMessageAndAShortAuditEntry() throws Exception {
        String huge = "9".repeat(100_000);
        ActionResult result = charge.configure("delay", huge, "INC-11");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("at most 64 characters").hasSizeLessThan(300);
        assertThat(lastAudit().detail()).hasSizeLessThan(500);
        assertThat(file()).doesNotContain("delay");
    }

    @Test
    void anOverLongReasonIsRefusedAndNothingIsForced() {
        Throwable refused = catchThrowable(() -> charge.forceOpen("x".repeat(100_000), ""));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 500 characters");
        assertThat(refused.getMessage()).hasSizeLessThan(300);
        assertThat(charge.isForced()).isFalse();
        assertThat(lastAudit().reason()).hasSizeLessThan(600);
    }

    @Test
    void aReasonWithControlCharactersIsRefused() {
        Throwable refused = catchThrowable(() -> charge.forceOpen("INC-11\u0000\u001b[2J", ""));

        assertThat(refused).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control character");
        assertThat(charge.isForced()).isFalse();
    }

    @Test
    void anOperatorNameThatCannotBeWrittenBackIsRefused() throws Exception {
        // '|' separates the fields of a kept forcing: "eve|admin" would read back as by=eve
        Throwable refused = as("eve|admin", () -> charge.forceOpen("INC-11", ""));
        assertThat(refused).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator name").hasMessageContaining("eve|admin");
        assertThat(charge.isForced()).isFalse();

        Throwable tooLong = as("e".repeat(10_000), () -> charge.forceOpen("INC-11", ""));
        assertThat(tooLong).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 128");
        assertThat(tooLong.getMessage()).hasSizeLessThan(400);
        assertThat(lastAudit().principal()).hasSizeLessThan(200);
        assertThat(file()).doesNotContain("fusebox.forced/");

        assertThat(as("alice.ops@example-corp", () -> charge.forceOpen("INC-11", ""))).isNull();
        assertThat(charge.getForcing().by()).isEqualTo("alice.ops@example-corp");
    }

    /** Runs {@code action} as the JMX client {@code login}; what it threw, or null. */
    @SuppressWarnings("removal")
    private static Throwable as(String login, Supplier<?> action) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new JMXPrincipal(login));
        return catchThrowable(() -> Subject.doAs(subject, (PrivilegedAction<Object>) action::get));
    }
}
