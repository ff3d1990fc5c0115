package dev.fusebox.ft.health.it;

import static dev.fusebox.ft.health.it.Dependencies.CHARGE;
import static dev.fusebox.ft.health.it.Dependencies.REFUND;
import static dev.fusebox.ft.health.it.Dependencies.SUGGEST;
import static dev.fusebox.ft.health.it.Readiness.breaker;
import static dev.fusebox.ft.health.it.Readiness.fuseboxCheck;
import static dev.fusebox.ft.health.it.Readiness.stateOf;
import static dev.fusebox.ft.health.it.Readiness.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.cdi.VirtualTimeFusebox;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.core.circuitbreaker.Forced;
import dev.fusebox.ft.health.it.Dependencies.Inventory;
import dev.fusebox.ft.health.it.Dependencies.Payments;
import dev.fusebox.ft.health.it.Dependencies.Recommendations;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The readiness check in a real Weld SE container on virtual time, read through the real SmallRye
 * Health reporter: DOWN exactly while a critical breaker is open (its delay not over) or forced
 * open, every breaker's state in its data.
 */
@ExtendWith(ThreadHygiene.class)
class ReadinessCheckTest {

    private final VirtualTime time = new VirtualTime();

    private Container start(Map<String, String> properties) {
        return Container.start(properties, List.of(VirtualTimeFusebox.on(time)),
                Readiness.beans(Payments.class, Recommendations.class, Inventory.class));
    }

    private Container withCritical(String critical) {
        return start(Map.of("fusebox.health.critical", critical));
    }

    @Test
    void upWhileEveryBreakerIsClosedAndTheDataListsEachBreaker() {
        try (Container container = withCritical(CHARGE)) {
            assertThat(status(container)).isEqualTo("UP");
            assertThat(fuseboxCheck(container).getString("status")).isEqualTo("UP");
            assertThat(stateOf(container, CHARGE)).isEqualTo("CLOSED");
            assertThat(stateOf(container, REFUND)).isEqualTo("CLOSED");
            assertThat(stateOf(container, SUGGEST)).isEqualTo("CLOSED");
            assertThat(fuseboxCheck(container).getJsonObject("data").getInt("breakers")).isEqualTo(3);
        }
    }

    @Test
    void downWhileACriticalBreakerIsOpenedByFailures() {
        try (Container container = withCritical(CHARGE)) {
            Payments payments = container.bean(Payments.class);
            Dependencies.fail(() -> payments.charge(true), 2);
            assertThat(breaker(container, CHARGE).state()).isEqualTo(CircuitState.OPEN);

            assertThat(status(container)).isEqualTo("DOWN");
            assertThat(fuseboxCheck(container).getString("status")).isEqualTo("DOWN");
            assertThat(stateOf(container, CHARGE)).isEqualTo("OPEN");
            assertThat(fuseboxCheck(container).getJsonObject("data").getString("down")).isEqualTo(CHARGE);
            assertThat(Readiness.json(container).replaceAll("\\s", "")).as("the JSON a probe reads").startsWith("{\"status\":\"DOWN\",\"checks\":[{\"name\":\""
                    + "fusebox-circuit-breakers\",\"status\":\"DOWN\",\"data\":{");
        }
    }

    @Test
    void downWhileForcedOpenThroughTheManagementPortAndUpAgainAfterTheRelease() {
        try (Container container = withCritical(CHARGE)) {
            breaker(container, CHARGE).force(CircuitState.OPEN, "operator", "payment provider outage", Forced.NEVER);
            assertThat(status(container)).isEqualTo("DOWN");
            assertThat(stateOf(container, CHARGE)).isEqualTo("FORCED_OPEN");

            time.advance(Duration.ofSeconds(10 * Dependencies.DELAY_SECONDS));
            assertThat(status(container)).as("a forcing holds whatever the delay").isEqualTo("DOWN");

            breaker(container, CHARGE).release("operator");
            assertThat(stateOf(container, CHARGE)).isEqualTo("HALF_OPEN");
            assertThat(status(container)).as("half-open: trial calls must reach this instance").isEqualTo("UP");

            container.bean(Payments.class).charge(false);
            assertThat(stateOf(container, CHARGE)).isEqualTo("CLOSED");
            assertThat(status(container)).isEqualTo("UP");
        }
    }

