package dev.fusebox.ft.cdi.it;

import static dev.fusebox.ft.cdi.it.InvalidDefinitionTest.deploymentFailure;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.api.BeforeRetry;
import dev.fusebox.ft.api.BeforeRetryHandler;
import dev.fusebox.ft.api.CustomBackoff;
import dev.fusebox.ft.api.CustomBackoffStrategy;
import dev.fusebox.ft.api.ExponentialBackoff;
import dev.fusebox.ft.api.FibonacciBackoff;
import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RateLimitType;
import dev.fusebox.ft.api.RetryBudget;
import dev.fusebox.ft.api.RetryWhen;
import dev.fusebox.ft.testing.Container;
import dev.fusebox.ft.testing.ThreadHygiene;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fusebox's own annotations are validated at deployment like the specification's: an invalid
 * value, in the annotation or in MicroProfile Config, fails deployment with a message naming the
 * class, method, annotation, parameter, value and where it came from; and the rules between them
 * (a backoff needs a retry, one backoff per element, ...) are enforced with a message that says
 * what to do.
 */
@ExtendWith(ThreadHygiene.class)
class FuseboxDefinitionTest {

    @ApplicationScoped
    public static class Valid {
        @RateLimit(value = 5, type = RateLimitType.SMOOTH)
        public String limited() {
            return "ok";
        }

        @Retry(delay = 10)
        @ExponentialBackoff
        @RetryWhen(result = IsNull.class)
        @BeforeRetry(methodName = "refresh")
        @RetryBudget(group = "stock")
        public String retried() {
            return "ok";
        }

        void refresh(Throwable cause) {
        }
    }

    public static class IsNull implements Predicate<Object> {
        @Override
        public boolean test(Object result) {
            return result == null;
        }
    }

    @ApplicationScoped
    public static class BackoffWithoutRetry {
        @ExponentialBackoff
        public String call() {
            return "ok";
        }
    }

    @ApplicationScoped
    public static class TwoBackoffs {
        @Retry(delay = 10)
        @ExponentialBackoff
        @FibonacciBackoff
        public String call() {
            return "ok";
        }
    }

    @ApplicationScoped
    public static class PredicateAndRetryOn {
        @Retry(retryOn = IllegalStateException.class)
        @RetryWhen(exception = AnyFailure.class)
        public String call() {
            return "ok";
        }
    }

    public static class AnyFailure implements Predicate<Throwable> {
        @Override
        public boolean test(Throwable failure) {
            return true;
        }
    }

    @ApplicationScoped
    public static class HandlerAndMethod {
        @Retry
        @BeforeRetry(value = Hook.class, methodName = "refresh")
        public String call() {
            return "ok";
        }

        void refresh() {
        }
    }

    public static class Hook implements BeforeRetryHandler {
        @Override
        public void beforeRetry(int retry, Throwable cause) {
        }
    }

    @ApplicationScoped
    public static class NoSuchHook {
        @Retry
        @BeforeRetry(methodName = "missing")
        public String call() {
            return "ok";
        }
    }

    @ApplicationScoped
    public static class StrategyWithoutConstructor {
        @Retry
        @CustomBackoff(Needy.class)
        public String call() {
            return "ok";
        }
    }

    public static class Needy implements CustomBackoffStrategy {
        public Needy(int seed) {
        }

        @Override
        public Duration nextDelay(Throwable cause) {
            return Duration.ZERO;
        }
    }

    @ApplicationScoped
    public static class DisagreeingGroup {
        @Retry
        @RetryBudget(group = "stock", ratio = 0.2)
        public String one() {
            return "ok";
        }

        @Retry
        @RetryBudget(group = "stock", ratio = 0.5)
        public String two() {
            return "ok";
        }
    }

    private static final String LIMITED = Valid.class.getName() + "/limited/RateLimit/";
    private static final String RETRIED = Valid.class.getName() + "/retried/";

    @Test
    void validAnnotationsDeploy() {
        Container.start(Map.of(), Valid.class).close();
    }

    @Test
    void aRateLimitBelowOneOrAboveItsBoundFailsDeployment() {
        assertThat(deploymentFailure(Map.of(LIMITED + "value", "0"), Valid.class))
                .contains(Valid.class.getName() + "#limited", "@RateLimit", "value = 0", "at least 1",
                        "key '" + LIMITED + "value'");
        assertThat(deploymentFailure(Map.of(LIMITED + "value", "10001", LIMITED + "type", "rolling"), Valid.class))
                .contains("@RateLimit", "value = 10001", "at most 10000 for a ROLLING window", "one slot in memory");
        assertThat(deploymentFailure(Map.of(LIMITED + "value", "1000001"), Valid.class))
                .contains("@RateLimit", "value = 1000001", "at most 1000000 for a SMOOTH window");
    }

