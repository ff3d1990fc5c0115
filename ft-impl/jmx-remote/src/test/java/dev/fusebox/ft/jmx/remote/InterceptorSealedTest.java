package dev.fusebox.ft.jmx.remote;

import dev.fusebox.ft.testing.InterceptorSealedRule;
import org.junit.jupiter.api.Test;

/** The remote connector, like management beneath it, stays out of the CDI layer's interceptor. */
class InterceptorSealedTest {

    @Test
    void remoteAccessStaysOutOfTheInterceptor() {
        InterceptorSealedRule.checkClassPath(RemoteAccessExtension.class);
    }
}
