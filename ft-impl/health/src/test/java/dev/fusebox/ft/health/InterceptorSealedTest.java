package dev.fusebox.ft.health;

import dev.fusebox.ft.testing.InterceptorSealedRule;
import org.junit.jupiter.api.Test;

/** The readiness check reads the breakers through the CDI layer's management port, never its interceptor. */
class InterceptorSealedTest {

    @Test
    void theCheckUsesThePortNotTheInterceptor() {
        InterceptorSealedRule.checkClassPath(ReadinessExtension.class);
    }
}
