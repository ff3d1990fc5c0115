package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.util.Map;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An open breaker's window is empty (its {@code FailureRatio} reads 0), so the ratio that tripped it
 * travels with the transition that opened it: what a generic JMX client reads in {@code Transitions}.
 */
@ExtendWith(ThreadHygiene.class)
class TripRatioTest {

    @Test
    void theTransitionThatOpenedTheCircuitCarriesTheRatioThatTrippedIt() throws Exception {
        try (Container container = Container.start(Map.of("fusebox.management.application", "trip-ratio"),
                Shop.Payments.class)) {
            Shop.Payments payments = container.bean(Shop.Payments.class);
            ObjectName name = MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Shop.Payments.class, "charge");
            CircuitBreakerMXBean charge = MBeans.proxy(name, CircuitBreakerMXBean.class);

            // window of 4, ratio 0.5: F S F, then F opens it at 3 of 4
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
            payments.charge(false);
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
            assertThatThrownBy(() -> payments.charge(true)).isInstanceOf(IllegalStateException.class);
            assertThat(charge.getState()).isEqualTo("OPEN");
            assertThat(charge.getFailureRatio()).as("the open circuit's own window").isZero();
            charge.forceClosed("drill", "");

            CompositeData[] transitions = (CompositeData[]) MBeans.SERVER.getAttribute(name, "Transitions");
            assertThat(transitions).hasSize(2);
            CompositeData opened = transitions[0];
            assertThat(opened.get("to")).isEqualTo("OPEN");
            assertThat(opened.getCompositeType().containsKey("failureRatio"))
                    .as("Transitions items: " + opened.getCompositeType().keySet()).isTrue();
            assertThat(opened.get("failureRatio")).as("the ratio that tripped it").isEqualTo(0.75);
            assertThat((long) opened.get("atEpochMillis")).as("when").isPositive();
            assertThat(transitions[1].get("failureRatio")).as("OPEN -> CLOSED did not leave CLOSED").isEqualTo(-1.0);
            assertThat(charge.getTransitions().get(0).failureRatio()).as("the record, through a proxy").isEqualTo(0.75);
        }
    }
}
