package dev.fusebox.ft.jmx.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.management.ObjectName;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A half-open breaker whose trial call does not return shows it through its MXBean: how long it has
 * been half-open, the trials admitted and the ones still running. Read as a plain JMX client reads
 * attributes (by name, open types), so a server without them fails here.
 */
@ExtendWith(ThreadHygiene.class)
class HalfOpenTrialsTest {

    /** Opens on one failure, half-opens on the next call, closes after two successful trials. */
    @ApplicationScoped
    public static class Gateway {
        @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = 0, successThreshold = 2)
        public String call(CountDownLatch entered, CountDownLatch release) throws InterruptedException {
            if (entered == null) {
                throw new IllegalStateException("gateway down");
            }
            entered.countDown();
            if (!release.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the trial");
            }
            return "through";
        }
    }

    private Container container;
    private ObjectName breaker;
    private final ExecutorService caller = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() {
        container = Container.start(Map.of("fusebox.management.application", "trials"), Gateway.class);
        breaker = MBeans.name(container, ManagementNames.CIRCUIT_BREAKER, Gateway.class, "call");
    }

    @AfterEach
    void stop() throws InterruptedException {
        caller.shutdownNow();
        assertThat(caller.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        container.close();
    }

    private Object attribute(String name) throws Exception {
        return MBeans.SERVER.getAttribute(breaker, name);
    }

    @Test
    void aTrialStillRunningShowsAsAdmittedAndInFlight() throws Exception {
        Gateway gateway = container.bean(Gateway.class);
        assertThatThrownBy(() -> gateway.call(null, null)).isInstanceOf(IllegalStateException.class);
        assertThat(attribute("TrialsAdmitted")).as("closed").isEqualTo(0);
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<String> trial = caller.submit(() -> gateway.call(entered, release));
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(attribute("State")).isEqualTo("HALF_OPEN");
        assertThat(attribute("TrialsAdmitted")).isEqualTo(1);
        assertThat(attribute("TrialsInFlight")).isEqualTo(1);
        assertThat((Long) attribute("TimeInStateMillis")).isNotNegative();

        release.countDown();
        assertThat(trial.get(10, TimeUnit.SECONDS)).isEqualTo("through");
        assertThat(attribute("State")).as("1 of 2 trials succeeded").isEqualTo("HALF_OPEN");
        assertThat(attribute("TrialsAdmitted")).isEqualTo(1);
        assertThat(attribute("TrialsInFlight")).isEqualTo(0);
    }

    @Test
    void aBreakerThatIsNotHalfOpenHasNoTrials() throws Exception {
        Gateway gateway = container.bean(Gateway.class);
        assertThatThrownBy(() -> gateway.call(null, null)).isInstanceOf(IllegalStateException.class);
        MBeans.proxy(breaker, dev.fusebox.ft.management.CircuitBreakerMXBean.class).forceOpen("maintenance", "");
        assertThatThrownBy(() -> gateway.call(new CountDownLatch(1), new CountDownLatch(0)))
                .isInstanceOf(CircuitBreakerOpenException.class);
        assertThat(attribute("TrialsAdmitted")).isEqualTo(0);
        assertThat(attribute("TrialsInFlight")).isEqualTo(0);
    }
}
