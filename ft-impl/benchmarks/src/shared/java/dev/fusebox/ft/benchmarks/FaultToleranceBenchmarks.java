package dev.fusebox.ft.benchmarks;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One business call per operation through real Weld SE interception, on beans of one container
 * started per trial and shared by all benchmark threads. Which fault-tolerance implementation
 * intercepts is decided by the class path of the module that compiled this class. Thread-safety: JMH
 * runs setup and teardown on one thread; the benchmark methods only read the fields set there and
 * call thread-safe beans.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FaultToleranceBenchmarks {

    /** More failing calls than any breaker here needs to open; more means a setup bug. */
    private static final int MAX_CALLS_TO_OPEN = 100;
    /** Threads of the plain pool: enough that no benchmark thread waits for one. */
    private static final int HAND_OFF_THREADS = 4;
    private static final Callable<String> TRIVIAL = () -> "ok";

    private BenchmarkContainer container;
    private PlainService plain;
    private PassThroughService passThrough;
    private GuardedService guarded;
    private FailingService failing;
    private RefusedService refused;
    private ThreadPoolExecutor handOffPool;

    @Setup(Level.Trial)
    public void startContainer() {
        container = BenchmarkContainer.start(PlainService.class, PassThrough.class, PassThroughInterceptor.class,
                PassThroughService.class, Refuse.class, RefusingInterceptor.class, RefusedService.class,
                GuardedService.class, FailingService.class);
        plain = container.bean(PlainService.class);
        passThrough = container.bean(PassThroughService.class);
        guarded = container.bean(GuardedService.class);
        failing = container.bean(FailingService.class);
        refused = container.bean(RefusedService.class);
        checkRefusalArrivesUnwrapped();
        handOffPool = new ThreadPoolExecutor(HAND_OFF_THREADS, HAND_OFF_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), Executors.defaultThreadFactory());
        handOffPool.prestartAllCoreThreads();
        openFailFastBreaker();
        openFallbackBreaker();
    }

    @TearDown(Level.Trial)
    public void stopContainer() {
        handOffPool.shutdownNow();
        container.close();
    }

    @Benchmark
    public String plainCall() {
        return plain.call();
    }

    @Benchmark
    public String noopInterceptor() {
        return passThrough.call();
    }

    /** A method without any fault-tolerance annotation on a bean that has them elsewhere: should cost {@link #plainCall}. */
    @Benchmark
    public String unguardedOfGuardedBean() {
        return guarded.unguarded();
    }

    /** The same, behind {@link PassThroughInterceptor}: should cost {@link #noopInterceptor}. */
    @Benchmark
    public String unguardedBehindInterceptor() {
        return guarded.unguardedPassThrough();
    }

    /** The floor under {@link #openBreakerFailsFast}: an interceptor that throws, through Weld. */
    @Benchmark
    public Object noopInterceptorThrows() {
        try {
            return refused.call();
        } catch (RefusingInterceptor.Refusal refusal) {
            return refusal;
        }
    }

    @Benchmark
    public String circuitBreakerClosed() {
        return guarded.circuitBreaker();
    }

    @Benchmark
    public String retrySucceeds() {
        return guarded.retry();
    }

    @Benchmark
    public String bulkhead() {
        return guarded.bulkhead();
    }

    @Benchmark
    public String timeoutNotReached() {
        return guarded.timeout();
    }

    @Benchmark
    public String fallbackNotUsed() {
        return guarded.fallback();
    }

    @Benchmark
    public String allFiveCombined() {
        return guarded.allFive();
    }

    @Benchmark
    public Object openBreakerFailsFast() {
        try {
            return failing.failFast();
        } catch (CircuitBreakerOpenException rejected) {
            return rejected;
        }
    }

    @Benchmark
    public String openBreakerWithFallback() {
        return failing.withFallback();
    }

    @Benchmark
    public String asyncBulkheadJoined() {
        return guarded.asyncBulkhead().toCompletableFuture().join();
    }

    /**
     * The floor under {@link #asyncBulkheadJoined}: a trivial task handed to a plain thread pool
     * and waited for, no CDI.
     */
    @Benchmark
    public String plainExecutorHandOff() throws InterruptedException, ExecutionException {
        return handOffPool.submit(TRIVIAL).get();
    }

    /** The floor benchmark measures what it claims only if Weld hands the interceptor's exception through as it is. */
    private void checkRefusalArrivesUnwrapped() {
        try {
            refused.call();
        } catch (RefusingInterceptor.Refusal refusal) {
            if (refusal != RefusingInterceptor.REFUSAL) {
                throw new IllegalStateException("Weld replaced the interceptor's exception", refusal);
            }
            return;
        }
        throw new IllegalStateException("the refusing interceptor did not intercept");
    }

    private void openFailFastBreaker() {
        for (int call = 0; call < MAX_CALLS_TO_OPEN; call++) {
            try {
                failing.failFast();
            } catch (CircuitBreakerOpenException open) {
                return;
            } catch (IllegalStateException failure) {
                // counted by the breaker; keep failing until it opens
            }
        }
        throw new IllegalStateException("the failFast breaker did not open after " + MAX_CALLS_TO_OPEN + " failures");
    }

    /** The fallback hides the rejection: the breaker is open once a call no longer reaches the method. */
    private void openFallbackBreaker() {
        for (int call = 0; call < MAX_CALLS_TO_OPEN; call++) {
            int before = failing.invocations();
            String result = failing.withFallback();
            if (!"degraded".equals(result)) {
                throw new IllegalStateException("the fallback was not used: " + result);
            }
            if (failing.invocations() == before) {
                return;
            }
        }
        throw new IllegalStateException("the withFallback breaker did not open after " + MAX_CALLS_TO_OPEN + " failures");
    }
}
