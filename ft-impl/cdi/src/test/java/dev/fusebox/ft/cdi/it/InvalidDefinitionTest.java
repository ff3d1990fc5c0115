package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.Future;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.jboss.weld.exceptions.DefinitionException;
import org.jboss.weld.exceptions.DeploymentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(ThreadHygiene.class)
class InvalidDefinitionTest {

    @ApplicationScoped
    public static class BadRatio {
        @CircuitBreaker(failureRatio = 1.5)
        public String ratio() {
            return "";
        }
    }

    @ApplicationScoped
    public static class BadFallbackSignature {
        @Fallback(fallbackMethod = "recover")
        public String lookup(int id) {
            return "";
        }

        String recover(String id) {
            return "";
        }
    }

    @ApplicationScoped
    public static class BadFallbackReturn {
        @Fallback(fallbackMethod = "recover")
        public String lookup(int id) {
            return "";
        }

        Integer recover(int id) {
            return 0;
        }
    }

    public static class NumberHandler implements FallbackHandler<Integer> {
        @Override
        public Integer handle(ExecutionContext context) {
            return 0;
        }
    }

    @ApplicationScoped
    public static class BadFallbackHandler {
        @Fallback(NumberHandler.class)
        public String lookup() {
            return "";
        }
    }

    @ApplicationScoped
    public static class BadRetries {
        @Retry(maxRetries = -2)
        public String retried() {
            return "";
        }
    }

    @ApplicationScoped
    public static class BadBulkhead {
        @Bulkhead(0)
        public String limited() {
            return "";
        }
    }

    @ApplicationScoped
    public static class BadTimeout {
        @Timeout(-1)
        public String bounded() {
            return "";
        }
    }

    @ApplicationScoped
    public static class BadAsynchronous {
        @Asynchronous
        public String background() {
            return "";
        }
    }

    @ApplicationScoped
    public static class TwoBadMethods {
        @CircuitBreaker(failureRatio = -0.1)
        public String first() {
            return "";
        }

        @Timeout(-3)
        public String second() {
            return "";
        }
    }

    @ApplicationScoped
    public static class Valid {
        @Retry(maxRetries = 1)
        public String retried() {
            return "";
        }

        @CircuitBreaker
        @Asynchronous
        public Future<String> later() {
            return null;
        }
    }

    @Test
    void failureRatioAboveOne() {
        assertThat(deploymentFailure(Map.of(), BadRatio.class))
                .contains(BadRatio.class.getName(), "ratio", "@CircuitBreaker", "failureRatio", "1.5");
    }

    @Test
    void fallbackMethodWithTheWrongParameters() {
        assertThat(deploymentFailure(Map.of(), BadFallbackSignature.class))
                .contains(BadFallbackSignature.class.getName(), "lookup", "@Fallback", "fallbackMethod", "recover");
    }

    @Test
    void fallbackMethodWithTheWrongReturnType() {
        assertThat(deploymentFailure(Map.of(), BadFallbackReturn.class))
                .contains(BadFallbackReturn.class.getName(), "lookup", "@Fallback", "fallbackMethod", "recover");
    }

    @Test
    void fallbackHandlerOfTheWrongType() {
        assertThat(deploymentFailure(Map.of(), BadFallbackHandler.class, NumberHandler.class))
                .contains(BadFallbackHandler.class.getName(), "lookup", "@Fallback", NumberHandler.class.getName(),
                        "Integer");
    }

    @Test
    void negativeMaxRetries() {
        assertThat(deploymentFailure(Map.of(), BadRetries.class))
                .contains(BadRetries.class.getName(), "retried", "@Retry", "maxRetries", "-2");
    }

    @Test
    void bulkheadOfZero() {
        assertThat(deploymentFailure(Map.of(), BadBulkhead.class))
                .contains(BadBulkhead.class.getName(), "limited", "@Bulkhead", "value", "0");
    }

    @Test
    void negativeTimeout() {
        assertThat(deploymentFailure(Map.of(), BadTimeout.class))
                .contains(BadTimeout.class.getName(), "bounded", "@Timeout", "value", "-1");
    }

    @Test
    void asynchronousMethodReturningString() {
        assertThat(deploymentFailure(Map.of(), BadAsynchronous.class))
                .contains(BadAsynchronous.class.getName(), "background", "@Asynchronous", "String");
    }

    @Test
    void unreadableConfiguredValue() {
        assertThat(deploymentFailure(Map.of("Retry/maxRetries", "abc"), Valid.class))
                .contains(Valid.class.getName(), "retried", "@Retry", "maxRetries", "abc");
    }

    @Test
    void negativeDelayFromConfig() {
        assertThat(deploymentFailure(Map.of(Valid.class.getName() + "/later/CircuitBreaker/delay", "-5"), Valid.class))
                .contains(Valid.class.getName(), "later", "@CircuitBreaker", "delay", "-5");
    }

    @Test
    void aDisabledAnnotationIsStillValidated() {
        assertThat(deploymentFailure(Map.of("Retry/enabled", "false"), BadRetries.class))
                .contains(BadRetries.class.getName(), "@Retry", "maxRetries", "-2");
    }

    @Test
    void everyInvalidMethodOfABeanIsListed() {
        assertThat(deploymentFailure(Map.of(), TwoBadMethods.class, Valid.class))
                .contains("Exception List with 2 exceptions", "FaultToleranceDefinitionException",
                        TwoBadMethods.class.getName() + "#first", "failureRatio",
                        TwoBadMethods.class.getName() + "#second", "@Timeout")
                .doesNotContain(Valid.class.getName());
    }

    @Test
    void everyInvalidBeanIsListedInOneDeployment() {
        assertThat(deploymentFailure(Map.of(), BadRatio.class, BadBulkhead.class, BadTimeout.class, Valid.class))
                .contains("Exception List with 3 exceptions", BadRatio.class.getName(), BadBulkhead.class.getName(),
                        BadTimeout.class.getName());
    }

    @Test
    void theValidBeanDeploys() {
        try (Container container = Container.start(Valid.class)) {
            assertThat(container.bean(Valid.class)).isNotNull();
        }
    }

    /** Starts a container that must fail; returns the message Weld reports (it lists every error). */
    static String deploymentFailure(Map<String, String> properties, Class<?>... beans) {
        Throwable failure = catchThrowable(() -> Container.start(properties, beans).close());
        assertThat(failure).as("deployment fails").isNotNull()
                .isInstanceOfAny(DefinitionException.class, DeploymentException.class);
        return failure.getMessage();
    }
}
