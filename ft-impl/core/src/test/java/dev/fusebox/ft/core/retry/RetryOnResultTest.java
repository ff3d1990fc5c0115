package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.AsyncStep;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.RejectingBreaker;
import dev.fusebox.ft.core.invocation.Rejections;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Retrying on a result the policy does not accept, and on exactly the failures a predicate names. */
class RetryOnResultTest {

    private static final long MS = 1_000_000L;

    /** The exception the CDI layer would make: it carries the last result. */
    static final class NotAccepted extends RuntimeException {
        final Object result;

        NotAccepted(String message, Object result) {
            super(message);
            this.result = result;
        }
    }

    private static final Rejections REJECTIONS = new Rejections() {
        @Override
        public RuntimeException circuitOpen(RejectingBreaker breaker) {
            throw new AssertionError("not expected");
        }

        @Override
        public RuntimeException bulkheadFull(String name) {
            throw new AssertionError("not expected");
        }

        @Override
        public RuntimeException timeout(String name, long timeoutNanos) {
            throw new AssertionError("not expected");
        }

        @Override
        public RuntimeException resultNotAccepted(String name, Object lastResult, int retries) {
            return new NotAccepted(name + " after " + retries + " retries", lastResult);
        }
    };

    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger attempts = new AtomicInteger();
    private final RecordingRetryMetrics metrics = new RecordingRetryMetrics();
    private final List<Object> seen = new CopyOnWriteArrayList<>();

    private RetryPolicy pendingIsRetried(int maxRetries, long maxDuration) {
        return new RetryPolicy(maxRetries, 10 * MS, maxDuration, 0, ExceptionClassifier.all()).withRetryOnResult(result -> {
            seen.add(result);
            return "pending".equals(result);
        });
    }

    private RetryStep step(RetryPolicy policy) {
        return new RetryStep(invocation -> invocation.proceed(), "Orders.status", policy, RetryAllowance.UNLIMITED,
                REJECTIONS, time, time, metrics);
    }

    private CompletableFuture<Object> async(RetryPolicy policy, AsyncStep next) {
        return new AsyncRetryStep(next, "Orders.status", policy, RetryAllowance.UNLIMITED, REJECTIONS, time, time,
                Runnable::run, metrics).call(new AsyncCall(() -> null)).toCompletableFuture();
    }

    private Invocation pendingFor(int times) {
        return () -> attempts.incrementAndGet() <= times ? "pending" : "done";
    }

    @Test
    void anUnacceptedResultIsRetriedLikeAFailure() throws Exception {
        assertThat(step(pendingIsRetried(5, 0)).call(pendingFor(2))).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(time.slept()).containsExactly(10 * MS, 10 * MS);
        assertThat(metrics.events).containsExactly("retried", "retried", "finished true VALUE_RETURNED");
    }

    @Test
    void retriesRunningOutOnAResultThrowTheRejectionCarryingIt() {
        assertThatThrownBy(() -> step(pendingIsRetried(2, 0)).call(pendingFor(100))).isInstanceOf(NotAccepted.class)
                .hasMessage("Orders.status after 2 retries")
                .satisfies(e -> assertThat(((NotAccepted) e).result).isEqualTo("pending"));
        assertThat(attempts).hasValue(3);
        assertThat(metrics.events).endsWith("finished true MAX_RETRIES_REACHED");
    }

    @Test
    void maxDurationEndsResultRetriesToo() {
        assertThatThrownBy(() -> step(pendingIsRetried(-1, 35 * MS)).call(pendingFor(100))).isInstanceOf(NotAccepted.class)
                .hasMessage("Orders.status after 3 retries");
        assertThat(metrics.events).endsWith("finished true MAX_DURATION_REACHED");
    }

    @Test
    void theDefaultRejectionIsAPlainExceptionNamingTheMethod() {
        RetryStep step = new RetryStep(invocation -> invocation.proceed(), "Orders.status", pendingIsRetried(1, 0),
                RetryAllowance.UNLIMITED, Rejections.plain(), time, time, metrics);
        assertThatThrownBy(() -> step.call(pendingFor(100))).isInstanceOf(IllegalStateException.class)
                .hasMessage("result not accepted after 1 retries: Orders.status");
    }

    @Test
    void theAsynchronousStepTestsTheValueNeverTheStage() {
        CompletableFuture<Object> result = async(pendingIsRetried(5, 0),
                call -> CompletableFuture.completedFuture(attempts.incrementAndGet() <= 2 ? "pending" : "done"));
        time.advance(Duration.ofSeconds(1));
        assertThat(result).isCompletedWithValue("done");
        assertThat(seen).containsExactly("pending", "pending", "done");
        assertThat(time.scheduled()).containsExactly(10 * MS, 10 * MS);
    }

