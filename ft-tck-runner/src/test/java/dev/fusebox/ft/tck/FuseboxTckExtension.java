package dev.fusebox.ft.tck;

import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers what the TCK needs on the Weld embedded container beyond Fusebox itself. */
public class FuseboxTckExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeploymentExceptionTransformer.class, ListedDefinitionErrors.class);
    }
}
