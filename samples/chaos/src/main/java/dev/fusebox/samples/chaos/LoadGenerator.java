package dev.fusebox.samples.chaos;

import dev.fusebox.samples.chaos.analysis.SecondStats;
import dev.fusebox.samples.chaos.model.Load;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-loop load: request {@code i} is due at {@code start + i / rate} and is sent then, whether
 * or not earlier requests have been answered, and its latency is measured from when it was due (a
 * late send counts against the shop; a stalled shop cannot slow the load down and hide its own
 * latency, which a closed loop would: coordinated omission). Requests are recorded in the
 * {@link SecondBucket} of the second they were due in; the warm-up's are not recorded.
 *
 * <p>Threads: one pacer ({@code chaos-load-pacer}) and the HTTP client's pool
 * ({@code chaos-load-http}), both ended by {@link #close()}. The counters the runner reads are
 * volatile, held by the buckets' locks, or (the requests in flight) by {@code idle}'s monitor.
 */
final class LoadGenerator implements AutoCloseable {

    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Load load;
    private final HttpRequest request;
    private final List<SecondBucket> buckets = new ArrayList<>();
    private final ExecutorService pacer = Executors.newSingleThreadExecutor(named("chaos-load-pacer"));
    private final ExecutorService httpPool = Executors.newFixedThreadPool(4, named("chaos-load-http"));
    private final HttpClient http;
    private final Object idle = new Object();
    private int inFlight;
    private volatile long startNanos;
    private volatile int completeSeconds;
    private volatile boolean stopped;

    LoadGenerator(URI shop, Load load) {
        this.load = load;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpPool)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest.Builder builder = HttpRequest.newBuilder(shop.resolve(load.path())).timeout(REQUEST_TIMEOUT);
        this.request = ("POST".equals(load.method()) ? builder.POST(HttpRequest.BodyPublishers.noBody())
                : builder.GET()).build();
        for (int s = 0; s < load.seconds(); s++) {
            buckets.add(new SecondBucket(s));
        }
    }

    /** Starts sending; the recorded load begins {@code warmupSeconds} later. Returns that moment's nanoTime. */
    long start() {
        startNanos = System.nanoTime();
        pacer.execute(this::pace);
        return t0Nanos();
    }

    /** The nanoTime when the recorded load begins (second 0). */
    long t0Nanos() {
        return startNanos + TimeUnit.SECONDS.toNanos(load.warmupSeconds());
    }

    private void pace() {
        long total = (long) load.ratePerSecond() * (load.warmupSeconds() + load.seconds());
        long t0 = t0Nanos();
        for (long i = 0; i < total && !stopped; i++) {
            long due = startNanos + i * 1_000_000_000L / load.ratePerSecond();
            for (long wait = due - System.nanoTime(); wait > 0 && !stopped; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            if (stopped) {
                return;
            }
            long second = Math.floorDiv(due - t0, 1_000_000_000L);
            send(due, second >= 0 ? buckets.get((int) second) : null);
            long next = startNanos + (i + 1) * 1_000_000_000L / load.ratePerSecond();
            completeSeconds = (int) Math.max(0, Math.min(load.seconds(), Math.floorDiv(next - t0, 1_000_000_000L)));
        }
        if (!stopped) {
            completeSeconds = load.seconds();
        }
    }

    private void send(long due, SecondBucket bucket) {
        if (bucket != null) {
            bucket.sent();
        }
        synchronized (idle) {
            inFlight++;
        }
        http.sendAsync(request, FallbackMarker.handler()).whenComplete((response, failure) -> {
            long latency = System.nanoTime() - due;
            try {
                if (bucket != null) {
                    String failed = failure != null ? failureOf(failure)
                            : response.statusCode() / 100 == 2 ? null : Integer.toString(response.statusCode());
                    bucket.ended(latency, failed, failed == null && Boolean.TRUE.equals(response.body()));
                }
            } finally {
                synchronized (idle) {
                    if (--inFlight == 0) {
                        idle.notifyAll();
                    }
                }
            }
        });
    }

    private static String failureOf(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof HttpTimeoutException) {
            return "timeout";
        }
        return cause instanceof ConnectException ? "connect" : "io";
    }

    /**
     * How many leading recorded seconds are settled: every request due in them was sent and has ended.
     * A stopped load settles no second it did not finish sending.
     */
    int settledSeconds() {
        int complete = completeSeconds;
        int settled = 0;
        while (settled < complete && buckets.get(settled).idle()) {
            settled++;
        }
        return settled;
    }

    /** Snapshots of the recorded seconds {@code [from, to)}. */
    List<SecondStats> seconds(int from, int to) {
        return buckets.subList(from, to).stream().map(SecondBucket::snapshot).toList();
    }

    /** Stops sending; requests on their way still end and are recorded. */
    void stop() {
        stopped = true;
    }

    /** Waits until every request sent has ended, at most {@code patience}; whether they all did. */
    boolean awaitIdle(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        synchronized (idle) {
            for (long left = patience.toNanos(); inFlight > 0 && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return inFlight == 0;
        }
    }

    /** Whether the pacer has sent everything it was going to. */
    boolean doneSending() {
        return stopped || completeSeconds == load.seconds();
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        pacer.shutdownNow();
        httpPool.shutdownNow();
        if (!pacer.awaitTermination(5, TimeUnit.SECONDS) || !httpPool.awaitTermination(5, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the load's threads did not end within 5 s");
        }
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
