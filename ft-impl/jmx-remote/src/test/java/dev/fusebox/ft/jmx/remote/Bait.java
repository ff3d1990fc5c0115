package dev.fusebox.ft.jmx.remote;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.management.BadBinaryOpValueExpException;
import javax.management.BadAttributeValueExpException;
import javax.management.BadStringOperationException;
import javax.management.InvalidApplicationException;
import javax.management.MBeanServer;
import javax.management.Notification;
import javax.management.NotificationFilter;
import javax.management.ObjectName;
import javax.management.QueryExp;

/**
 * What a hostile client sends where the connector expects a password, a query, a notification
 * filter or a handback: a class of no JMX open type. In a JVM whose system property
 * {@value #MARKER} names a file (the forked server of {@code SerialFilterTest}), initializing the
 * class appends {@code initialized} to that file and deserializing an instance appends
 * {@code deserialized}: either means the server ran code the client chose. Elsewhere it records
 * nothing.
 */
public final class Bait implements Serializable, QueryExp, NotificationFilter {

    static final String MARKER = "fusebox.test.bait.marker";
    private static final long serialVersionUID = 1L;

    static {
        record("initialized");
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        record("deserialized");
    }

    private static void record(String what) {
        String marker = System.getProperty(MARKER);
        if (marker == null) {
            return;
        }
        try {
            Files.writeString(Path.of(marker), what + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean apply(ObjectName name) throws BadStringOperationException, BadBinaryOpValueExpException,
            BadAttributeValueExpException, InvalidApplicationException {
        return true;
    }

    @Override
    public void setMBeanServer(MBeanServer server) {
    }

    @Override
    public boolean isNotificationEnabled(Notification notification) {
        return true;
    }
}
