package dev.fusebox.samples.demo;

import java.io.IOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import javax.management.ObjectName;

/**
 * The faults of one simulated dependency, consulted by every call to it ({@link #enact()}).
 * Thread-safe: the settings are one immutable {@link Faults} value swapped atomically, so a call
 * sees a consistent set. A hang is a latch that calls wait on; lifting the hang, healing or
 * {@link #close() closing} opens it, so no call stays blocked, and a closed injector never blocks.
 */
public final class FaultInjector implements FaultInjectorMXBean {

    /** ObjectName domain of the injectors. */
    public static final String DOMAIN = "dev.fusebox.samples";
    private static final long MAX_LATENCY_MILLIS = 60_000;

    /** What is injected: an immutable snapshot. {@code hangGate} is non-null exactly while hanging. */
    private record Faults(double errorRate, long latencyMillis, boolean outage, CountDownLatch hangGate) {

        static final Faults HEALTHY = new Faults(0, 0, false, null);

        Faults withHang(boolean hang) {
            if (hang == (hangGate != null)) {
                return this;
            }
            return new Faults(errorRate, latencyMillis, outage, hang ? new CountDownLatch(1) : null);
        }
    }

    private final String dependency;
    private final long baseLatencyMillis;
    private final AtomicReference<Faults> faults = new AtomicReference<>(Faults.HEALTHY);
    private final LongAdder calls = new LongAdder();
    private final LongAdder injectedFailures = new LongAdder();
    private final CountDownLatch closed = new CountDownLatch(1);
    /** The heavy tail: what share of calls is slow, and by how much; swapped as one value. */
    private final AtomicReference<Tail> tail = new AtomicReference<>(Tail.NONE);

    private record Tail(double share, long millis) {
        static final Tail NONE = new Tail(0, 0);
    }

    /**
     * @param dependency the dependency's name, used in messages and the ObjectName
     * @param baseLatencyMillis how long a healthy call takes
     */
    public FaultInjector(String dependency, long baseLatencyMillis) {
        this.dependency = dependency;
        this.baseLatencyMillis = baseLatencyMillis;
    }

    /** {@code dev.fusebox.samples:type=FaultInjector,dependency=<dependency>}. */
    public ObjectName objectName() {
        try {
            String value = dependency.matches("[A-Za-z0-9_.-]+") ? dependency : ObjectName.quote(dependency);
            return new ObjectName(DOMAIN + ":type=FaultInjector,dependency=" + value);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException("not a usable dependency name: " + dependency, e);
        }
    }

    /**
     * What one call to the dependency goes through, in this order: an outage fails at once; a hang
     * blocks until lifted; then the latency passes (a slow call's longer); then the error rate decides.
     *
     * @throws ConnectException during an outage
     * @throws IOException when the error rate picks this call
     * @throws InterruptedException when the caller is interrupted while waiting (a timeout)
     */
    public void enact() throws IOException, InterruptedException {
        calls.increment();
        Faults now = faults.get();
        if (now.outage()) {
            injectedFailures.increment();
            throw new ConnectException(dependency + ": connection refused (injected outage)");
        }
        if (now.hangGate() != null && closed.getCount() > 0) {
            try {
                now.hangGate().await();
            } catch (InterruptedException e) {
                injectedFailures.increment();
                throw e;
            }
        }
        Tail slow = tail.get();
        long latency = baseLatencyMillis + jittered(now.latencyMillis())
                + (slow.share() > 0 && ThreadLocalRandom.current().nextDouble() < slow.share() ? slow.millis() : 0);
        if (latency > 0 && closed.await(latency, TimeUnit.MILLISECONDS)) {
            throw new ConnectException(dependency + ": the demo is shutting down");
        }
        if (now.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < now.errorRate()) {
            injectedFailures.increment();
            throw new IOException(dependency + " answered 503 Service Unavailable (injected error)");
        }
    }

    /** The latency plus or minus up to a fifth of it. */
    private static long jittered(long millis) {
        if (millis == 0) {
            return 0;
        }
        long spread = millis / 5;
        return millis + (spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(-spread, spread + 1));
    }

    @Override
    public String getDependency() {
        return dependency;
    }

    @Override
    public double getErrorRate() {
        return faults.get().errorRate();
    }

    @Override
    public void setErrorRate(double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("error rate of " + dependency + " must be from 0 to 1, was " + rate);
        }
        faults.updateAndGet(f -> new Faults(rate, f.latencyMillis(), f.outage(), f.hangGate()));
    }

    @Override
    public long getLatencyMillis() {
        return faults.get().latencyMillis();
    }

    @Override
    public void setLatencyMillis(long millis) {
        if (millis < 0 || millis > MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException("latency of " + dependency + " must be from 0 to " + MAX_LATENCY_MILLIS
                    + " ms, was " + millis);
        }
        faults.updateAndGet(f -> new Faults(f.errorRate(), millis, f.outage(), f.hangGate()));
    }

    @Override
    public double getSlowShare() {
        return tail.get().share();
    }

    @Override
    public void setSlowShare(double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException("slow share of " + dependency + " must be from 0 to 1, was " + share);
        }
        tail.updateAndGet(t -> new Tail(share, t.millis()));
    }

    @Override
    public long getSlowMillis() {
        return tail.get().millis();
    }

    @Override
    public void setSlowMillis(long millis) {
        if (millis < 0 || millis > MAX_LATENCY_MILLIS) {
            throw new IllegalArgumentException("slow calls of " + dependency + " must take from 0 to "
                    + MAX_LATENCY_MILLIS + " ms longer, was " + millis);
        }
        tail.updateAndGet(t -> new Tail(t.share(), millis));
    }

    @Override
    public boolean isOutage() {
        return faults.get().outage();
    }

    @Override
    public void setOutage(boolean outage) {
        faults.updateAndGet(f -> new Faults(f.errorRate(), f.latencyMillis(), outage, f.hangGate()));
    }

    @Override
    public boolean isHang() {
        return faults.get().hangGate() != null;
    }

    @Override
    public void setHang(boolean hang) {
        // the gate is created inside the lambda, which may run twice: a discarded gate was never seen
        Faults before = faults.getAndUpdate(f -> f.withHang(hang));
        if (!hang && before.hangGate() != null) {
            before.hangGate().countDown();
        }
    }

    @Override
    public long getCalls() {
        return calls.sum();
    }

    @Override
    public long getInjectedFailures() {
        return injectedFailures.sum();
    }

    @Override
    public String getStatus() {
        Faults now = faults.get();
        List<String> parts = new ArrayList<>();
        if (now.outage()) {
            parts.add("OUTAGE");
        }
        if (now.hangGate() != null) {
            parts.add("HANG");
        }
        if (now.errorRate() > 0) {
            parts.add(String.format(Locale.ROOT, "errors %.0f%%", now.errorRate() * 100));
        }
        if (now.latencyMillis() > 0) {
            parts.add("latency +" + now.latencyMillis() + " ms");
        }
        Tail slow = tail.get();
        if (slow.share() > 0 && slow.millis() > 0) {
            parts.add(String.format(Locale.ROOT, "%.1f%% of calls +%d ms", slow.share() * 100, slow.millis()));
        }
        return parts.isEmpty() ? "healthy" : String.join(", ", parts);
    }

    @Override
    public void heal() {
        tail.set(Tail.NONE);
        Faults before = faults.getAndSet(Faults.HEALTHY);
        if (before.hangGate() != null) {
            before.hangGate().countDown();
        }
    }

    /** Heals and stops every wait for good: blocked calls return, later calls never block. */
    public void close() {
        closed.countDown();
        heal();
    }
}