    @Test
    void anUnknownWindowTypeOrShadowValueNamesTheValidOnes() {
        assertThat(deploymentFailure(Map.of(LIMITED + "type", "sliding"), Valid.class))
                .contains("@RateLimit", "type = 'sliding'", "not one of FIXED, ROLLING, SMOOTH");
        assertThat(deploymentFailure(Map.of(LIMITED + "shadow", "yes"), Valid.class))
                .contains("@RateLimit", "shadow = 'yes'", "neither true nor false");
    }

    @Test
    void aZeroWindowOrNegativeSpacingFailsDeployment() {
        assertThat(deploymentFailure(Map.of(LIMITED + "window", "0"), Valid.class))
                .contains("@RateLimit", "window = 0", "at least 1");
        assertThat(deploymentFailure(Map.of(LIMITED + "windowUnit", "micros"), Valid.class))
                .contains("@RateLimit", "window = 1", "between 1 millisecond and 365 days");
        assertThat(deploymentFailure(Map.of(LIMITED + "minSpacing", "-1"), Valid.class))
                .contains("@RateLimit", "minSpacing = -1", "must not be negative");
    }

    @Test
    void aBackoffWithoutARetryFailsDeploymentSayingWhatToAdd() {
        assertThat(deploymentFailure(Map.of(), BackoffWithoutRetry.class))
                .contains("@ExponentialBackoff on " + BackoffWithoutRetry.class.getName() + "#call()",
                        "no @Retry governs this method", "add @Retry");
    }

    @Test
    void twoBackoffsOnOneMethodFailDeployment() {
        assertThat(deploymentFailure(Map.of(), TwoBackoffs.class))
                .contains(TwoBackoffs.class.getName() + "#call", "@FibonacciBackoff is on the same method", "one backoff");
    }

    @Test
    void aBackoffFactorBelowOneOrACapPastMaxDurationFailsDeployment() {
        assertThat(deploymentFailure(Map.of(RETRIED + "ExponentialBackoff/factor", "0"), Valid.class))
                .contains("@ExponentialBackoff", "factor = 0", "at least 1", "ExponentialBackoff/factor");
        assertThat(deploymentFailure(Map.of(RETRIED + "ExponentialBackoff/maxDelay", "200000"), Valid.class))
                .contains("@ExponentialBackoff", "maxDelay = 200000", "less than the @Retry maxDuration");
        assertThat(deploymentFailure(Map.of(RETRIED + "ExponentialBackoff/jitter", "random"), Valid.class))
                .contains("jitter = 'random'", "not one of NONE, FULL, EQUAL, DECORRELATED");
    }

    @Test
    void anExceptionPredicateBesideRetryOnFailsDeployment() {
        assertThat(deploymentFailure(Map.of(), PredicateAndRetryOn.class))
                .contains("@RetryWhen", "exception = " + AnyFailure.class.getName(), "replaces the @Retry retryOn");
    }

    @Test
    void aBeforeRetryNeedsExactlyOneOfHandlerAndMethod() {
        assertThat(deploymentFailure(Map.of(), HandlerAndMethod.class))
                .contains("@BeforeRetry", "and methodName = refresh are both set");
        assertThat(deploymentFailure(Map.of(), NoSuchHook.class))
                .contains("@BeforeRetry", "methodName = missing", "names no method of " + NoSuchHook.class.getName());
    }

    @Test
    void aStrategyThatCannotBeMadeFailsDeployment() {
        assertThat(deploymentFailure(Map.of(), StrategyWithoutConstructor.class))
                .contains("@CustomBackoff", Needy.class.getName(), "no public constructor without parameters");
    }

    @Test
    void aBudgetOutOfBoundsFailsDeployment() {
        assertThat(deploymentFailure(Map.of(RETRIED + "RetryBudget/ratio", "11"), Valid.class))
                .contains("@RetryBudget", "ratio = 11.0", "between 0 and 10");
        assertThat(deploymentFailure(Map.of(RETRIED + "RetryBudget/ttl", "0"), Valid.class))
                .contains("@RetryBudget", "ttl = 0", "between 1 and 60 seconds");
        assertThat(deploymentFailure(Map.of(RETRIED + "RetryBudget/minRetriesPerSecond", "-1"), Valid.class))
                .contains("@RetryBudget", "minRetriesPerSecond = -1");
    }

    @Test
    void theMethodsOfABudgetGroupMustAgreeOnIt() {
        assertThat(deploymentFailure(Map.of(), DisagreeingGroup.class))
                .contains("@RetryBudget", "shares group 'stock'", "ratio=0.2", "ratio=0.5", "must agree");
    }
}
