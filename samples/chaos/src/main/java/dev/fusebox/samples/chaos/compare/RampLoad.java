package dev.fusebox.samples.chaos.compare;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load whose rate may change every second: request {@code i} of second {@code s} is due
 * at {@code s + i / rate(s)} and sent then, answered or not, its latency measured from when it was
 * due (no coordinated omission). Each second keeps the latencies of its admitted requests (2xx) in a
 * histogram, and counts the shed (503 or 429: the front door refused) and the failed (anything else).
 * One pacer thread and the HTTP client's pool, ended by {@link #close()}.
 */
final class RampLoad implements AutoCloseable {

    /** One second's outcome. Guarded by its own monitor while requests end. */
    static final class Second {
        final Histogram admitted = new Histogram(60_000_000L, 2);
        int sent;
        int ok;
        int shed;
        int failed;

        synchronized void ended(long micros, int status) {
            if (status / 100 == 2) {
                ok++;
                admitted.recordValue(Math.min(60_000_000L, Math.max(1, micros)));
            } else if (status == 503 || status == 429) {
                shed++;
            } else {
                failed++;
            }
        }
    }

    private final ExecutorService httpPool = Executors.newFixedThreadPool(4, daemon("compare-load-http"));
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(httpPool)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** Sends for {@code seconds} seconds at {@code rate(second)} requests per second; returns each second's outcome once all ended. */
    List<Second> run(URI target, String priority, int seconds, IntToDoubleFunction rate, Runnable[] atSecond)
            throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(30)).header("X-Priority", priority)
                .GET().build();
        List<Second> outcome = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < seconds; s++) {
            if (atSecond != null && atSecond[s] != null) {
                atSecond[s].run();
            }
            Second second = new Second();
            outcome.add(second);
            double perSecond = rate.applyAsDouble(s);
            long count = Math.round(perSecond);
            for (long i = 0; i < count; i++) {
                long due = start + TimeUnit.SECONDS.toNanos(s) + (long) (i * 1e9 / perSecond);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                second.sent++;
                inFlight.incrementAndGet();
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    second.ended((System.nanoTime() - due) / 1_000, failure == null ? response.statusCode() : 0);
                    inFlight.decrementAndGet();
                });
            }
            long secondEnd = start + TimeUnit.SECONDS.toNanos(s + 1);
            for (long wait = secondEnd - System.nanoTime(); wait > 0; wait = secondEnd - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return outcome;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() throws InterruptedException {
        httpPool.shutdownNow();
        httpPool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
