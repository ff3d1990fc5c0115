package dev.fusebox.ft.management;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.management.ManagementFactory;
import java.util.List;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ApiRulesTest {

    @Test
    void dependsOnTheJdkAlone() {
        JavaClasses api = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.fusebox.ft.management");
        assertThat(api).isNotEmpty();
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java..", "javax.management..",
                "dev.fusebox.ft.management..").check(api);
    }

    @Test
    void everyInterfaceIsAValidMXBean() {
        for (Class<?> type : List.of(FaultToleranceMXBean.class, CircuitBreakerMXBean.class, BulkheadMXBean.class,
                RetryMXBean.class, TimeoutMXBean.class, RateLimitMXBean.class)) {
            assertThat(JMX.isMXBeanInterface(type)).as(type.getSimpleName()).isTrue();
            // a proxy is built only for an interface whose types all map to open types
            JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(), ManagementNames.registry("x"), type);
        }
    }

    @Test
    void namesQuoteReservedCharactersAndReadBack() throws Exception {
        ObjectName plain = ManagementNames.of(ManagementNames.CIRCUIT_BREAKER, "shop", "com.example.Payments", "charge");
        assertThat(plain.getKeyProperty("method")).isEqualTo("charge");
        assertThat(plain.getKeyProperty("type")).isEqualTo("CircuitBreaker");
        ObjectName overloaded = ManagementNames.of(ManagementNames.BULKHEAD, "shop", "com.example.Payments",
                "charge(int,java.lang.String)");
        assertThat(ManagementNames.raw(overloaded.getKeyProperty("method"))).isEqualTo("charge(int,java.lang.String)");
        assertThat(ManagementNames.all(ManagementNames.CIRCUIT_BREAKER).apply(plain)).isTrue();
        assertThat(ManagementNames.all(ManagementNames.CIRCUIT_BREAKER).apply(overloaded)).isFalse();
        assertThat(ManagementNames.registry("my app, v2").getKeyProperty("application")).startsWith("\"");
    }
}
