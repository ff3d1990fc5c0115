package dev.fusebox.ft.cdi.it;

import static dev.fusebox.ft.cdi.it.InvalidDefinitionTest.deploymentFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every parameter that sizes memory has an upper bound, and a value above it fails deployment with
 * a message naming class, method, annotation, parameter, value and bound, before any engine is
 * built (so nothing is allocated for it).
 */
@ExtendWith(ThreadHygiene.class)
class BoundedParametersTest {

    @ApplicationScoped
    public static class Guarded {
        @CircuitBreaker
        public String breaker() {
            return "ok";
        }

        @Bulkhead
        @Asynchronous
        public CompletionStage<String> limited() {
            return CompletableFuture.completedFuture("ok");
        }
    }

    @ApplicationScoped
    public static class HugeWindowInTheAnnotation {
        @CircuitBreaker(requestVolumeThreshold = Integer.MAX_VALUE)
        public String breaker() {
            return "ok";
        }
    }

    private static final String BREAKER = Guarded.class.getName() + "/breaker/CircuitBreaker/";
    private static final String BULKHEAD = Guarded.class.getName() + "/limited/Bulkhead/";

    @Test
    void aRequestVolumeThresholdAboveTheBoundFailsDeploymentWithoutAllocatingTheWindow() {
        assertThat(deploymentFailure(Map.of(BREAKER + "requestVolumeThreshold", "2147483647"), Guarded.class))
                .contains("FaultToleranceDefinitionException", Guarded.class.getName() + "#breaker", "@CircuitBreaker",
                        "requestVolumeThreshold = 2147483647", "at most 10000");
    }

    @Test
    void theBoundAppliesToTheAnnotationItselfToo() {
        assertThat(deploymentFailure(Map.of(), HugeWindowInTheAnnotation.class))
                .contains(HugeWindowInTheAnnotation.class.getName() + "#breaker", "@CircuitBreaker",
                        "requestVolumeThreshold = 2147483647", "at most 10000");
    }

    @Test
    void aBulkheadValueAboveTheBoundFailsDeployment() {
        assertThat(deploymentFailure(Map.of(BULKHEAD + "value", "2147483647"), Guarded.class))
                .contains("FaultToleranceDefinitionException", Guarded.class.getName() + "#limited", "@Bulkhead",
                        "value = 2147483647", "at most 10000");
    }

    @Test
    void aWaitingTaskQueueAboveTheBoundFailsDeployment() {
        assertThat(deploymentFailure(Map.of(BULKHEAD + "waitingTaskQueue", "10001"), Guarded.class))
                .contains("FaultToleranceDefinitionException", Guarded.class.getName() + "#limited", "@Bulkhead",
                        "waitingTaskQueue = 10001", "at most 10000");
    }

    @Test
    void anAsyncPoolAboveTheBoundFailsDeployment() {
        assertThat(deploymentFailure(Map.of("fusebox.async.max-threads", "100000"), Guarded.class))
                .contains("fusebox.async.max-threads must be 1 to 1024", "100000");
    }

    @Test
    void valuesAtTheBoundsDeploy() {
        try (Container container = Container.start(Map.of(BREAKER + "requestVolumeThreshold", "10000",
                BULKHEAD + "value", "10000", BULKHEAD + "waitingTaskQueue", "10000",
                "fusebox.async.max-threads", "1024"), Guarded.class)) {
            assertThat(container.bean(Guarded.class).breaker()).isEqualTo("ok");
        }
    }
}
