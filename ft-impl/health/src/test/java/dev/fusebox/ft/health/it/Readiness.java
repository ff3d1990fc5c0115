package dev.fusebox.ft.health.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.health.BreakerReadinessCheck;
import dev.fusebox.ft.testing.Container;
import io.smallrye.health.AsyncHealthCheckFactory;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * What a readiness probe sees, read through the real SmallRye Health reporter of a test container,
 * and the one way the tests reach a breaker as management does: the CDI layer's management port.
 */
final class Readiness {

    /** The bean classes of SmallRye Health a container needs besides the application's. */
    static final Class<?>[] REPORTER = {SmallRyeHealthReporter.class, AsyncHealthCheckFactory.class};

    private Readiness() {
    }

    /** {@code application} and the reporter, as one bean-class list for {@link Container}. */
    static Class<?>[] beans(Class<?>... application) {
        return Stream.concat(Arrays.stream(application), Arrays.stream(REPORTER)).toArray(Class<?>[]::new);
    }

    /** The whole readiness payload, as {@code /health/ready} would serve it. */
    static JsonObject payload(Container container) {
        return container.bean(SmallRyeHealthReporter.class).getReadiness().getPayload();
    }

    /** The serialized readiness JSON, as the reporter writes it for a probe. */
    static String json(Container container) {
        SmallRyeHealthReporter reporter = container.bean(SmallRyeHealthReporter.class);
        SmallRyeHealth health = reporter.getReadiness();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        reporter.reportHealth(out, health);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The overall readiness status: "UP" or "DOWN". */
    static String status(Container container) {
        return payload(container).getString("status");
    }

    /** Fusebox's check in the payload (there must be exactly one). */
    static JsonObject fuseboxCheck(Container container) {
        JsonObject[] ours = payload(container).getJsonArray("checks").stream().map(JsonValue::asJsonObject)
                .filter(check -> check.getString("name").equals(BreakerReadinessCheck.NAME))
                .toArray(JsonObject[]::new);
        assertThat(ours).as("Fusebox's readiness check in " + payload(container)).hasSize(1);
        return ours[0];
    }

    /** What Fusebox's check says of one breaker. */
    static String stateOf(Container container, String breaker) {
        JsonObject data = fuseboxCheck(container).getJsonObject("data");
        assertThat(data).as("the check's data").isNotNull().containsKey(breaker);
        return data.getString(breaker);
    }

    /** The circuit breaker of the guarded method {@code name}, through the management port. */
    static CircuitBreaker breaker(Container container, String name) {
        return container.extension(FaultToleranceExtension.class).guardedMethods().all().stream()
                .filter(method -> method.name().equals(name)).map(MethodEngines::breaker).findFirst()
                .orElseThrow(() -> new AssertionError("no guarded method " + name));
    }
}
