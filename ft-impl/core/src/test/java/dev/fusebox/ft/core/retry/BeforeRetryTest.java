package dev.fusebox.ft.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.core.invocation.AsyncCall;
import dev.fusebox.ft.core.invocation.ExceptionClassifier;
import dev.fusebox.ft.core.invocation.Rejections;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The before-retry hook: before every retry, after its wait, never before the first attempt; a failing hook is logged. */
class BeforeRetryTest {

    private static final long MS = 1_000_000L;

    private final VirtualTime time = new VirtualTime();
    private final AtomicInteger attempts = new AtomicInteger();
    private final List<String> events = new CopyOnWriteArrayList<>();

    private RetryPolicy policy(BeforeRetry hook) {
        return new RetryPolicy(5, 10 * MS, 0, 0, ExceptionClassifier.all())
                .withRetryOnResult("pending"::equals).withBeforeRetry(hook);
    }

    private RetryStep step(BeforeRetry hook) {
        return new RetryStep(invocation -> invocation.proceed(), "Api.fetch", policy(hook), RetryAllowance.UNLIMITED,
                Rejections.plain(), time, time, new RecordingRetryMetrics());
    }

    private final BeforeRetry recordingHook = (invocation, retry, cause) -> events.add("hook " + retry + " "
            + (cause == null ? "result" : cause.getMessage()) + " at " + time.nanoTime() / MS);

    private Object attempt() throws IOException {
        int n = attempts.incrementAndGet();
        events.add("attempt " + n + " at " + time.nanoTime() / MS);
        if (n == 1) {
            throw new IOException("token expired");
        }
        return n == 2 ? "pending" : "done";
    }

    @Test
    void theHookRunsBeforeEveryRetryAfterItsWaitWithTheCause() throws Exception {
        assertThat(step(recordingHook).call(this::attempt)).isEqualTo("done");
        assertThat(events).containsExactly("attempt 1 at 1000", "hook 1 token expired at 1010", "attempt 2 at 1010",
                "hook 2 result at 1020", "attempt 3 at 1020");
    }

    @Test
    void theHookIsNotCalledWhenTheFirstAttemptSucceedsNorAfterTheLastAttempt() throws Exception {
        assertThat(step(recordingHook).call(() -> "done")).isEqualTo("done");
        RetryStep once = new RetryStep(invocation -> invocation.proceed(), "Api.fetch",
                new RetryPolicy(1, 0, 0, 0, ExceptionClassifier.all()).withBeforeRetry(recordingHook),
                RetryAllowance.UNLIMITED, Rejections.plain(), time, time, new RecordingRetryMetrics());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> once.call(() -> {
            throw new IOException("down");
        })).isInstanceOf(IOException.class);
        assertThat(events).as("one hook: before the one retry").hasSize(1);
    }

    @Test
    void aThrowingHookIsLoggedNamingTheMethodAndTheRetryGoesOn() throws Exception {
        List<LogRecord> logged = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(BeforeRetry.class.getName());
        logger.addHandler(handler);
        try {
            assertThat(step((invocation, retry, cause) -> {
                throw new IllegalStateException("refresh failed");
            }).call(this::attempt)).isEqualTo("done");
        } finally {
            logger.removeHandler(handler);
        }
        assertThat(attempts).hasValue(3);
        assertThat(logged).hasSize(2).allSatisfy(record -> {
            assertThat(record.getLevel()).isEqualTo(Level.WARNING);
            assertThat(record.getMessage()).contains("Api.fetch").contains("before-retry hook");
            assertThat(record.getThrown()).hasMessage("refresh failed");
        });
    }

    @Test
    void theAsynchronousHookRunsOnTheExecutorJustBeforeTheAttempt() {
        List<Runnable> handedOff = new ArrayList<>();
        CompletableFuture<Object> result = new AsyncRetryStep(call -> {
            try {
                return CompletableFuture.completedFuture(attempt());
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
        }, "Api.fetch", policy(recordingHook), RetryAllowance.UNLIMITED, Rejections.plain(), time, time, handedOff::add,
                new RecordingRetryMetrics()).call(new AsyncCall(() -> null)).toCompletableFuture();
        time.advance(java.time.Duration.ofMillis(10));
        assertThat(events).as("the scheduler's task only hands over").containsExactly("attempt 1 at 1000");
        handedOff.remove(0).run();
        time.advance(java.time.Duration.ofMillis(10));
        handedOff.remove(0).run();
        assertThat(result).isCompletedWithValue("done");
        assertThat(events).containsExactly("attempt 1 at 1000", "hook 1 token expired at 1010", "attempt 2 at 1010",
                "hook 2 result at 1020", "attempt 3 at 1020");
    }
}
