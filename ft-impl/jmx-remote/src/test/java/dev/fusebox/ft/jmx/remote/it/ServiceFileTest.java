package dev.fusebox.ft.jmx.remote.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fusebox.ft.jmx.remote.RemoteAccessExtension;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ServiceFileTest {

    @Test
    void theExtensionIsFoundByTheServiceLoader() {
        assertThat(ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::type))
                .contains(RemoteAccessExtension.class);
    }
}
