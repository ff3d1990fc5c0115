package dev.fusebox.ft.jmx;

import dev.fusebox.ft.management.FaultToleranceMXBean;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.AccessController;
import java.util.Set;
import javax.security.auth.Subject;

/**
 * The JMX client whose request the current thread serves: the {@link Subject} a connector runs the
 * call as, and the role its {@link CallerGrant} names. Stateless; thread-safe.
 */
public final class JmxCaller {

    /** {@code Subject.current()} (Java 18+), which later JDKs need; absent on 17. */
    private static final MethodHandle SUBJECT_CURRENT = subjectCurrent();

    private JmxCaller() {
    }

    /** The subject the connector runs this call as, or {@code null} (an in-process caller). */
    @SuppressWarnings("removal")
    public static Subject subject() {
        if (SUBJECT_CURRENT != null) {
            try {
                return (Subject) SUBJECT_CURRENT.invokeExact();
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        return Subject.getSubject(AccessController.getContext());
    }

    /**
     * {@code operator} or {@code viewer} for a client holding exactly one {@link CallerGrant},
     * {@code local} for an in-process client without a subject, {@code unknown} for a subject
     * without (or with several) grants, in the words of {@link FaultToleranceMXBean#getCallerRole()}.
     */
    public static String role() {
        Subject subject = subject();
        if (subject == null) {
            return FaultToleranceMXBean.LOCAL;
        }
        Set<CallerGrant> grants = subject.getPrivateCredentials(CallerGrant.class);
        if (grants.size() != 1) {
            return FaultToleranceMXBean.UNKNOWN;
        }
        String role = grants.iterator().next().callerRole();
        return FaultToleranceMXBean.OPERATOR.equals(role) || FaultToleranceMXBean.VIEWER.equals(role) ? role
                : FaultToleranceMXBean.UNKNOWN;
    }

    private static MethodHandle subjectCurrent() {
        try {
            return MethodHandles.publicLookup().findStatic(Subject.class, "current",
                    MethodType.methodType(Subject.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null;
        }
    }
}
