package dev.fusebox.ft.configsource;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * A MicroProfile {@link ConfigSource} that reads the operator overrides file through the shared
 * {@link OverridesFile}, so every value reflects the latest update or hand edit. Thread-safe.
 *
 * <p>Discovered through {@code META-INF/services}, it finds its file in the system property
 * {@value #FILE_PROPERTY} or the environment variable {@value #FILE_ENV}; without one it is empty.
 */
public final class OverridesConfigSource implements ConfigSource {

    public static final String FILE_PROPERTY = "fusebox.overrides.file";
    public static final String FILE_ENV = "FUSEBOX_OVERRIDES_FILE";
    public static final String ORDINAL_PROPERTY = "fusebox.overrides.ordinal";
    public static final String ORDINAL_ENV = "FUSEBOX_OVERRIDES_ORDINAL";
    public static final String POLL_PROPERTY = "fusebox.overrides.poll-interval-millis";
    public static final String POLL_ENV = "FUSEBOX_OVERRIDES_POLL_INTERVAL_MILLIS";
    /** Above system properties (400) and environment variables (300). */
    public static final int DEFAULT_ORDINAL = 500;

    private static final String NAME_PREFIX = "fusebox-overrides:";

    private final OverridesFile file; // null when no file is configured
    private final int ordinal;
    private final String name;

    /** Reads the file and ordinal from system properties or environment variables (see the class comment). */
    public OverridesConfigSource() {
        this.ordinal = integerSetting(ORDINAL_PROPERTY, ORDINAL_ENV, DEFAULT_ORDINAL, Integer.MIN_VALUE);
        Setting location = Setting.of(FILE_PROPERTY, FILE_ENV);
        if (location == null) {
            this.file = null;
            this.name = NAME_PREFIX + "(no file configured: set " + FILE_PROPERTY + " or " + FILE_ENV + ")";
            return;
        }
        try {
            this.file = OverridesFile.open(Path.of(location.value()));
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException(location.name() + ": '" + location.value()
                    + "' is not a valid path: " + e.getMessage(), e);
        }
        int pollMillis = integerSetting(POLL_PROPERTY, POLL_ENV, 0, 1);
        if (pollMillis > 0) {
            file.setPollInterval(Duration.ofMillis(pollMillis));
        }
        this.name = NAME_PREFIX + file.path();
    }

    /** A source for {@code file} with the given ordinal; no system property or environment variable is read. */
    public OverridesConfigSource(Path file, int ordinal) {
        this.file = OverridesFile.open(file);
        this.ordinal = ordinal;
        this.name = NAME_PREFIX + this.file.path();
    }

    /** The store behind this source, or {@code null} if no file is configured. */
    public OverridesFile overridesFile() {
        return file;
    }

    @Override
    public Map<String, String> getProperties() {
        return file == null ? Map.of() : file.values();
    }

    @Override
    public Set<String> getPropertyNames() {
        return getProperties().keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return file == null ? null : file.value(propertyName);
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public int getOrdinal() {
        return ordinal;
    }

    @Override
    public String toString() {
        return name + " (ordinal " + ordinal + ")";
    }

    private static int integerSetting(String property, String env, int absent, int minimum) {
        Setting setting = Setting.of(property, env);
        if (setting == null) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(setting.value());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(setting.name() + " must be an integer, but is '" + setting.value() + "'", e);
        }
        if (value < minimum) {
            throw new IllegalArgumentException(setting.name() + " must be at least " + minimum + ", but is " + value);
        }
        return value;
    }

    /** A non-blank value and the name of the system property or environment variable it came from. Immutable. */
    private record Setting(String name, String value) {
        static Setting of(String property, String env) {
            String fromProperty = System.getProperty(property);
            if (fromProperty != null && !fromProperty.isBlank()) {
                return new Setting("system property " + property, fromProperty.strip());
            }
            String fromEnv = System.getenv(env);
            if (fromEnv != null && !fromEnv.isBlank()) {
                return new Setting("environment variable " + env, fromEnv.strip());
            }
            return null;
        }
    }
}
