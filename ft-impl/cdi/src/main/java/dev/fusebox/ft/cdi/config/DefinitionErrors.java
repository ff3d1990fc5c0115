package dev.fusebox.ft.cdi.config;

import java.util.List;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;

/**
 * Makes the definition errors Fusebox reports at deployment. An error carries its message and
 * nothing else: no stack (it would show the container's bootstrap, which says nothing the message
 * does not: class, method, annotation, parameter, value and where the value came from) and no cause
 * whose text the message already quotes. This matters because the container prints the error
 * inside its own deployment failure (Weld twice: in the text of its {@code DefinitionException} and
 * again as a suppressed exception of it): with a stack, one wrong value became some 250 lines of
 * which two mattered. All errors of a deployment are reported as one ({@link #together}).
 * Stateless; thread-safe.
 */
public final class DefinitionErrors {

    private static final StackTraceElement[] NO_STACK = new StackTraceElement[0];

    private DefinitionErrors() {
    }

    /** A definition error saying {@code message}, without a stack. */
    public static FaultToleranceDefinitionException of(String message) {
        FaultToleranceDefinitionException error = new FaultToleranceDefinitionException(message);
        error.setStackTrace(NO_STACK);
        return error;
    }

    /**
     * The one error that reports all of {@code errors} (not empty): the error itself when there is
     * one; otherwise an error whose message says how many and lists each message on its own line,
     * with each error as a suppressed exception, so a user sees every invalid definition at once
     * in the message alone.
     */
    public static FaultToleranceDefinitionException together(List<FaultToleranceDefinitionException> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("no definition error to report");
        }
        if (errors.size() == 1) {
            return errors.get(0);
        }
        StringBuilder message = new StringBuilder().append(errors.size()).append(" invalid fault tolerance definitions:");
        errors.forEach(error -> message.append(System.lineSeparator()).append("  - ").append(error.getMessage()));
        FaultToleranceDefinitionException all = of(message.toString());
        errors.forEach(all::addSuppressed);
        return all;
    }
}
