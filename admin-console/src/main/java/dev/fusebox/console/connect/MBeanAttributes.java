package dev.fusebox.console.connect;

import dev.fusebox.console.feed.MethodKey;
import dev.fusebox.ft.management.ManagementNames;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * One connector's Fusebox MBeans read in bulk: the names of a type, a method's key from its name, and
 * the attributes of one MBean in one round trip (an MBean gone meanwhile reads as null; an attribute an
 * older server lacks is left out of the answer).
 *
 * <p>Thread-safety: not thread-safe; confined to the connection's worker thread, as its readers are.
 */
final class MBeanAttributes {

    private static final System.Logger LOG = System.getLogger(MBeanAttributes.class.getName());

    private final String jvm;
    private final MBeanServerConnection server;

    MBeanAttributes(String jvm, MBeanServerConnection server) {
        this.jvm = jvm;
        this.server = server;
    }

    /** Every Fusebox MBean of {@code type} ({@link ManagementNames#RATE_LIMIT}, ...). */
    Set<ObjectName> names(String type) throws IOException {
        return server.queryNames(ManagementNames.all(type), null);
    }

    /** The attributes by name, or null when the MBean has gone. */
    Map<String, Object> read(ObjectName name, String[] which) throws IOException {
        try {
            AttributeList list = server.getAttributes(name, which);
            Map<String, Object> map = new HashMap<>();
            for (Attribute attribute : list.asList()) {
                map.put(attribute.getName(), attribute.getValue());
            }
            return map;
        } catch (InstanceNotFoundException e) {
            return null;
        } catch (JMException e) {
            LOG.log(System.Logger.Level.WARNING, jvm + ": cannot read " + name, e);
            return null;
        }
    }

    /** The guarded method an MBean's name names, in this JVM. */
    MethodKey key(ObjectName name) {
        return new MethodKey(jvm, ManagementNames.raw(name.getKeyProperty("application")),
                ManagementNames.raw(name.getKeyProperty("bean")), ManagementNames.raw(name.getKeyProperty("method")));
    }
}
