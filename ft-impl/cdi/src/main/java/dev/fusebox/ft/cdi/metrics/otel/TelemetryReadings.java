package dev.fusebox.ft.cdi.metrics.otel;

import dev.fusebox.ft.cdi.metrics.EngineReading;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.Meter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link EngineReading}s of one method as OpenTelemetry asynchronous instruments: a total as
 * an asynchronous counter, a value now as a gauge. Stateless; thread-safe.
 */
final class TelemetryReadings {

    private TelemetryReadings() {
    }

    /** Registers each reading with {@code plain} (the method's attribute) and its own tags; what to close at the end. */
    static List<AutoCloseable> register(Meter meter, Attributes plain, List<EngineReading> readings) {
        List<AutoCloseable> observers = new ArrayList<>();
        for (EngineReading reading : readings) {
            AttributesBuilder builder = plain.toBuilder();
            reading.tags().forEach((key, value) -> builder.put(AttributeKey.stringKey(key), value));
            Attributes attributes = builder.build();
            observers.add(reading.total()
                    ? meter.counterBuilder(reading.name()).buildWithCallback(
                            measurement -> measurement.record(reading.value().getAsLong(), attributes))
                    : meter.gaugeBuilder(reading.name()).ofLongs().buildWithCallback(
                            measurement -> measurement.record(reading.value().getAsLong(), attributes)));
        }
        return observers;
    }
}
