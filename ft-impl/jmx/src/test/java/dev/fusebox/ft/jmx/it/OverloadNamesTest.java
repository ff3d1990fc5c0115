package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.util.Map;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An operator and an application see one name per guarded overload: the name JMX lists a breaker
 * under is the name its open-circuit exception carries, and acting on one overload leaves the other
 * alone.
 */
@ExtendWith(ThreadHygiene.class)
class OverloadNamesTest {

    @Test
    void theOpenCircuitOfAnOverloadCarriesItsJmxName() {
        try (Container container = Container.start(Map.of("fusebox.management.application", "overloads"),
                Shop.Payments.class)) {
            CircuitBreakerMXBean byCents = MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER,
                    Shop.Payments.class, "refund(int)"), CircuitBreakerMXBean.class);
            CircuitBreakerMXBean byOrder = MBeans.proxy(MBeans.name(container, ManagementNames.CIRCUIT_BREAKER,
                    Shop.Payments.class, "refund(java.lang.String)"), CircuitBreakerMXBean.class);
            assertThat(byCents.getName()).isNotEqualTo(byOrder.getName());

            assertThat(byCents.forceOpen("overload drill", null).succeeded()).isTrue();
            Shop.Payments payments = container.bean(Shop.Payments.class);
            assertThatThrownBy(() -> payments.refund(5)).isInstanceOf(CircuitBreakerOpenException.class)
                    .hasMessage("circuit breaker is open: " + byCents.getName());
            assertThat(payments.refund("order-7")).isEqualTo("refunded order-7");
            assertThat(byOrder.getState()).isEqualTo("CLOSED");
        }
    }
}
