package dev.fusebox.ft.jmx.overrides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.configsource.OverridesConfigSource;
import dev.fusebox.ft.configsource.OverridesFile;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.management.ActionResult;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Live parameter changes through the overrides file, in a real Weld container on real SmallRye Config. */
class LiveConfigurationTest {

    @ApplicationScoped
    public static class Dependency {
        private volatile boolean failing;

        public void failing(boolean failing) {
            this.failing = failing;
        }

        @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS)
        public String call() {
            if (failing) {
                throw new IllegalStateException("down");
            }
            return "ok";
        }

        @Bulkhead(1)
        @Timeout(value = 2, unit = ChronoUnit.SECONDS)
        public String limited() {
            return "ok";
        }
    }

    @TempDir
    Path dir;

    private final List<String> journal = new ArrayList<>();
    private WeldContainer weld;
    private SmallRyeConfig config;
    private ClassLoader previous;
    private LiveConfiguration live;

    private void start(boolean withFile) {
        previous = Thread.currentThread().getContextClassLoader();
        ClassLoader loader = new URLClassLoader(new URL[0], previous);
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().forClassLoader(loader).addDefaultSources()
                .withSources(new PropertiesConfigSource(Map.of(), "test", 400));
        if (withFile) {
            builder.withSources(new OverridesConfigSource(dir.resolve("overrides.properties"), 500));
        }
        config = builder.build();
        ConfigProviderResolver.instance().registerConfig(config, loader);
        Thread.currentThread().setContextClassLoader(loader);
        weld = new Weld("live-" + System.nanoTime()).disableDiscovery().addBeanClasses(Dependency.class)
                .addExtension(new FaultToleranceExtension()).initialize();
        FaultToleranceExtension extension = weld.getBeanManager().getExtension(FaultToleranceExtension.class);
        OverridesFile file = LiveConfiguration.fileOf(config);
        if (file != null) {
            file.setPollInterval(Duration.ofMillis(50));
        }
        live = new LiveConfiguration(config, extension.guardedMethods(), file,
                (principal, target, parameter, before, after, applied, detail, reason) -> {
                    synchronized (journal) {
                        journal.add(principal + " " + target + " " + parameter + " " + before + "->" + after + " "
                                + (applied ? "applied" : "refused: " + detail));
                    }
                });
        live.start();
    }

    @AfterEach
    void stop() {
        if (live != null) {
            live.close();
        }
        if (weld != null) {
            weld.close();
        }
        if (config != null) {
            ConfigProviderResolver.instance().releaseConfig(config);
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private MethodEngines method(String name) {
        return weld.getBeanManager().getExtension(FaultToleranceExtension.class).guardedMethods().all().stream()
                .filter(m -> m.policy().method().getName().equals(name)).findFirst().orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aNewFailureRatioGovernsTheNextEvaluationWithTheWindowIntact() {
        start(true);
        Dependency dependency = weld.select(Dependency.class).get();
        MethodEngines call = method("call");
        dependency.failing(true);
        assertThatThrownBy(dependency::call).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(dependency::call).isInstanceOf(IllegalStateException.class);
        dependency.failing(false);
        dependency.call();
        assertThat(call.breaker().snapshot().window()).isEqualTo("FFS");

        ActionResult result = live.configure(call, "CircuitBreaker", "failureRatio", "0.5", "opens too late", "alice");

        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.previousState()).isEqualTo("0.75");
        assertThat(result.newState()).isEqualTo("0.5");
        assertThat(call.breaker().snapshot().window()).as("window intact").isEqualTo("FFS");
        assertThat(call.breaker().policy().failureRatio()).isEqualTo(0.5);
        dependency.call(); // F F S S: 2 of 4 reach 0.5 (with 0.75 it would have stayed closed)
        assertThat(call.breaker().state()).isEqualTo(CircuitState.OPEN);
        assertThatThrownBy(dependency::call).isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(live.file().values())
                .containsEntry(Dependency.class.getName() + "/call/CircuitBreaker/failureRatio", "0.5");
        assertThat(journal).as("our own write is not mistaken for a hand edit").isEmpty();
    }

    @Test
    void timesAreWrittenInMillisecondsWithTheirUnit() {
        start(true);
        MethodEngines call = method("call");
        ActionResult result = live.configure(call, "CircuitBreaker", "delay", "1500", "shorter probe", "alice");
        assertThat(result.succeeded()).as(result.message()).isTrue();
        assertThat(result.previousState()).isEqualTo("60000");
        assertThat(call.breaker().policy().delayNanos()).isEqualTo(Duration.ofMillis(1500).toNanos());
        String prefix = Dependency.class.getName() + "/call/CircuitBreaker/";
        assertThat(live.file().values()).containsEntry(prefix + "delay", "1500").containsEntry(prefix + "delayUnit", "MILLIS");
    }

    @Test
    void bulkheadAndTimeoutChangeLive() throws Exception {
        start(true);
        MethodEngines limited = method("limited");
        assertThat(live.configure(limited, "Bulkhead", "value", "3", "more room", "alice").succeeded()).isTrue();
        assertThat(limited.bulkhead().limit()).isEqualTo(3);
        ActionResult timeout = live.configure(limited, "Timeout", "value", "750", "tighter", "alice");
        assertThat(timeout.succeeded()).as(timeout.message()).isTrue();
        assertThat(timeout.previousState()).isEqualTo("2000");
        assertThat(limited.policy().timeoutNanos()).isEqualTo(Duration.ofMillis(750).toNanos());
        assertThat(weld.select(Dependency.class).get().limited()).isEqualTo("ok");
    }

    @Test
    void invalidValuesAreRefusedAndThePreviousValueStays() throws Exception {
        start(true);
        MethodEngines call = method("call");
        Path file = live.file().path();
        ActionResult ratio = live.configure(call, "CircuitBreaker", "failureRatio", "1.5", "typo", "alice");
        assertThat(ratio.succeeded()).isFalse();
        assertThat(ratio.message()).contains("failureRatio").contains("1.5");
        ActionResult garbage = live.configure(call, "CircuitBreaker", "requestVolumeThreshold", "lots", "typo", "alice");
        assertThat(garbage.succeeded()).isFalse();
        assertThat(garbage.message()).contains("requestVolumeThreshold").contains("lots");
        ActionResult unknown = live.configure(call, "CircuitBreaker", "colour", "red", "typo", "alice");
        assertThat(unknown.message()).contains("no parameter 'colour'").contains("failureRatio");
        ActionResult noReason = live.configure(call, "CircuitBreaker", "failureRatio", "0.5", " ", "alice");
        assertThat(noReason.message()).contains("reason is required");
        ActionResult absent = live.configure(call, "Retry", "maxRetries", "3", "why not", "alice");
        assertThat(absent.message()).contains("has no @Retry");
        assertThat(call.breaker().policy().failureRatio()).isEqualTo(0.75);
        assertThat(call.breaker().policy().requestVolumeThreshold()).isEqualTo(4);
        assertThat(Files.exists(file)).as("nothing was written").isFalse();
    }

    @Test
    void withoutAnOverridesFileChangesAreRefusedClearly() {
        start(false);
        ActionResult result = live.configure(method("call"), "CircuitBreaker", "failureRatio", "0.5", "why", "alice");
        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).contains("no operator overrides file configured")
                .contains(OverridesConfigSource.FILE_PROPERTY);
    }

    @Test
    void aHandEditIsAppliedAndAnInvalidOneKeepsThePreviousValue() throws Exception {
        start(true);
        MethodEngines call = method("call");
        Path file = live.file().path();
        String key = Dependency.class.getName() + "/call/CircuitBreaker/requestVolumeThreshold";
        Files.writeString(file, key + "=10\n");
        await("the hand edit applied", () -> call.breaker().policy().requestVolumeThreshold() == 10);
        assertThat(call.breaker().snapshot().windowSize()).isEqualTo(10);
        await("the hand edit audited", () -> {
            synchronized (journal) {
                return journal.stream().anyMatch(l -> l.startsWith("file:") && l.contains("requestVolumeThreshold=10"));
            }
        });

        Files.writeString(file, key + "=-3\n");
        await("the invalid edit reported", () -> !live.file().status().healthy());
        assertThat(live.file().status().problem()).contains("-3");
        assertThat(config.getValue(key, String.class)).as("the invalid value never reaches the configuration")
                .isEqualTo("10");
        assertThat(call.breaker().policy().requestVolumeThreshold()).isEqualTo(10);

        Files.writeString(file, "this line has no equals sign\n");
        await("the corrupt file reported", () -> live.file().status().problem() != null
                && live.file().status().problem().contains("line 1"));
        assertThat(call.breaker().policy().requestVolumeThreshold()).as("last good configuration kept").isEqualTo(10);
    }

    /** Called directly (a plugged caller), not only through OperatorActions: an over-long value is refused unquoted. */
    @Test
    void anOverLongValueIsRefusedWithoutQuotingIt() throws Exception {
        start(true);
        ActionResult result = live.configure(method("call"), "CircuitBreaker", "delay", "9".repeat(100_000),
                "INC-11", "alice");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.message()).isEqualTo("refused: the value for CircuitBreaker/delay is 100000 characters;"
                + " it may be at most 64 characters");
        assertThat(live.file().values()).isEmpty();
    }

    @Test
    void forcingsRoundTripAndExpiredOnesAreSkipped() {
        start(true);
        ForcedStatesFile forced = new ForcedStatesFile(live.file());
        Instant now = Instant.parse("2026-11-23T10:00:00Z");
        Instant since = now.minusSeconds(3_600);
        forced.save("com.example.Payments#charge", new ForcedStatesFile.Persisted(CircuitState.OPEN, since, null,
                "alice", "provider down | see INC-42"));
        forced.save("com.example.Stock#reserve", new ForcedStatesFile.Persisted(CircuitState.CLOSED, since,
                now.plusSeconds(60), "bob", "false alarms"));
        forced.save("com.example.Old#gone", new ForcedStatesFile.Persisted(CircuitState.OPEN, since,
                now.minusSeconds(1), "carol", "expired"));
        Map<String, ForcedStatesFile.Persisted> loaded = forced.load(now);
        assertThat(loaded).containsOnlyKeys("com.example.Payments#charge", "com.example.Stock#reserve");
        assertThat(loaded.get("com.example.Payments#charge").reason()).isEqualTo("provider down | see INC-42");
        assertThat(loaded.get("com.example.Payments#charge").since()).isEqualTo(since);
        assertThat(loaded.get("com.example.Stock#reserve").until()).isEqualTo(now.plusSeconds(60));
        assertThat(live.file().value("fusebox.forced/com.example.Payments#charge"))
                .isEqualTo("OPEN|since=2026-11-23T09:00:00Z|never|alice|provider down | see INC-42");
        forced.save("com.example.Payments#charge", null);
        assertThat(forced.load(now)).containsOnlyKeys("com.example.Stock#reserve");
        assertThat(ForcedStatesFile.parse("HALF_OPEN|never|x|y")).isNull();
        assertThat(ForcedStatesFile.parse("OPEN|tomorrow|x|y")).isNull();
        assertThat(ForcedStatesFile.parse("OPEN|never||y")).isNull();
        assertThat(ForcedStatesFile.parse("OPEN|since=yesterday|never|x|y")).isNull();
        assertThat(ForcedStatesFile.parse("OPEN|since=2026-11-23T09:00:00Z|never|x")).isNull();
    }

    /** Entries written before the since field existed are still read: forced, since unknown. */
    @Test
    void forcingsWrittenWithoutSinceAreStillRead() {
        assertThat(ForcedStatesFile.parse("OPEN|never|alice|provider down | see INC-42"))
                .isEqualTo(new ForcedStatesFile.Persisted(CircuitState.OPEN, null, null, "alice",
                        "provider down | see INC-42"));
        assertThat(ForcedStatesFile.parse("CLOSED|2026-11-23T10:01:00Z|bob|false alarms"))
                .isEqualTo(new ForcedStatesFile.Persisted(CircuitState.CLOSED, null,
                        Instant.parse("2026-11-23T10:01:00Z"), "bob", "false alarms"));
    }
}
