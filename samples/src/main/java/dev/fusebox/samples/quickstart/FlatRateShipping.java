package dev.fusebox.samples.quickstart;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.faulttolerance.ExecutionContext;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/** The fallback handler for shipping quotes: a flat rate when the carrier cannot be asked. */
@Dependent
public class FlatRateShipping implements FallbackHandler<String> {

    @Inject
    Journal journal;

    @Override
    public String handle(ExecutionContext context) {
        journal.say("fallback", context.getMethod().getName() + " failed with "
                + context.getFailure().getClass().getSimpleName() + "; handler served the flat rate 4.90");
        return "4.90 (flat rate)";
    }
}
