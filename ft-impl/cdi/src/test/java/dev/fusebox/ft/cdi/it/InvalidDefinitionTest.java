package dev.fusebox.ft.cdi.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.SeImplementation;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.ArrayList;
import java.util.List;
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
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;
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
        FaultToleranceDefinitionException error = definitionError(Map.of(), TwoBadMethods.class, Valid.class);
        assertThat(error.getMessage())
                .contains("2 invalid fault tolerance definitions",
                        TwoBadMethods.class.getName() + "#first", "failureRatio",
                        TwoBadMethods.class.getName() + "#second", "@Timeout")
                .doesNotContain(Valid.class.getName());
        assertThat(error.getSuppressed()).as("each error on its own").hasSize(2)
                .allSatisfy(each -> assertThat(each).isInstanceOf(FaultToleranceDefinitionException.class));
    }

    @Test
    void everyInvalidBeanIsListedInOneDeployment() {
        FaultToleranceDefinitionException error = definitionError(Map.of(), BadRatio.class, BadBulkhead.class,
                BadTimeout.class, Valid.class);
        assertThat(error.getMessage()).contains("3 invalid fault tolerance definitions", BadRatio.class.getName(),
                BadBulkhead.class.getName(), BadTimeout.class.getName());
        assertThat(error.getSuppressed()).hasSize(3);
    }

    @Test
    void theValidBeanDeploys() {
        try (Container container = Container.start(Valid.class)) {
            assertThat(container.bean(Valid.class)).isNotNull();
        }
    }

    /** Starts a container that must fail; returns the definition error it reports, as its type and message. */
    static String deploymentFailure(Map<String, String> properties, Class<?>... beans) {
        return definitionError(properties, beans).toString();
    }

    /**
     * Starts a container that must fail with a CDI definition or deployment error, and returns the
     * one {@link FaultToleranceDefinitionException} that lists every invalid definition, where the
     * container puts an exception an extension's observer throws: OpenWebBeans makes it the cause
     * of its own (it would only log errors given to {@code addDefinitionError}), Weld lists it as
     * a suppressed exception of its own.
     */
    static FaultToleranceDefinitionException definitionError(Map<String, String> properties, Class<?>... beans) {
        Throwable failure = catchThrowable(() -> Container.start(properties, beans).close());
        assertThat(failure).as("deployment fails").isNotNull()
                .isInstanceOfAny(DefinitionException.class, DeploymentException.class);
        List<Throwable> reported = new ArrayList<>();
        if (SeImplementation.current() == SeImplementation.WELD) {
            reported.addAll(List.of(failure.getSuppressed()));
        } else {
            for (Throwable cause = failure; cause != null && reported.size() < 16; cause = cause.getCause()) {
                reported.add(cause);
            }
        }
        List<Throwable> errors = reported.stream().filter(FaultToleranceDefinitionException.class::isInstance).toList();
        assertThat(errors).as("the fault tolerance definition errors reported by %s", failure).hasSize(1);
        return (FaultToleranceDefinitionException) errors.get(0);
    }
}
