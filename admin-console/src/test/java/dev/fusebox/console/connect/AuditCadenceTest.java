package dev.fusebox.console.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditCadenceTest {

    @Test
    void readsOnTheFirstPollThenEveryFiveSecondsOrAfterSomethingHappened() {
        AuditCadence cadence = new AuditCadence(5_000);
        assertThat(cadence.due(10_000)).as("first poll").isTrue();
        cadence.read(10_000);
        assertThat(cadence.due(11_000)).isFalse();
        assertThat(cadence.due(14_999)).isFalse();
        assertThat(cadence.due(15_000)).isTrue();
        cadence.read(15_000);

        cadence.somethingHappened();
        assertThat(cadence.due(15_500)).as("after an action or a State notification: the next poll").isTrue();
        cadence.read(15_500);
        assertThat(cadence.due(16_000)).isFalse();
        assertThat(cadence.due(20_500)).isTrue();
    }
}
