package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Invocation;
import dev.fusebox.ft.core.invocation.Rejections;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The retry steps tell their allowance (a retry budget) of each first attempt and ask it before each retry. */
class RetryAllowanceSeamTest {

    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger attempts = new AtomicInteger();
    private final RecordingRetryMetrics metrics = new RecordingRetryMetrics();

    private RetryStep step(RetryPolicy policy, RetryAllowance allowance) {
        return new RetryStep(invocation -> invocation.proceed(), "Shop.pay", policy, allowance, Rejections.plain(),
                time, time, metrics);
    }

    private static RetryPolicy policy(int maxRetries) {
        return new RetryPolicy(maxRetries, 10 * MS, 0, 0, ExceptionClassifier.all());
    }

    private Invocation failing() {
        return () -> {
            attempts.incrementAndGet();
            time.advance(Duration.ofMillis(5));
            throw new IOException("attempt " + attempts.get());
        };
    }

    @Test
    void aRefusedRetryEndsTheCallWithTheLastFailureAsMaxRetriesReached() {
        ScriptedAllowance allowance = new ScriptedAllowance(2);
        long start = time.nanoTime();
        assertThatThrownBy(() -> step(policy(5), allowance).call(failing())).isInstanceOf(IOException.class)
                .hasMessage("attempt 3");
        assertThat(attempts).hasValue(3);
        assertThat(allowance.firstAttempts).containsExactly(start);
        assertThat(allowance.asked).as("asked after each failure, at the time of the failure")
                .containsExactly(start + 5 * MS, start + 20 * MS, start + 35 * MS);
        assertThat(metrics.events).containsExactly("retried", "retried", "budgetRefused", "finished true MAX_RETRIES_REACHED");
    }

    @Test
    void theAllowanceIsAskedOnlyWhenThePolicyItselfAllowsARetry() throws Exception {
        ScriptedAllowance allowance = new ScriptedAllowance(100);
        assertThatThrownBy(() -> step(policy(2), allowance).call(failing())).hasMessage("attempt 3");
        assertThat(allowance.asked).as("not after the third failure: maxRetries ended it").hasSize(2);
        RetryStep aborting = step(new RetryPolicy(5, 0, 0, 0, new ExceptionClassifier(List.of(IOException.class), List.of())),
                allowance);
        assertThatThrownBy(() -> aborting.call(() -> {
            throw new IllegalStateException("not retried");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(step(policy(2), allowance).call(() -> "ok")).isEqualTo("ok");
        assertThat(allowance.asked).as("neither for a failure not retried nor for a success").hasSize(2);
        assertThat(allowance.firstAttempts).as("one first attempt per call").hasSize(3);
        assertThat(metrics.events).doesNotContain("budgetRefused");
    }

    @Test
    void theAsynchronousStepAsksBeforeSchedulingAndEndsWithTheLastFailure() {
        ScriptedAllowance allowance = new ScriptedAllowance(1);
        long start = time.nanoTime();
        CompletableFuture<Object> result = new AsyncRetryStep(call -> {
            attempts.incrementAndGet();
            return CompletableFuture.failedFuture(new IOException("attempt " + attempts.get()));
        }, "Shop.pay", policy(5), allowance, Rejections.plain(), time, time, Runnable::run, metrics)
                .call(new AsyncCall(() -> null)).toCompletableFuture();
        time.advance(Duration.ofSeconds(1));
        assertThat(attempts).hasValue(2);
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).cause().hasMessage("attempt 2");
        assertThat(allowance.firstAttempts).containsExactly(start);
        assertThat(allowance.asked).containsExactly(start, start + 10 * MS);
        assertThat(time.scheduled()).as("nothing scheduled for the refused retry").hasSize(1);
        assertThat(metrics.events).containsExactly("retried", "budgetRefused", "finished true MAX_RETRIES_REACHED");
    }

    @Test
    void aRefusedRetryAfterAnUnacceptedResultEndsWithTheRejection() {
        ScriptedAllowance allowance = new ScriptedAllowance(1);
        RetryStep step = step(policy(5).withRetryOnResult("pending"::equals), allowance);
        assertThatThrownBy(() -> step.call(() -> {
            attempts.incrementAndGet();
            return "pending";
        })).isInstanceOf(IllegalStateException.class).hasMessage("result not accepted after 1 retries: Shop.pay");
        assertThat(attempts).hasValue(2);
        assertThat(allowance.asked).hasSize(2);
        assertThat(metrics.events).containsExactly("retried", "budgetRefused", "finished true MAX_RETRIES_REACHED");
    }

    @Test
    void theSuccessPathAllocatesNothing() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        RetryStep step = new RetryStep(invocation -> invocation.proceed(), "Shop.pay",
                policy(3).withBackoff(new ExponentialBackoff(2, 0, Jitter.FULL)).withRetryOnResult(r -> r == null)
                        .withBeforeRetry((invocation, retry, cause) -> { }),
                RetryAllowance.UNLIMITED, Rejections.plain(), time, time, dev.fusebox.ft.core.metrics.MethodMetrics.NONE);
        Invocation ok = () -> "ok";
        for (int i = 0; i < 20_000; i++) {
            step.call(ok);
        }
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            step.call(ok);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(allocated).as("bytes allocated by 100,000 successful calls (one object each would be 1.6 MB)")
                .isLessThan(100_000);
    }
}
