package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.FaultToleranceOperations;
import dev.fusebox.ft.management.GuardedMethodInfo;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Await;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class RegistrationTest {

    private static Set<ObjectName> fuseboxNames(String application) throws Exception {
        return MBeans.SERVER.queryNames(new ObjectName(ManagementNames.DOMAIN + ":application="
                + ManagementNames.value(application) + ",*"), null);
    }

    @Test
    void everyGuardedMethodIsListedUnderTheDocumentedNamesAndAllGoAtShutdown() throws Exception {
        String application;
        try (Container container = Container.start(Map.of("fusebox.management.application", "shop-registration"),
                Shop.Payments.class, Shop.Inventory.class)) {
            application = MBeans.application(container);
            assertThat(application).isEqualTo("shop-registration");
            String payments = Shop.Payments.class.getName();
            String inventory = Shop.Inventory.class.getName();
            String app = "application=shop-registration";
            assertThat(fuseboxNames(application)).extracting(ObjectName::getCanonicalName).containsExactlyInAnyOrder(
                    new ObjectName("dev.fusebox.ft:type=FaultTolerance," + app).getCanonicalName(),
                    new ObjectName("dev.fusebox.ft:type=CircuitBreaker," + app + ",bean=" + payments + ",method=charge")
                            .getCanonicalName(),
                    new ObjectName("dev.fusebox.ft:type=CircuitBreaker," + app + ",bean=" + payments + ",method=quote")
                            .getCanonicalName(),
                    new ObjectName("dev.fusebox.ft:type=CircuitBreaker," + app + ",bean=" + payments
                            + ",method=refund(int)").getCanonicalName(),
                    new ObjectName("dev.fusebox.ft:type=CircuitBreaker," + app + ",bean=" + payments
                            + ",method=refund(java.lang.String)").getCanonicalName(),
                    new ObjectName("dev.fusebox.ft:type=Retry," + app + ",bean=" + inventory + ",method=lookup")
                            .getCanonicalName(),
                    new ObjectName("dev.fusebox.ft:type=Timeout," + app + ",bean=" + inventory + ",method=lookup")
                            .getCanonicalName(),
                    new ObjectName("dev.fusebox.ft:type=Bulkhead," + app + ",bean=" + inventory + ",method=hold")
                            .getCanonicalName());

            FaultToleranceMXBean registry = MBeans.proxy(MBeans.registry(container), FaultToleranceMXBean.class);
            assertThat(registry.getApplication()).isEqualTo("shop-registration");
            List<GuardedMethodInfo> methods = registry.getGuardedMethods();
            assertThat(methods).extracting(GuardedMethodInfo::name).containsExactlyInAnyOrder(payments + "#charge",
                    payments + "#quote", payments + "#refund(int)", payments + "#refund(java.lang.String)",
                    inventory + "#lookup", inventory + "#hold");
            GuardedMethodInfo quote = methods.stream().filter(m -> m.method().equals("quote")).findFirst().orElseThrow();
            assertThat(quote.policies()).containsExactly("Fallback", "CircuitBreaker");
            assertThat(quote.asynchronous()).isFalse();
            assertThat(new ObjectName(quote.circuitBreaker())).isEqualTo(
                    MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Shop.Payments.class, "quote"));
            assertThat(quote.bulkhead()).isNull();
            GuardedMethodInfo lookup = methods.stream().filter(m -> m.method().equals("lookup")).findFirst().orElseThrow();
            assertThat(lookup.policies()).containsExactly("Retry", "Timeout");
            assertThat(lookup.circuitBreaker()).isNull();
            assertThat(MBeans.SERVER.isRegistered(new ObjectName(lookup.retry()))).isTrue();
            assertThat(MBeans.SERVER.isRegistered(new ObjectName(lookup.timeout()))).isTrue();
            assertThat(ThreadHygiene.fuseboxThreads()).extracting(Thread::getName)
                    .contains("fusebox-management-shop-registration");
            assertThat(ThreadHygiene.fuseboxThreads()).filteredOn(t -> t.getName().startsWith("fusebox-management-"))
                    .allMatch(Thread::isDaemon);
        }
        assertThat(fuseboxNames(application)).isEmpty();
        Await.until("the management thread ends", () -> ThreadHygiene.fuseboxThreads().stream()
                .noneMatch(t -> t.getName().equals("fusebox-management-" + application)));
    }

    @Test
    void twoContainersInOneJvmGetDistinctApplicationNames() throws Exception {
        Map<String, String> sameName = Map.of("fusebox.management.application", "twins");
        try (Container first = Container.start(sameName, Shop.Payments.class);
             Container second = Container.start(sameName, Shop.Payments.class)) {
            assertThat(MBeans.application(first)).isEqualTo("twins");
            assertThat(MBeans.application(second)).isEqualTo("twins-2");
            assertThat(fuseboxNames("twins")).hasSize(5);
            assertThat(fuseboxNames("twins-2")).hasSize(5);
            second.close();
            assertThat(fuseboxNames("twins-2")).isEmpty();
            assertThat(fuseboxNames("twins")).hasSize(5);
        }
        assertThat(fuseboxNames("twins")).isEmpty();
    }

    @Test
    void theDefaultApplicationNameIsApplication() throws Exception {
        try (Container container = Container.start(Shop.Payments.class)) {
            assertThat(MBeans.application(container)).startsWith("application");
            assertThat(MBeans.SERVER.isRegistered(MBeans.registry(container))).isTrue();
        }
    }

    @Test
    void disabledManagementRegistersNothingAndStartsNoThread() throws Exception {
        try (Container container = Container.start(Map.of("fusebox.management.enabled", "false",
                "fusebox.management.application", "switched-off"), Shop.Payments.class)) {
            assertThat(fuseboxNames("switched-off")).isEmpty();
            assertThat(ThreadHygiene.fuseboxThreads()).extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith("fusebox-management-"));
            // application code can still act on its breakers
            FaultToleranceOperations operations = container.bean(FaultToleranceOperations.class);
            String charge = Shop.Payments.class.getName() + "#charge";
            assertThat(operations.forceOpen(charge, "no JMX here", null).succeeded()).isTrue();
            assertThat(operations.state(charge)).isEqualTo("OPEN");
        }
    }
}
