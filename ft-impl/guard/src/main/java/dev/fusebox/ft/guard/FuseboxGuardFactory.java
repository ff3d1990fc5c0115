package dev.fusebox.ft.guard;

import dev.fusebox.ft.api.Guard;
import dev.fusebox.ft.api.spi.GuardFactory;
import java.util.regex.Pattern;

/**
 * Fusebox's {@link GuardFactory}, found by {@link Guard#builder(String)} through the
 * {@link java.util.ServiceLoader}. Checks names: they become parts of metric tags, JMX object names
 * and configuration keys, so only characters safe in all three are taken. Stateless; thread-safe.
 */
public final class FuseboxGuardFactory implements GuardFactory {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1," + Guard.MAX_NAME_LENGTH + "}");

    @Override
    public Guard.Builder builder(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a guard's name is 1 to " + Guard.MAX_NAME_LENGTH
                    + " of A-Z a-z 0-9 _ - (it is part of metric tags, JMX names and configuration keys): "
                    + (name == null ? "null" : '"' + (name.length() > 120 ? name.substring(0, 120) + "..." : name) + '"'));
        }
        return new GuardBuilder(name);
    }
}
