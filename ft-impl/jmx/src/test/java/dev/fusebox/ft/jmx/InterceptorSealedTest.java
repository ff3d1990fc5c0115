package dev.fusebox.ft.jmx;

import dev.fusebox.ft.testing.InterceptorSealedRule;
import org.junit.jupiter.api.Test;

/** Management reads and changes guarded methods through the CDI layer's port, never its interceptor. */
class InterceptorSealedTest {

    @Test
    void managementUsesThePortNotTheInterceptor() {
        InterceptorSealedRule.checkClassPath(ManagementExtension.class);
    }
}
