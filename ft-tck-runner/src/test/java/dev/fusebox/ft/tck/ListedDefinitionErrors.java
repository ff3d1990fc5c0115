package dev.fusebox.ft.tck;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;
import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;

/**
 * Lets the TCK's negative tests see our definition errors. Weld reports the errors an extension
 * adds at deployment as one Weld {@code DefinitionException} (or {@code DeploymentException})
 * that lists them as suppressed exceptions, not as its cause, so Arquillian's check of the cause
 * chain for the {@link FaultToleranceDefinitionException} a test expects would never find it.
 * This hands Arquillian the first such error found in the causes and listed errors; any other
 * failure passes through unchanged.
 */
public class ListedDefinitionErrors implements DeploymentExceptionTransformer {

    /** Guards against cause/suppressed cycles; real chains are a few levels deep. */
    private static final int MAX_DEPTH = 16;

    @Override
    public Throwable transform(Throwable failure) {
        Throwable listed = find(failure, 0);
        return listed != null ? listed : failure;
    }

    private static FaultToleranceDefinitionException find(Throwable failure, int depth) {
        if (failure == null || depth > MAX_DEPTH) {
            return null;
        }
        if (failure instanceof FaultToleranceDefinitionException definitionError) {
            return definitionError;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            FaultToleranceDefinitionException found = find(suppressed, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return find(failure.getCause(), depth + 1);
    }
}
