package dev.fusebox.ft.fleet.zookeeper;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The fleet's parameter overrides ({@code <root>/apps/<app>/overrides}, the overrides file's keys
 * and format) as a MicroProfile {@link ConfigSource}, ordinal {@value FleetSettings#DEFAULT_ORDINAL}
 * by default ({@value FleetSettings#ORDINAL}): above system properties and the environment, below
 * the instance's own overrides file (500), so a change made on one instance (a canary) wins over
 * the fleet's.
 *
 * <p>It holds the last good overrides node and nothing else: the fleet agent
 * ({@link FleetExtension}) watches the node, checks it whole (the file's format, every entry's
 * policy must resolve; one bad entry refuses the node and the last good one stays) and only then
 * replaces what this source answers, and resolves the policies again. So it starts no thread and
 * opens no connection of its own, is empty until the agent's first read (before the first call),
 * and keeps its values while the ensemble is unreachable. Discovered through
 * {@code META-INF/services} (its ordinal then from system properties, the environment or
 * {@code META-INF/microprofile-config.properties}), or made with {@link #FleetConfigSource(int)}.
 * Thread-safe: one volatile reference to an immutable map.
 */
public final class FleetConfigSource implements ConfigSource {

    private static final String NAME = "fusebox-fleet-overrides";

    private final int ordinal;
    private volatile Map<String, String> values = Map.of();
    private volatile String origin = "(not read yet)";

    /** The discovered source: its ordinal from the settings outside MP Config (see the class comment). */
    public FleetConfigSource() {
        this(FleetSettings.read(FleetSettings.fromSystem(Thread.currentThread().getContextClassLoader())).ordinal());
    }

    public FleetConfigSource(int ordinal) {
        this.ordinal = ordinal;
    }

    /** Replaces every value at once with a checked node's entries; {@code from} says where they came from. */
    void replace(Map<String, String> checked, String from) {
        values = Map.copyOf(checked);
        origin = from;
    }

    @Override
    public Map<String, String> getProperties() {
        return values;
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }

    @Override
    public String toString() {
        return NAME + " " + origin + " (ordinal " + ordinal + ", " + values.size() + " entries)";
    }
}
