package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.CallPriority;
import dev.fusebox.ft.api.LoadShedException;
import dev.fusebox.ft.api.RateLimitException;
import dev.fusebox.ft.api.RetryResultException;
import dev.fusebox.ft.api.OpenCircuitDelay;
import dev.fusebox.ft.core.invocation.RejectingBreaker;
import dev.fusebox.ft.core.invocation.Rejections;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The MicroProfile Fault Tolerance exceptions for the engines' own rejections, and Fusebox's
 * {@link RateLimitException}. Each fail-fast rejection (open circuit, full bulkhead, exceeded rate
 * limit) has one class, used whatever the setting: it builds its
 * message only when asked, and fills in its stack trace only with
 * {@code fusebox.exceptions.stack-traces=true}, so by default failing fast costs one small object
 * and takes no lock: the trace would only show the interceptor chain, never the caller's fault.
 * An open-circuit rejection also implements {@link OpenCircuitDelay}: it keeps the breaker (in
 * place of its name, which it reads from it) and asks it for the remaining delay only when asked,
 * so failing fast still allocates one object of the same size and reads no clock. Immutable;
 * thread-safe.
 *
 * <p>Why two classes of the same shape and not one: each must be an instance of its own
 * MicroProfile type (the TCK and applications catch {@code CircuitBreakerOpenException} and
 * {@code BulkheadException}), and those types offer no constructor that skips the stack trace, so
 * each needs a subclass of its own; Java gives a class one superclass.
 */
public final class MicroProfileRejections implements Rejections {

    static final String CIRCUIT_OPEN = "circuit breaker is open: ";
    static final String BULKHEAD_FULL = "bulkhead is full: ";
    static final String RATE_EXCEEDED = "rate limit exceeded: ";

    private final boolean stackTraces;

    public MicroProfileRejections(boolean stackTraces) {
        this.stackTraces = stackTraces;
    }

    @Override
    public RuntimeException circuitOpen(RejectingBreaker breaker) {
        return new OpenCircuit(breaker, stackTraces);
    }

    @Override
    public RuntimeException bulkheadFull(String name) {
        return new FullBulkhead(name, stackTraces);
    }

    /** Fusebox's {@link RateLimitException}, with the wait the limiter gave. */
    @Override
    public RuntimeException rateLimited(String name, long retryAfterNanos) {
        return new ExceededRate(name, retryAfterNanos, stackTraces);
    }

    /** Fusebox's {@link LoadShedException}, a {@code BulkheadException} with the priority and the window. */
    @Override
    public RuntimeException shed(String name, String priority, long retryAfterNanos) {
        return new Shed(name, CallPriority.valueOf(priority), retryAfterNanos, stackTraces);
    }

    /** Fusebox's {@link RetryResultException}, holding the result the retry predicate still refused. */
    @Override
    public RuntimeException resultNotAccepted(String name, Object lastResult, int retries) {
        return new RetryResultException("retries ended after " + retries + " with a result the retry does not accept: "
                + name, lastResult);
    }

    /** Always the exact MicroProfile type: the TCK checks the class of a timeout, and a timeout is no fast path. */
    @Override
    public RuntimeException timeout(String name, long timeoutNanos) {
        return new TimeoutException("timed out after " + Duration.ofNanos(timeoutNanos) + ": " + name);
    }

    /** How a rejection reads in logs: as the public type an application catches, then the message. */
    private static String describe(Class<?> publicType, Throwable rejection) {
        return publicType.getName() + ": " + rejection.getMessage();
    }

    /** A circuit-open rejection. Immutable after construction. */
    private static final class OpenCircuit extends CircuitBreakerOpenException implements OpenCircuitDelay {
        private static final long serialVersionUID = 1L;
        /** Not serialized: a deserialized rejection has neither name nor delay. */
        private final transient RejectingBreaker breaker;

        OpenCircuit(RejectingBreaker breaker, boolean stackTrace) {
            super(null, null);
            this.breaker = breaker;
            if (stackTrace) {
                super.fillInStackTrace();
            }
        }

        @Override
        public String getMessage() {
            return CIRCUIT_OPEN + (breaker == null ? "(deserialized)" : breaker.name());
        }

        @Override
        public Optional<Duration> remainingOpenDelay() {
            long nanos = breaker == null ? Long.MAX_VALUE : breaker.remainingOpenNanos();
            return nanos == Long.MAX_VALUE ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
        }

        /** Fills in nothing and takes no lock (Throwable's is synchronized): the constructor fills the trace when the setting asks for one. */
        @Override
        public Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String toString() {
            return describe(CircuitBreakerOpenException.class, this);
        }
    }

    /** A full-bulkhead rejection. Immutable after construction. */
    private static final class FullBulkhead extends BulkheadException {
        private static final long serialVersionUID = 1L;
        private final String name;

        FullBulkhead(String name, boolean stackTrace) {
            super(null, null);
            this.name = name;
            if (stackTrace) {
                super.fillInStackTrace();
            }
        }

        @Override
        public String getMessage() {
            return BULKHEAD_FULL + name;
        }

        /** Fills in nothing and takes no lock (Throwable's is synchronized): the constructor fills the trace when the setting asks for one. */
        @Override
        public Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String toString() {
            return describe(BulkheadException.class, this);
        }
    }

    /** A rate-limit rejection. Immutable after construction. */
    private static final class ExceededRate extends RateLimitException {
        private static final long serialVersionUID = 1L;

        ExceededRate(String name, long retryAfterNanos, boolean stackTrace) {
            super(RATE_EXCEEDED + name, Duration.ofNanos(retryAfterNanos));
            if (stackTrace) {
                super.fillInStackTrace();
            }
        }

        /** Fills in nothing and takes no lock (Throwable's is synchronized): the constructor fills the trace when the setting asks for one. */
        @Override
        public Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String toString() {
            return describe(RateLimitException.class, this);
        }
    }

    /** An adaptive bulkhead's refusal. Immutable after construction. */
    private static final class Shed extends LoadShedException {
        private static final long serialVersionUID = 1L;

        Shed(String name, CallPriority priority, long retryAfterNanos, boolean stackTrace) {
            super(BULKHEAD_FULL + name + " (adaptive limit, " + priority + " call)", priority,
                    Duration.ofNanos(retryAfterNanos));
            if (stackTrace) {
                super.fillInStackTrace();
            }
        }

        /** Fills in nothing and takes no lock (Throwable's is synchronized): the constructor fills the trace when the setting asks for one. */
        @Override
        public Throwable fillInStackTrace() {
            return this;
        }

        @Override
        public String toString() {
            return describe(LoadShedException.class, this);
        }
    }
}
