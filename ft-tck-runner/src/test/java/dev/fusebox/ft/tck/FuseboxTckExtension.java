package dev.fusebox.ft.tck;

import org.jboss.arquillian.container.spi.client.container.DeploymentExceptionTransformer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Registers what the TCK needs on the Weld embedded container beyond Fusebox itself: the
 * unwrapping of listed definition errors. (Every TCK 4.1.2 deployment ships its own
 * {@code beans.xml}, so no archive processor is needed.) Arquillian finds this
 * class through {@code META-INF/services/org.jboss.arquillian.core.spi.LoadableExtension}.
 */
public class FuseboxTckExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeploymentExceptionTransformer.class, ListedDefinitionErrors.class);
    }
}
