package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.management.FaultToleranceOperations;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.Shop;
import dev.fusebox.ft.testing.ThreadHygiene;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Breaker transitions and operator actions are JFR events in category Fusebox. */
@ExtendWith(ThreadHygiene.class)
class FlightRecorderTest {

    @Test
    void transitionsAndActionsAreRecorded() throws Exception {
        String charge = Shop.Payments.class.getName() + "#charge";
        Path file = Files.createTempFile("fusebox-jmx", ".jfr");
        try (Container container = Container.start(Map.of("fusebox.management.application", "jfr"),
                Shop.Payments.class);
             Recording recording = new Recording()) {
            recording.enable("dev.fusebox.ft.BreakerTransition");
            recording.enable("dev.fusebox.ft.OperatorAction");
            recording.start();
            FaultToleranceOperations operations = container.bean(FaultToleranceOperations.class);
            operations.forceOpen(charge, "recorded drill", null);
            recording.stop();
            recording.dump(file);
        }
        try {
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            RecordedEvent transition = events.stream()
                    .filter(e -> e.getEventType().getName().equals("dev.fusebox.ft.BreakerTransition")).findFirst()
                    .orElseThrow();
            assertThat(transition.getEventType().getCategoryNames()).containsExactly("Fusebox");
            assertThat(transition.getString("name")).isEqualTo(charge);
            assertThat(transition.getString("from")).isEqualTo("CLOSED");
            assertThat(transition.getString("to")).isEqualTo("OPEN");
            assertThat(transition.getString("cause")).isEqualTo("forced open by code:" + FlightRecorderTest.class.getName()
                    + ": recorded drill");
            assertThat(transition.getString("forcedBy")).isEqualTo("code:" + FlightRecorderTest.class.getName());
            RecordedEvent action = events.stream()
                    .filter(e -> e.getEventType().getName().equals("dev.fusebox.ft.OperatorAction")).findFirst()
                    .orElseThrow();
            assertThat(action.getString("principal")).isEqualTo("code:" + FlightRecorderTest.class.getName());
            assertThat(action.getString("action")).isEqualTo("forceOpen");
            assertThat(action.getString("target")).isEqualTo(charge);
            assertThat(action.getString("reason")).isEqualTo("recorded drill");
            assertThat(action.getString("previous")).isEqualTo("CLOSED");
            assertThat(action.getString("next")).isEqualTo("OPEN");
            assertThat(action.getBoolean("succeeded")).isTrue();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
