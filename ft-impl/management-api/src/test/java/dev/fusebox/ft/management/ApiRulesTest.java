package dev.fusebox.ft.management;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.List;
import javax.management.JMX;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ApiRulesTest {

    private static final List<Class<?>> MXBEANS = List.of(FaultToleranceMXBean.class, CircuitBreakerMXBean.class,
            BulkheadMXBean.class, RetryMXBean.class, TimeoutMXBean.class, RateLimitMXBean.class,
            RetryBudgetMXBean.class, AdaptiveBulkheadMXBean.class, HedgeMXBean.class);

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
        for (Class<?> type : MXBEANS) {
            assertThat(JMX.isMXBeanInterface(type)).as(type.getSimpleName()).isTrue();
            // a proxy is built only for an interface whose types all map to open types
            JMX.newMXBeanProxy(ManagementFactory.getPlatformMBeanServer(), ManagementNames.registry("x"), type);
        }
    }

    /**
     * What an MBeanInfo built from these interfaces shows (a test in ft-impl/jmx reads it back through
     * JMX from the registered beans): the interface, each method and each parameter has a description.
     */
    @Test
    void everyInterfaceMethodAndParameterIsDescribed() {
        for (Class<?> type : MXBEANS) {
            assertThat(type.getAnnotation(Description.class)).as(type.getSimpleName()).isNotNull();
            for (Method method : type.getMethods()) {
                String where = type.getSimpleName() + "." + method.getName();
                assertThat(method.getAnnotation(Description.class)).as(where).isNotNull();
                assertThat(method.getAnnotation(Description.class).value()).as(where).isNotBlank();
                for (Parameter parameter : method.getParameters()) {
                    assertThat(parameter.getAnnotation(Description.class)).as(where + " " + parameter.getName())
                            .isNotNull();
                }
            }
        }
    }

    /** Shadow mode (issue 16): the breaker and the bulkhead say whether they enforce and what they let through. */
    @Test
    void breakersAndBulkheadsTellTheirShadowModeAndWouldRejectCount() throws Exception {
        for (Class<?> type : List.of(CircuitBreakerMXBean.class, BulkheadMXBean.class, RateLimitMXBean.class)) {
            assertThat(type.getMethod("isShadow").getReturnType()).as(type.getSimpleName()).isEqualTo(boolean.class);
            assertThat(type.getMethod("getWouldReject").getReturnType()).as(type.getSimpleName())
                    .isEqualTo(long.class);
            Method configure = type.getMethod("configure", String.class, String.class, String.class);
            assertThat(configure.getParameters()[0].getAnnotation(Description.class).value()).as(type.getSimpleName())
                    .contains("shadow");
        }
    }

    @Test
    void aRetryBudgetHasItsOwnTypeAndOnlyAttributes() throws Exception {
        assertThat(ManagementNames.RETRY_BUDGET).isEqualTo("RetryBudget");
        assertThat(ManagementNames.of(ManagementNames.RETRY_BUDGET, "shop", "com.example.Payments", "charge")
                .getKeyProperty("type")).isEqualTo("RetryBudget");
        for (Method method : RetryBudgetMXBean.class.getMethods()) {
            assertThat(method.getName()).as("no operations").matches("(get|is)[A-Z].*");
            assertThat(method.getParameterCount()).isZero();
        }
        assertThat(RetryBudgetMXBean.class.getMethod("getRatio").getReturnType()).isEqualTo(double.class);
        assertThat(RetryBudgetMXBean.class.getMethod("getMinRetriesPerSecond").getReturnType()).isEqualTo(int.class);
        for (String attribute : List.of("getName", "getGroup")) {
            assertThat(RetryBudgetMXBean.class.getMethod(attribute).getReturnType()).isEqualTo(String.class);
        }
        for (String attribute : List.of("getTtlMillis", "getBalance", "getGranted", "getRefused")) {
            assertThat(RetryBudgetMXBean.class.getMethod(attribute).getReturnType()).isEqualTo(long.class);
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
