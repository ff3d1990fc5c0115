package dev.fusebox.ft.tck;

import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceDefinitionException;
import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;

/**
 * Lets the TCK's negative tests see our definition errors. Weld reports the errors an extension
 * adds at deployment as one Weld {@code DefinitionException} that carries them as suppressed
 * exceptions, not as its cause, so Arquillian's check of the cause chain for the expected
 * {@link FaultToleranceDefinitionException} would never find them. This hands Arquillian the first
 * listed fault-tolerance error; any other failure passes through unchanged.
 */
public class ListedDefinitionErrors implements DeploymentExceptionTransformer {

    @Override
    public Throwable transform(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof FaultToleranceDefinitionException) {
                return current;
            }
            for (Throwable listed : current.getSuppressed()) {
                if (listed instanceof FaultToleranceDefinitionException) {
                    return listed;
                }
            }
        }
        return failure;
    }
}
