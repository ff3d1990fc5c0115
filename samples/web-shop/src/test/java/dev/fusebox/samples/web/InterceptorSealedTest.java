package dev.fusebox.samples.web;

import dev.fusebox.ft.testing.InterceptorSealedRule;
import org.junit.jupiter.api.Test;

/** The web shop uses Fusebox as applications do: through annotations, its exceptions and management, never its interceptor. */
class InterceptorSealedTest {

    @Test
    void theWebShopStaysOutOfTheInterceptor() {
        InterceptorSealedRule.checkClassPath(WebShop.class);
    }
}
