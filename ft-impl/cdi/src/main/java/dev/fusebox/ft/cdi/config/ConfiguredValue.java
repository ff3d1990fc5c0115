package dev.fusebox.ft.cdi.config;

import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;

/**
 * A parameter's value as MicroProfile Config gives it, with where it came from: the key that set
 * it and the config source that holds that key, so that an invalid value can be traced to the
 * line to fix. Immutable.
 *
 * @param key    the property name that was set
 * @param text   its value, after the implementation's expansion of expressions
 * @param source the config source's name ({@link ConfigValue#getSourceName()}), or null if the
 *               implementation does not say
 */
record ConfiguredValue(String key, String text, String source) {

    /**
     * The value of {@code key}, if set to something other than the empty string (which
     * MicroProfile Config treats as not set).
     */
    static Optional<ConfiguredValue> of(Config config, String key) {
        ConfigValue value = config.getConfigValue(key);
        if (value == null || value.getValue() == null || value.getValue().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ConfiguredValue(key, value.getValue(), value.getSourceName()));
    }

    /** For messages: {@code from MicroProfile Config key 'Retry/maxRetries' in config source 'x'}. */
    String origin() {
        return "from MicroProfile Config key '" + key + "'" + (source == null ? "" : " in config source '" + source + "'");
    }
}
