package dev.fusebox.ft.cdi.config;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;

/**
 * Makes the definition errors Fusebox reports at deployment. An error carries its message and
 * nothing else: no stack (it would show the container's bootstrap, which says nothing the message
 * does not: class, method, annotation, parameter, value and where the value came from) and no cause
 * whose text the message already quotes. This matters because Weld prints every listed definition
 * error twice, inside the text of its own {@code DefinitionException} and again as a suppressed
 * exception of it: with a stack, one wrong value became some 250 lines of which two mattered.
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
}
