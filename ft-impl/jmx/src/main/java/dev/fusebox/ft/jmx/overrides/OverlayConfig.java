package dev.fusebox.ft.jmx.overrides;

import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;

/**
 * A configuration that answers some keys with candidate values and everything else from the real
 * one: a changed parameter is resolved (and validated) exactly as it will be once written, before
 * anything is written. Values convert with the real configuration's converters. Read-only.
 * Immutable; thread-safe as far as the real configuration is.
 */
final class OverlayConfig implements Config {

    private final Config real;
    private final Map<String, String> candidates;

    OverlayConfig(Config real, Map<String, String> candidates) {
        this.real = real;
        this.candidates = Map.copyOf(candidates);
    }

    @Override
    public <T> T getValue(String propertyName, Class<T> propertyType) {
        return getOptionalValue(propertyName, propertyType)
                .orElseThrow(() -> new NoSuchElementException("no value for " + propertyName));
    }

    @Override
    public ConfigValue getConfigValue(String propertyName) {
        String candidate = candidates.get(propertyName);
        if (candidate == null) {
            return real.getConfigValue(propertyName);
        }
        return new ConfigValue() {
            @Override
            public String getName() {
                return propertyName;
            }

            @Override
            public String getValue() {
                return candidate;
            }

            @Override
            public String getRawValue() {
                return candidate;
            }

            @Override
            public String getSourceName() {
                return "operator change (not yet written)";
            }

            @Override
            public int getSourceOrdinal() {
                return Integer.MAX_VALUE;
            }
        };
    }

    @Override
    public <T> Optional<T> getOptionalValue(String propertyName, Class<T> propertyType) {
        String candidate = candidates.get(propertyName);
        if (candidate == null) {
            return real.getOptionalValue(propertyName, propertyType);
        }
        if (propertyType == String.class) {
            return Optional.of(propertyType.cast(candidate));
        }
        Converter<T> converter = real.getConverter(propertyType)
                .orElseThrow(() -> new IllegalArgumentException("no converter to " + propertyType.getName()));
        return Optional.ofNullable(converter.convert(candidate));
    }

    @Override
    public Iterable<String> getPropertyNames() {
        Set<String> names = new HashSet<>(candidates.keySet());
        real.getPropertyNames().forEach(names::add);
        return names;
    }

    @Override
    public Iterable<ConfigSource> getConfigSources() {
        return real.getConfigSources();
    }

    @Override
    public <T> Optional<Converter<T>> getConverter(Class<T> forType) {
        return real.getConverter(forType);
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return real.unwrap(type);
    }
}
