package dev.fusebox.console.connect;

import dev.fusebox.console.feed.FleetRates;
import dev.fusebox.console.operator.EnsembleProfile;
import dev.fusebox.console.operator.FleetRateSource;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fleet table's rates from a Prometheus server that scrapes the fleet's instances: every
 * {@code interval} two instant queries through {@link PrometheusQuery}, summed over instances by the
 * metrics' {@code method} label, over the last minute:
 * <ul>
 *   <li>{@link #CALLS}: every call of a guarded method, whatever its outcome;</li>
 *   <li>{@link #REJECTED}: calls refused by an open circuit breaker or a full bulkhead (a bulkhead's
 *       refusal reaches the breaker as a failure, not as {@code circuitBreakerOpen}, so no call is
 *       counted twice).</li>
 * </ul>
 * Not scoped by application or job: every series Prometheus has for a method is summed (see
 * docs/fleet.md, "Rates from Prometheus").
 *
 * <p>Thread-safety: thread-safe. Implementation notes. Threads: {@link #follow} and {@link #stop} are
 * serialized by this object's lock and only start or stop a worker, the single thread
 * {@code fusebox-console-prometheus} of a session, which asks and delivers readings. Invariant: at most
 * one worker exists; {@code stop} shuts it down now (interrupting a request under way: the request's
 * future is cancelled), so no thread outlives a disconnect. Race, and why it is harmless: a reading the
 * worker produced just before {@code stop} may still be delivered once; the view-model ignores
 * readings of a session it has left. One {@link HttpClient} serves every session of the console (made at
 * the first {@code follow}); JDK 17's client has no {@code close}: its selector thread, a daemon, ends
 * when the client is collected, so keeping one bounds them to one per console.
 */
public final class PrometheusRateSource implements FleetRateSource, AutoCloseable {

    /** Calls per second per method over the last minute, summed over instances. */
    public static final String CALLS = "sum by (method) (rate(ft_invocations_total[1m]))";
    /** Calls per second refused by an open breaker or a full bulkhead, per method, summed over instances. */
    public static final String REJECTED = "sum by (method) ("
            + "rate(ft_circuitbreaker_calls_total{circuitBreakerResult=\"circuitBreakerOpen\"}[1m])"
            + " or rate(ft_bulkhead_calls_total{bulkheadResult=\"rejected\"}[1m]))";

    private static final System.Logger LOG = System.getLogger(PrometheusRateSource.class.getName());

    private final Duration interval;
    private final Duration timeout;
    private final int maxBytes;
    private HttpClient client;
    private ScheduledExecutorService worker;

    /** With the console's limits: at most {@link PrometheusQuery#MAX_BYTES} and {@link PrometheusQuery#MAX_SERIES}. */
    public PrometheusRateSource(Duration interval, Duration timeout) {
        this(interval, timeout, PrometheusQuery.MAX_BYTES);
    }

    /**
     * @param interval time between the end of one reading and the start of the next (the console's poll cadence)
     * @param timeout  the longest wait for one answer (also the connect timeout)
     * @param maxBytes the longest answer read
     */
    public PrometheusRateSource(Duration interval, Duration timeout, int maxBytes) {
        this.interval = interval;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    @Override
    public synchronized void follow(String prometheus, Consumer<FleetRates> readings) {
        stop();
        String problem = EnsembleProfile.prometheusProblem(prometheus);
        if (!problem.isEmpty() || prometheus == null || prometheus.isBlank()) {
            readings.accept(FleetRates.failed(String.valueOf(prometheus), System.currentTimeMillis(),
                    problem.isEmpty() ? "no Prometheus address given" : problem));
            return;
        }
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        PrometheusQuery query = new PrometheusQuery(client, prometheus.strip(), timeout, maxBytes,
                PrometheusQuery.MAX_SERIES);
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fusebox-console-prometheus");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(() -> deliver(query, readings), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** On the worker: a reading to {@code readings}, unless stopped meanwhile; a failing consumer is logged. */
    private static void deliver(PrometheusQuery query, Consumer<FleetRates> readings) {
        FleetRates reading = read(query);
        if (Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            readings.accept(reading);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the fleet rates' consumer failed on a reading of " + query.base(), e);
        }
    }

    /** One reading: both queries, or the first failure. */
    static FleetRates read(PrometheusQuery query) {
        try {
            Map<String, Double> calls = query.byMethod(CALLS);
            Map<String, Double> rejected = query.byMethod(REJECTED);
            return new FleetRates(query.base(), System.currentTimeMillis(), "", calls, rejected);
        } catch (PrometheusQuery.PrometheusException e) {
            return FleetRates.failed(query.base(), System.currentTimeMillis(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return FleetRates.failed(query.base(), System.currentTimeMillis(), "stopped asking " + query.base());
        }
    }

    @Override
    public synchronized void stop() {
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
