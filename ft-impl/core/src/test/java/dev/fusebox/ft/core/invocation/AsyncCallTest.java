package dev.fusebox.ft.core.invocation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link AsyncCall}'s cancellation, one step at a time.
 *
 * <p>The lost timeout of the long chaos soak (issue 11 item 2: "a hanging call was not interrupted
 * within 10000 ms: [THROW_RETRYABLE, HANG, RETURN] ... attempts=2", a target with Retry and Timeout
 * whose caller may cancel without interrupt): the retried attempt's worker has checked that the
 * attempt is not cancelled but not yet marked itself as its runner; the attempt's timeout fires,
 * {@code cancel(true)}, and finds no runner to interrupt, leaving the interrupt to the worker; then
 * the caller cancels the call without interrupt, which cancels the attempt again,
 * {@code cancel(false)}. On e03a9a1 that second cancel overwrote "interrupt on cancel" with false,
 * so the worker, marking itself, saw a cancelled attempt that asked no interrupt and ran the hanging
 * method uninterrupted.
 */
class AsyncCallTest {

    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    /** Failed on e03a9a1: "the timeout's interrupt reaches the method: Expecting value to be true but was false". */
    @Test
    void aCancelWithoutInterruptAfterATimeoutsCancelDoesNotTakeTheInterruptBack() {
        AsyncCall attempt = new AsyncCall(() -> null);
        attempt.cancel(true); // the timeout, before the worker marked itself as the runner
        attempt.cancel(false); // the caller's cancel, passed on to the attempt
        attempt.runningOn(Thread.currentThread()); // the worker, which saw the attempt not yet cancelled
        try {
            assertThat(Thread.interrupted()).as("the timeout's interrupt reaches the method").isTrue();
        } finally {
            attempt.runningOn(null);
        }
    }

    @Test
    void aCancelWithoutInterruptAfterATimeoutsCancelLeavesTheRunningMethodInterrupted() {
        AsyncCall attempt = new AsyncCall(() -> null);
        attempt.runningOn(Thread.currentThread());
        attempt.cancel(true);
        attempt.cancel(false);
        try {
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            attempt.runningOn(null);
        }
    }

    @Test
    void aCancelWithoutInterruptNeverInterrupts() {
        AsyncCall attempt = new AsyncCall(() -> null);
        attempt.cancel(false);
        attempt.runningOn(Thread.currentThread());
        try {
            assertThat(Thread.interrupted()).isFalse();
        } finally {
            attempt.runningOn(null);
        }
    }

    @Test
    void anAttemptStartedAfterTheCallWasCancelledWithInterruptIsCancelledWithInterrupt() {
        AsyncCall call = new AsyncCall(() -> null);
        call.cancel(false);
        call.cancel(true);
        AsyncCall attempt = call.attempt();
        assertThat(attempt.isCancelled()).isTrue();
        attempt.runningOn(Thread.currentThread());
        try {
            assertThat(Thread.interrupted()).as("the call's latest word was: interrupt").isTrue();
        } finally {
            attempt.runningOn(null);
        }
    }
}
