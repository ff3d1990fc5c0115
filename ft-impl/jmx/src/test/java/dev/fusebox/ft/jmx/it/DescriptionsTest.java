package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RetryBudget;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What jconsole shows an operator in an MBean's "Info" and "Operations" tabs, read through the
 * JDK's {@code MBeanInfo} from the platform MBean server: every MBean, attribute, operation and
 * operation parameter has a description of its own (not its name), parameters carry the Java
 * parameter names of the management API instead of {@code p0, p1, ...}, and operations say that
 * they act.
 */
@ExtendWith(ThreadHygiene.class)
class DescriptionsTest {

    @Test
    void everyMBeanAttributeOperationAndParameterIsNamedAndDescribed() throws Exception {
        try (Container container = Container.start(Map.of("fusebox.management.application", "descriptions"),
                Shop.Payments.class, Shop.Inventory.class)) {
            Set<ObjectName> names = MBeans.SERVER.queryNames(
                    new ObjectName("dev.fusebox.ft:application=" + MBeans.application(container) + ",*"), null);
            Set<String> interfaces = new HashSet<>();
            for (ObjectName name : names) {
                interfaces.add(assertNamedAndDescribed(MBeans.SERVER, name));
            }
            assertThat(interfaces).as("every kind of Fusebox MBean was read").containsExactlyInAnyOrder(
                    "dev.fusebox.ft.management.FaultToleranceMXBean", "dev.fusebox.ft.management.CircuitBreakerMXBean",
                    "dev.fusebox.ft.management.BulkheadMXBean", "dev.fusebox.ft.management.RetryMXBean",
                    "dev.fusebox.ft.management.TimeoutMXBean");
        }
    }

    @ApplicationScoped
    public static class Limited {
        @RateLimit(value = 5)
        public String quote() {
            return "quoted";
        }

        @Retry
        @RetryBudget
        public String lookup() {
            return "found";
        }

        @AdaptiveBulkhead
        public String page() {
            return "page";
        }

        @Hedge(delay = 100)
        public String search() {
            return "found";
        }
    }

    @Test
    void theMBeansOfFuseboxsOwnPoliciesAreNamedAndDescribedToo() throws Exception {
        try (Container container = Container.start(Map.of("fusebox.management.application", "descriptions-own"),
                Limited.class)) {
            Set<ObjectName> names = MBeans.SERVER.queryNames(
                    new ObjectName("dev.fusebox.ft:application=" + MBeans.application(container) + ",*"), null);
            Set<String> interfaces = new HashSet<>();
            for (ObjectName name : names) {
                interfaces.add(assertNamedAndDescribed(MBeans.SERVER, name));
            }
            assertThat(interfaces).contains("dev.fusebox.ft.management.RateLimitMXBean",
                    "dev.fusebox.ft.management.RetryBudgetMXBean", "dev.fusebox.ft.management.AdaptiveBulkheadMXBean",
                    "dev.fusebox.ft.management.HedgeMXBean");
        }
    }

    /**
     * Asserts what a JMX client reading {@code name} over {@code connection} sees; returns the
     * MBean's interface name. Also used over the remote connector (module jmx-remote).
     */
    static String assertNamedAndDescribed(MBeanServerConnection connection, ObjectName name) throws Exception {
        MBeanInfo info = connection.getMBeanInfo(name);
        String interfaceName = (String) info.getDescriptor().getFieldValue("interfaceClassName");
        Class<?> mxbean = Class.forName(interfaceName);
        assertDescribed(name + " itself", info.getDescription(), info.getClassName());
        assertThat(info.getDescription()).as(name + " itself").isNotEqualTo(interfaceName)
                .isNotEqualTo("Information on the management interface of the MBean"); // the JDK's default
        for (MBeanAttributeInfo attribute : info.getAttributes()) {
            assertDescribed(name + " attribute " + attribute.getName(), attribute.getDescription(), attribute.getName());
        }
        long operations = Arrays.stream(mxbean.getMethods())
                .filter(m -> !m.getName().startsWith("get") && !m.getName().startsWith("is")).count();
        assertThat(info.getOperations()).as(name + " operations").hasSize((int) operations);
        for (MBeanOperationInfo operation : info.getOperations()) {
            String where = name + " operation " + operation.getName();
            assertDescribed(where, operation.getDescription(), operation.getName());
            assertThat(operation.getImpact()).as(where + " impact").isEqualTo(MBeanOperationInfo.ACTION);
            List<String> javaNames = Arrays.stream(method(mxbean, operation).getParameters())
                    .map(Parameter::getName).toList();
            List<String> jmxNames = Arrays.stream(operation.getSignature()).map(MBeanParameterInfo::getName).toList();
            assertThat(jmxNames).as(where + " parameter names").allSatisfy(
                    parameter -> assertThat(parameter).doesNotMatch("p\\d+")).isEqualTo(javaNames);
            for (MBeanParameterInfo parameter : operation.getSignature()) {
                assertDescribed(where + " parameter " + parameter.getName(), parameter.getDescription(),
                        parameter.getName());
            }
        }
        return interfaceName;
    }

    private static void assertDescribed(String where, String description, String name) {
        assertThat(description).as(where + " description").isNotBlank().isNotEqualTo(name);
    }

    private static Method method(Class<?> mxbean, MBeanOperationInfo operation) {
        List<Method> candidates = Arrays.stream(mxbean.getMethods())
                .filter(m -> m.getName().equals(operation.getName())
                        && m.getParameterCount() == operation.getSignature().length)
                .toList();
        assertThat(candidates).as(mxbean.getSimpleName() + "." + operation.getName()).hasSize(1);
        return candidates.get(0);
    }
}
