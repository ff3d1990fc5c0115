package dev.fusebox.ft.jmx.remote;

import java.security.AccessController;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.MBeanNotificationInfo;
import javax.management.Notification;
import javax.management.NotificationBroadcasterSupport;
import javax.management.ObjectName;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/** The test MXBean. Thread-safe. */
final class Probe extends NotificationBroadcasterSupport implements ProbeMXBean {

    static final ObjectName NAME = name("test.remote:type=Probe");
    /** What the connector tests expose of their server besides Fusebox's (none there). */
    static final ObjectName DOMAIN = name("test.remote:*");
    static final String TYPE = "test.probe.ping";

    private final AtomicInteger level = new AtomicInteger(7);
    private final AtomicLong sequence = new AtomicLong();

    Probe() {
        super(new MBeanNotificationInfo(new String[] {TYPE}, Notification.class.getName(), "a ping"));
    }

    @Override
    public int getLevel() {
        return level.get();
    }

    @Override
    public void setLevel(int level) {
        this.level.set(level);
    }

    @Override
    @SuppressWarnings("removal")
    public String whoAmI() {
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject == null) {
            return "(no subject)";
        }
        return subject.getPrincipals(JMXPrincipal.class).stream().map(JMXPrincipal::getName).findFirst()
                .orElse("(no JMXPrincipal)");
    }

    void ping(String message) {
        sendNotification(new Notification(TYPE, NAME, sequence.incrementAndGet(), message));
    }

    private static ObjectName name(String text) {
        try {
            return new ObjectName(text);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
