package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A configuration key that looks like a fault-tolerance key but sets nothing in this deployment is
 * reported at start-up, once, as one warning that names the nearest valid key; valid keys are not.
 * The warnings are read from the real log (java.util.logging, where System.Logger goes here).
 */
@ExtendWith(ThreadHygiene.class)
class IgnoredConfigKeyTest {

    private static final String SHOP = Shop.class.getName();
    private static final String STOCK = Stock.class.getName();

    @ApplicationScoped
    public static class Shop {
        @Retry(maxRetries = 1)
        public String pay() {
            return "paid";
        }

        @Timeout
        public String browse() {
            return "shelves";
        }
    }

    @CircuitBreaker
    @ApplicationScoped
    public static class Stock {
        public String count() {
            return "3";
        }
    }

    private final Logger fusebox = Logger.getLogger("dev.fusebox.ft.cdi");
    private final List<LogRecord> warnings = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                synchronized (warnings) {
                    warnings.add(record);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureWarnings() {
        fusebox.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        fusebox.removeHandler(capture);
    }

    @Test
    void eachIgnoredKeyIsWarnedAboutOnceWithTheNearestValidKey() {
        Map<String, String> keys = new HashMap<>();
        keys.put(SHOP + "/pay/Retry/maxRetry", "5");
        keys.put(SHOP.replace("Shop", "Shpo") + "/pay/Retry/maxRetries", "5");
        keys.put(SHOP + "/pya/Retry/delay", "10");
        keys.put(SHOP + "/pay/Timeout/value", "10");
        keys.put(SHOP + "/Retry/maxRetries", "5");
        keys.put("Retry/maxRetry", "5");
        keys.put("retry/maxRetries", "5");
        keys.put("MP_Fault_Tolerance_NonFallback_Enable", "false");
        keys.put("fusebox.async.max-thread", "8");
        try (Container container = Container.start(keys, Shop.class, Stock.class)) {
            assertThat(container.bean(Shop.class).pay()).isEqualTo("paid");
            assertThat(container.extension(FaultToleranceExtension.class).configurationWarnings())
                    .as("the warnings the extension keeps").containsExactlyInAnyOrderElementsOf(messages());
        }
        assertThat(messages()).hasSize(keys.size());
        assertThat(warningAbout(SHOP + "/pay/Retry/maxRetry"))
                .contains("@Retry has no parameter maxRetry", "did you mean '" + SHOP + "/pay/Retry/maxRetries'?",
                        "config source 'PropertiesConfigSource[source=test]'");
        assertThat(warningAbout(SHOP.replace("Shop", "Shpo") + "/pay/Retry/maxRetries"))
                .contains("no guarded bean class", "did you mean '" + SHOP + "/pay/Retry/maxRetries'?");
        assertThat(warningAbout(SHOP + "/pya/Retry/delay"))
                .contains("no guarded method pya", "did you mean '" + SHOP + "/pay/Retry/delay'?");
        assertThat(warningAbout(SHOP + "/pay/Timeout/value"))
                .contains("@Timeout does not apply to " + SHOP + "#pay", "no valid key is near it");
        assertThat(warningAbout(SHOP + "/Retry/maxRetries"))
                .contains("not on the class", "a method key does it for one method: " + SHOP + "/pay/Retry/maxRetries",
                        "no valid key is near it");
        assertThat(warningAbout("Retry/maxRetry")).contains("did you mean 'Retry/maxRetries'?");
        assertThat(warningAbout("retry/maxRetries")).contains("did you mean 'Retry/maxRetries'?");
        assertThat(warningAbout("MP_Fault_Tolerance_NonFallback_Enable"))
                .contains("did you mean 'MP_Fault_Tolerance_NonFallback_Enabled'?");
        assertThat(warningAbout("fusebox.async.max-thread")).contains("did you mean 'fusebox.async.max-threads'?");
    }

    @Test
    void validKeysAndOtherKeysAreNotWarnedAbout() {
        Map<String, String> keys = new HashMap<>();
        keys.put(SHOP + "/pay/Retry/maxRetries", "2");
        keys.put(SHOP + "/browse/Timeout/enabled", "true");
        keys.put(SHOP + "/Retry/enabled", "true");
        keys.put(STOCK + "/CircuitBreaker/delay", "10");
        keys.put(STOCK + "/count/CircuitBreaker/delayUnit", "SECONDS");
        keys.put("Retry/delay", "1");
        keys.put("Bulkhead/value", "4");
        keys.put("MP_Fault_Tolerance_Metrics_Enabled", "false");
        keys.put("fusebox.exceptions.stack-traces", "false");
        keys.put("fusebox.async.virtual-threads", "false");
        keys.put("app.name", "shop");
        keys.put("paths/a/b", "c");
        try (Container container = Container.start(keys, Shop.class, Stock.class)) {
            assertThat(container.bean(Shop.class).pay()).isEqualTo("paid");
        }
        assertThat(messages()).isEmpty();
    }

    /**
     * The comparison work is bounded: only the first 100 ignored keys (in name order) are compared
     * with the valid keys; every ignored key still gets its one warning.
     */
    @Test
    void onlyTheFirstHundredIgnoredKeysAreCompared() {
        Map<String, String> keys = new HashMap<>();
        for (int i = 0; i < 250; i++) {
            keys.put(String.format("%s/pay/Retry/maxRetries%03d", SHOP, i), "1");
        }
        try (Container container = Container.start(keys, Shop.class)) {
            assertThat(container.bean(Shop.class).pay()).isEqualTo("paid");
        }
        List<String> messages = messages();
        assertThat(messages).hasSize(250);
        assertThat(messages).filteredOn(text -> text.contains("not compared")).hasSize(150);
        assertThat(warningAbout(SHOP + "/pay/Retry/maxRetries000")).contains("did you mean '" + SHOP
                + "/pay/Retry/maxRetries'?");
        assertThat(warningAbout(SHOP + "/pay/Retry/maxRetries249")).contains("not compared");
    }

    private List<String> messages() {
        synchronized (warnings) {
            return warnings.stream().map(LogRecord::getMessage).toList();
        }
    }

    private String warningAbout(String key) {
        List<String> about = messages().stream().filter(text -> text.contains("'" + key + "'")).toList();
        assertThat(about).as("warnings about %s in %s", key, messages()).hasSize(1);
        return about.get(0);
    }
}
