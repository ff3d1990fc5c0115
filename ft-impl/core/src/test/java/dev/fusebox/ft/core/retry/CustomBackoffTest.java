package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Rejections;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A custom backoff: started once per call at its first retry, asked with each cause; a negative wait is an error. */
class CustomBackoffTest {

    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicInteger started = new AtomicInteger();
    private final List<String> causes = new CopyOnWriteArrayList<>();
    private final RecordingRetryMetrics metrics = new RecordingRetryMetrics();

    /** Waits 1, 2, 3 ... times the policy's delay, counting per call. */
    private final Backoff linear = policy -> {
        started.incrementAndGet();
        int[] retries = {0};
        return (cause, random) -> {
            causes.add(cause == null ? "result" : cause.getMessage());
            return ++retries[0] * policy.delayNanos();
        };
    };

    private RetryStep step(Backoff backoff) {
        return new RetryStep(invocation -> invocation.proceed(), "Feed.poll",
                new RetryPolicy(3, 10 * MS, 0, 0, ExceptionClassifier.all()).withBackoff(backoff).withRetryOnResult(
                        "empty"::equals), RetryAllowance.UNLIMITED, Rejections.plain(), time, time, metrics);
    }

    @Test
    void eachFailingCallStartsItsOwnDelaysAtItsFirstRetry() throws Exception {
        RetryStep step = step(linear);
        assertThat(step.call(() -> "first time")).isEqualTo("first time");
        assertThat(started).as("a call that needs no retry starts none").hasValue(0);
        for (int call = 0; call < 2; call++) {
            attempts.set(0);
            assertThat(step.call(() -> switch (attempts.incrementAndGet()) {
                case 1 -> throw new IOException("down");
                case 2 -> "empty";
                default -> "data";
            })).isEqualTo("data");
        }
        assertThat(started).hasValue(2);
        assertThat(causes).containsExactly("down", "result", "down", "result");
        assertThat(time.slept()).containsExactly(10 * MS, 20 * MS, 10 * MS, 20 * MS);
    }

    @Test
    void aNegativeWaitFailsTheCallNamingTheMethodWithTheLastFailureSuppressed() {
        IOException failure = new IOException("down");
        assertThatThrownBy(() -> step(policy -> (cause, random) -> -5).call(() -> {
            throw failure;
        })).isInstanceOf(IllegalStateException.class)
                .hasMessage("the backoff of Feed.poll gave a negative wait: -5 ns")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(failure));
        assertThat(metrics.events).containsExactly("finished false EXCEPTION_NOT_RETRYABLE");
    }

    @Test
    void aThrowingBackoffFailsTheAsynchronousCallWithTheLastFailureSuppressed() {
        IOException failure = new IOException("down");
        CompletableFuture<Object> result = new AsyncRetryStep(call -> CompletableFuture.failedFuture(failure), "Feed.poll",
                new RetryPolicy(3, 10 * MS, 0, 0, ExceptionClassifier.all()).withBackoff(policy -> (cause, random) -> {
                    throw new ArithmeticException("strategy bug");
                }), RetryAllowance.UNLIMITED, Rejections.plain(), time, time, Runnable::run, metrics)
                .call(new AsyncCall(() -> null)).toCompletableFuture();
        time.advance(Duration.ofSeconds(1));
        assertThatThrownBy(result::join).cause().isInstanceOf(ArithmeticException.class).hasMessage("strategy bug")
                .satisfies(e -> assertThat(e.getSuppressed()).containsExactly(failure));
        assertThat(metrics.events).containsExactly("finished false EXCEPTION_NOT_RETRYABLE");
    }
}