    @Test
    void theAsynchronousStepRunningOutOnAResultFailsWithTheRejection() {
        CompletableFuture<Object> result = async(pendingIsRetried(1, 0), call -> {
            attempts.incrementAndGet();
            return CompletableFuture.completedFuture("pending");
        });
        time.advance(Duration.ofSeconds(1));
        assertThat(attempts).hasValue(2);
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).cause().isInstanceOf(NotAccepted.class)
                .hasMessage("Orders.status after 1 retries");
        assertThat(metrics.events).containsExactly("retried", "finished true MAX_RETRIES_REACHED");
    }

    @Test
    void anExceptionPredicateReplacesRetryOnAndAbortOn() throws Exception {
        RetryPolicy policy = new RetryPolicy(5, 0, 0, 0, new ExceptionClassifier(List.of(IOException.class), List.of()))
                .withRetryOnException(failure -> failure instanceof IllegalStateException);
        RetryStep step = step(policy);
        assertThat(step.call(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("retried by the predicate");
            }
            return "third";
        })).isEqualTo("third");
        attempts.set(0);
        assertThatThrownBy(() -> step.call(() -> {
            attempts.incrementAndGet();
            throw new IOException("in retryOn, not retried");
        })).isInstanceOf(IOException.class);
        assertThat(attempts).hasValue(1);
        CompletableFuture<Object> async = async(policy, call -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("in retryOn, not retried"));
        });
        time.runDue();
        assertThat(async).isCompletedExceptionally();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aResultRetriedAfterAFailureAndAFailureAfterAResultAreOneCount() throws Exception {
        Invocation mixed = () -> switch (attempts.incrementAndGet()) {
            case 1 -> throw new IOException("down");
            case 2 -> "pending";
            default -> "done";
        };
        assertThat(step(pendingIsRetried(2, 0)).call(mixed)).isEqualTo("done");
        attempts.set(0);
        assertThatThrownBy(() -> step(pendingIsRetried(1, 0)).call(mixed)).isInstanceOf(NotAccepted.class)
                .hasMessage("Orders.status after 1 retries");
    }

    @Test
    void aThrowingResultPredicateEndsTheCallWithItsError() {
        RetryPolicy policy = new RetryPolicy(5, 0, 0, 0, ExceptionClassifier.all()).withRetryOnResult(result -> {
            throw new IllegalArgumentException("predicate bug");
        });
        assertThatThrownBy(() -> step(policy).call(() -> "value")).hasMessage("predicate bug");
        CompletableFuture<Object> async = async(policy, call -> CompletableFuture.completedFuture("value"));
        assertThatThrownBy(async::join).cause().hasMessage("predicate bug");
        assertThat(metrics.events).containsExactly("finished false EXCEPTION_NOT_RETRYABLE",
                "finished false EXCEPTION_NOT_RETRYABLE");
    }

    @Test
    void aThrowingExceptionPredicateEndsTheCallWithItsErrorTheFailureSuppressed() {
        IOException failure = new IOException("down");
        RetryPolicy policy = new RetryPolicy(5, 0, 0, 0, ExceptionClassifier.all()).withRetryOnException(e -> {
            throw new IllegalArgumentException("predicate bug");
        });
        assertThatThrownBy(() -> step(policy).call(() -> {
            throw failure;
        })).hasMessage("predicate bug").satisfies(e -> assertThat(e.getSuppressed()).containsExactly(failure));
        CompletableFuture<Object> async = async(policy, call -> CompletableFuture.failedFuture(failure));
        assertThatThrownBy(async::join).cause().hasMessage("predicate bug")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(failure));
        assertThat(metrics.events).containsExactly("finished false EXCEPTION_NOT_RETRYABLE",
                "finished false EXCEPTION_NOT_RETRYABLE");
    }

    @Test
    void anAsynchronousCallCancelledDuringTheWaitAfterAResultFailsWithTheRejection() {
        AsyncCall call = new AsyncCall(() -> null);
        CompletableFuture<Object> result = new AsyncRetryStep(c -> {
            attempts.incrementAndGet();
            return CompletableFuture.completedFuture("pending");
        }, "Orders.status", pendingIsRetried(5, 0), RetryAllowance.UNLIMITED, REJECTIONS, time, time, Runnable::run,
                metrics).call(call).toCompletableFuture();
        time.advance(Duration.ofMillis(5));
        call.cancel(false);
        time.advance(Duration.ofMillis(50));
        assertThat(attempts).hasValue(1);
        assertThatThrownBy(result::join).cause().isInstanceOf(NotAccepted.class).hasMessage("Orders.status after 1 retries");
        assertThat(metrics.events).containsExactly("retried", "finished true EXCEPTION_NOT_RETRYABLE");
    }
}