    @Test
    void aForcedClosedCriticalBreakerIsUp() {
        try (Container container = withCritical(CHARGE)) {
            breaker(container, CHARGE).force(CircuitState.CLOSED, "operator", "let calls through", Forced.NEVER);
            Dependencies.fail(() -> container.bean(Payments.class).charge(true), 4);
            assertThat(stateOf(container, CHARGE)).isEqualTo("FORCED_CLOSED");
            assertThat(status(container)).isEqualTo("UP");
        }
    }

    @Test
    void upAgainOnceTheOpenDelayIsOverThoughNoCallHasComeYet() {
        try (Container container = withCritical(CHARGE)) {
            Payments payments = container.bean(Payments.class);
            Dependencies.fail(() -> payments.charge(true), 2);
            time.advance(Duration.ofSeconds(Dependencies.DELAY_SECONDS).minusNanos(1));
            assertThat(status(container)).isEqualTo("DOWN");

            time.advance(Duration.ofNanos(1));
            assertThat(breaker(container, CHARGE).state()).as("no call came: the breaker still reads open")
                    .isEqualTo(CircuitState.OPEN);
            assertThat(stateOf(container, CHARGE)).isEqualTo("OPEN_TRIAL_DUE");
            assertThat(status(container)).as("the next call is a trial; it must be able to come").isEqualTo("UP");

            payments.charge(false);
            assertThat(stateOf(container, CHARGE)).isEqualTo("CLOSED");
            assertThat(status(container)).isEqualTo("UP");
        }
    }

    @Test
    void anOpenBreakerThatIsNotCriticalKeepsItUpAndShowsInTheData() {
        try (Container container = withCritical(CHARGE)) {
            Dependencies.fail(() -> container.bean(Recommendations.class).suggest(true), 2);
            breaker(container, REFUND).force(CircuitState.OPEN, "operator", "refunds paused", Forced.NEVER);

            assertThat(status(container)).isEqualTo("UP");
            assertThat(stateOf(container, SUGGEST)).isEqualTo("OPEN");
            assertThat(stateOf(container, REFUND)).isEqualTo("FORCED_OPEN");
            assertThat(stateOf(container, CHARGE)).isEqualTo("CLOSED");
            assertThat(fuseboxCheck(container).getJsonObject("data").containsKey("down")).isFalse();
        }
    }

    @Test
    void withoutACriticalListTheCheckIsUpAndStillListsTheStates() {
        try (Container container = start(Map.of())) {
            Dependencies.fail(() -> container.bean(Payments.class).charge(true), 2);
            assertThat(status(container)).isEqualTo("UP");
            assertThat(stateOf(container, CHARGE)).isEqualTo("OPEN");
        }
    }

    @Test
    void severalCriticalIdsAndAGroupEachHoldItDown() {
        String payments = Payments.class.getName();
        try (Container container = start(Map.of("fusebox.groups.money", payments + "#*",
                "fusebox.health.critical", " group:money , " + SUGGEST + " "))) {
            breaker(container, REFUND).force(CircuitState.OPEN, "operator", "refunds paused", Forced.NEVER);
            assertThat(status(container)).isEqualTo("DOWN");
            assertThat(fuseboxCheck(container).getJsonObject("data").getString("down")).isEqualTo(REFUND);

            Dependencies.fail(() -> container.bean(Recommendations.class).suggest(true), 2);
            assertThat(fuseboxCheck(container).getJsonObject("data").getString("down"))
                    .isEqualTo(REFUND + ", " + SUGGEST);

            breaker(container, REFUND).reset("operator", "refunds back");
            breaker(container, SUGGEST).reset("operator", "recommendations back");
            assertThat(status(container)).isEqualTo("UP");
        }
    }
}
