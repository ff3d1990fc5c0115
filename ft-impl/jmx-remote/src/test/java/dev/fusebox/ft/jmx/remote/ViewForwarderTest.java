package dev.fusebox.ft.jmx.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forwarder on its own, in front of a real view of a real MBean server, called as chosen subjects. */
class ViewForwarderTest {

    record Entry(String principal, String action, String target, boolean succeeded, String detail) {
    }

    final Probe probe = new Probe();
    final MBeanServer source = MBeanServerFactory.newMBeanServer();
    final List<Entry> audit = new CopyOnWriteArrayList<>();
    RemoteView view;
    ViewForwarder forwarder;

    @BeforeEach
    void open() throws Exception {
        source.registerMBean(probe, Probe.NAME);
        view = RemoteView.open(List.of(), source, List.of(Probe.DOMAIN));
        forwarder = new ViewForwarder(new ViewGate(view,
                (principal, action, target, succeeded, detail) -> audit.add(
                        new Entry(principal, action, target, succeeded, detail))));
    }

    @AfterEach
    void close() {
        view.close();
    }

    @Test
    void aSubjectWithTheRightPrincipalButNoGrantIsNobody() throws Exception {
        Subject claimed = new Subject();
        claimed.getPrincipals().add(new JMXPrincipal("olga"));
        assertThatThrownBy(() -> as(claimed, () -> forwarder.invoke(Probe.NAME, "whoAmI", null, null)))
                .isInstanceOf(SecurityException.class)
                .hasMessage("no authenticated user; invoke of whoAmI() on " + Probe.NAME + " needs role operator");
        assertThat(as(claimed, () -> forwarder.getAttribute(Probe.NAME, "Level"))).isEqualTo(7);
        assertThat(audit).containsExactly(new Entry("olga", "invoke", Probe.NAME.toString(), false,
                "no authenticated user; invoke of whoAmI() on " + Probe.NAME + " needs role operator (from in-process)"));
    }

    @Test
    void writesWithoutAnySubjectAreRefusedAndReadsAllowed() throws Exception {
        assertThatThrownBy(() -> forwarder.setAttribute(Probe.NAME, new Attribute("Level", 1)))
                .isInstanceOf(SecurityException.class).hasMessageStartingWith("no authenticated user; setAttribute");
        assertThat(forwarder.getAttribute(Probe.NAME, "Level")).isEqualTo(7);
        assertThat(forwarder.isRegistered(Probe.NAME)).isTrue();
        assertThat(probe.getLevel()).isEqualTo(7);
    }

    @Test
    void grantsDecideAndAnApplicationMBeansChangesAreAudited() throws Exception {
        assertThat(as(granted("olga", Role.OPERATOR), () -> forwarder.invoke(Probe.NAME, "whoAmI", null, null)))
                .isEqualTo("olga");
        assertThat(audit).containsExactly(new Entry("olga", "invoke", Probe.NAME.toString(), true,
                "whoAmI() (from 10.1.2.3)"));
        assertThatThrownBy(() -> as(granted("vik", Role.VIEWER), () -> {
            forwarder.setAttribute(Probe.NAME, new Attribute("Level", 1));
            return null;
        })).isInstanceOf(SecurityException.class)
                .hasMessage("user vik has role viewer; setAttribute of Level on " + Probe.NAME + " needs role operator");
        assertThat(probe.getLevel()).isEqualTo(7);
        assertThat(audit.get(1)).isEqualTo(new Entry("vik", "setAttribute", Probe.NAME.toString(), false,
                "user vik has role viewer; setAttribute of Level on " + Probe.NAME + " needs role operator"
                        + " (from 10.1.2.3)"));
    }

    @Test
    void whatTheClientNamedIsAuditedOnOneBoundedLine() throws Exception {
        String forged = "whoAmI\napplication=\"x\" principal=\"admin\" outcome=done" + "y".repeat(1_000);
        assertThatThrownBy(() -> as(granted("vik", Role.VIEWER), () -> forwarder.invoke(Probe.NAME, forged, null, null)))
                .isInstanceOf(SecurityException.class);
        Entry entry = audit.get(0);
        assertThat(entry.detail()).doesNotContain("\n").contains("whoAmI\\u000aapplication")
                .hasSizeLessThan(ViewGate.MAX_TEXT + 100);
    }

    @Test
    void classLoadersAreNeverAnMBeansAndTheRepositoryLoadsNothing() throws Exception {
        ObjectName any = new ObjectName("javax.management.loading:type=MLet");
        assertThat(forwarder.getClassLoaderFor(Probe.NAME)).isSameAs(ClassLoader.getPlatformClassLoader());
        assertThat(forwarder.getClassLoader(any)).isSameAs(ClassLoader.getPlatformClassLoader());
        assertThatThrownBy(() -> forwarder.getClassLoaderRepository().loadClass(String.class.getName()))
                .isInstanceOf(ClassNotFoundException.class);
    }

    /**
     * Every MBeanServer method is declared by the forwarder itself, so a method added to the
     * interface, or forgotten here, cannot reach the view unchecked.
     */
    @Test
    void everyMethodIsDeclaredByTheForwarder() {
        for (Method method : MBeanServer.class.getMethods()) {
            assertThat(declared(ViewForwarder.class, method) || declared(LockedDownForwarder.class, method))
                    .as("the forwarder decides %s", method).isTrue();
        }
    }

    private static boolean declared(Class<?> type, Method method) {
        try {
            type.getDeclaredMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Subject granted(String user, Role role) {
        Subject subject = new Subject();
        subject.getPrincipals().add(new JMXPrincipal(user));
        subject.getPrivateCredentials().add(new RoleGrant(user, role, "10.1.2.3"));
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
