package dev.fusebox.samples.demo;

/**
 * Switches the faults of one simulated dependency of the demo shop at run time. Registered as
 * {@code dev.fusebox.samples:type=FaultInjector,dependency=<name>} on the platform MBean server,
 * so it is reached through the same authenticated connector as Fusebox's MXBeans: an operator may
 * write the attributes and call {@link #heal()}, a viewer may only read them. Open types only.
 */
public interface FaultInjectorMXBean {

    /** The dependency's name: inventory, payments or recommendations. */
    String getDependency();

    /** The share of calls, from 0 to 1, that fail with an {@code IOException}. */
    double getErrorRate();

    /** @throws IllegalArgumentException unless {@code rate} is from 0 to 1 */
    void setErrorRate(double rate);

    /** Latency added to every call, in milliseconds; each call varies it by up to a fifth either way. */
    long getLatencyMillis();

    /** @throws IllegalArgumentException if {@code millis} is negative or above 60 000 */
    void setLatencyMillis(long millis);

    /**
     * The share of calls, from 0 to 1, that take {@link #getSlowMillis()} longer on top of the
     * latency: a heavy tail (most calls fast, a few very slow), what hedging is for.
     */
    double getSlowShare();

    /** @throws IllegalArgumentException unless {@code share} is from 0 to 1 */
    void setSlowShare(double share);

    /** How much longer a slow call takes, in milliseconds. */
    long getSlowMillis();

    /** @throws IllegalArgumentException if {@code millis} is negative or above 60 000 */
    void setSlowMillis(long millis);

    /** Whether the dependency is down: every call fails at once with a {@code ConnectException}. */
    boolean isOutage();

    void setOutage(boolean outage);

    /** Whether calls hang: they block until the hang is lifted or the caller is interrupted (timeout). */
    boolean isHang();

    /** Lifting the hang releases every blocked call. */
    void setHang(boolean hang);

    /** Calls made to the dependency since start. */
    long getCalls();

    /** Calls that failed because of an injected fault (error, outage, or a hang cut short). */
    long getInjectedFailures();

    /** One line: what is injected now, or {@code healthy}. */
    String getStatus();

    /** Removes every fault and releases hung calls. */
    void heal();
}
