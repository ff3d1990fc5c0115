package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.security.PrivilegedExceptionAction;
import java.util.Set;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forwarder on its own, in front of a real MBean server, called as chosen subjects. */
class RoleForwarderTest {

    final RoleForwarder forwarder = new RoleForwarder();
    final Probe probe = new Probe();

    @BeforeEach
    void register() throws Exception {
        forwarder.setMBeanServer(MBeanServerFactory.newMBeanServer());
        forwarder.getMBeanServer().registerMBean(probe, Probe.NAME);
    }

    @Test
    void aSubjectWithTheRightPrincipalButNoGrantIsNobody() throws Exception {
        Subject claimed = new Subject();
        claimed.getPrincipals().add(new JMXPrincipal("olga"));
        assertThatThrownBy(() -> as(claimed, () -> forwarder.invoke(Probe.NAME, "whoAmI", null, null)))
                .isInstanceOf(SecurityException.class)
                .hasMessage("no authenticated user; invoke of whoAmI on " + Probe.NAME + " needs role operator");
        assertThat(as(claimed, () -> forwarder.getAttribute(Probe.NAME, "Level"))).isEqualTo(7);
    }

    @Test
    void writesWithoutAnySubjectAreRefusedAndReadsAllowed() throws Exception {
        assertThatThrownBy(() -> forwarder.setAttribute(Probe.NAME, new Attribute("Level", 1)))
                .isInstanceOf(SecurityException.class).hasMessageStartingWith("no authenticated user; setAttribute");
        assertThat(forwarder.getAttribute(Probe.NAME, "Level")).isEqualTo(7);
        assertThat(forwarder.isRegistered(Probe.NAME)).isTrue();
    }

    @Test
    void grantsDecide() throws Exception {
        assertThat(as(granted("olga", Role.OPERATOR), () -> forwarder.invoke(Probe.NAME, "whoAmI", null, null)))
                .isEqualTo("olga");
        assertThatThrownBy(() -> as(granted("vik", Role.VIEWER), () -> {
            forwarder.unregisterMBean(Probe.NAME);
            return null;
        })).isInstanceOf(SecurityException.class)
                .hasMessage("user vik has role viewer; unregisterMBean of " + Probe.NAME + " needs role operator");
        assertThat(forwarder.isRegistered(Probe.NAME)).isTrue();
    }

    /**
     * Every MBeanServer method is either a known read or checked by RoleForwarder itself, so a
     * method forgotten here cannot slip through ForwardingMBeanServer unchecked.
     */
    @Test
    void everyMethodIsAReadOrChecked() {
        Set<String> reads = Set.of("getAttribute", "getAttributes", "getMBeanInfo", "getObjectInstance",
                "queryMBeans", "queryNames", "isRegistered", "isInstanceOf", "getMBeanCount", "getDefaultDomain",
                "getDomains", "addNotificationListener", "removeNotificationListener", "getClassLoaderFor",
                "getClassLoader", "getClassLoaderRepository");
        for (Method method : MBeanServer.class.getMethods()) {
            if (reads.contains(method.getName())) {
                continue;
            }
            assertThat(declaredByRoleForwarder(method)).as("RoleForwarder checks %s", method).isTrue();
        }
    }

    private static boolean declaredByRoleForwarder(Method method) {
        try {
            RoleForwarder.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Subject granted(String user, Role role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new JMXPrincipal(user));
        subject.getPrivateCredentials().add(new RoleGrant(user, role));
        return subject;
    }

    @SuppressWarnings("removal")
    private static Object as(Subject subject, PrivilegedExceptionAction<Object> action) throws Exception {
        try {
            return Subject.doAs(subject, action);
        } catch (java.security.PrivilegedActionException e) {
            throw e.getException();
        }
    }
}
