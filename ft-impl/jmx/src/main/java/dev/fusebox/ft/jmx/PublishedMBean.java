package dev.fusebox.ft.jmx;

import java.util.Objects;
import java.util.function.Supplier;
import javax.management.ObjectName;

/**
 * One MXBean Fusebox's management registered on the platform MBean server, in a form another
 * MBean server can register too: {@link #create()} makes a new MBean object (a
 * {@link DescribedMBean} or {@link DescribedEmitterMBean}) around the same implementation and the
 * same notification broadcaster, as one MBean object must not be registered in two servers. The
 * remote connector (module {@code fusebox-ft-jmx-remote}) serves these from a server of its own.
 * Immutable.
 *
 * @param name    the name it is registered under
 * @param factory makes a new MBean object for {@link #name}
 */
public record PublishedMBean(ObjectName name, Supplier<Object> factory) {

    public PublishedMBean {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
    }

    /** A new MBean object for {@link #name}. */
    public Object create() {
        return factory.get();
    }
}
