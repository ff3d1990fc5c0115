package dev.fusebox.ft.jmx;

import java.security.Principal;
import java.util.Set;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;

/**
 * Who is acting: the JMX client's authenticated principal, or the application code calling.
 * Stateless; thread-safe (each call reads the subject of the JMX request being served and the
 * calling thread's own stack).
 */
final class Principals {

    /** An in-process JMX client that did not authenticate. */
    static final String LOCAL = "local";

    private Principals() {
    }

    /**
     * The principal of the JMX request being served: the {@link JMXPrincipal} of the connector's
     * authenticated subject, else any principal of it, else {@value #LOCAL}.
     */
    static String ofJmxClient() {
        Subject subject = JmxCaller.subject();
        if (subject == null) {
            return LOCAL;
        }
        Set<JMXPrincipal> jmx = subject.getPrincipals(JMXPrincipal.class);
        if (!jmx.isEmpty()) {
            return jmx.iterator().next().getName();
        }
        return subject.getPrincipals().stream().map(Principal::getName).findFirst().orElse(LOCAL);
    }

    /**
     * {@code code:<class>} for the class that called into {@code api} (the first frame below the
     * last frame of {@code api}).
     */
    static String ofCaller(Class<?> api) {
        Class<?> caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .dropWhile(frame -> frame.getDeclaringClass() != api)
                .dropWhile(frame -> frame.getDeclaringClass() == api)
                .map(StackWalker.StackFrame::getDeclaringClass)
                .findFirst().orElse(api));
        return "code:" + caller.getName();
    }
}
