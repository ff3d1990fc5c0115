package dev.fusebox.samples;

import dev.fusebox.ft.testing.InterceptorSealedRule;
import dev.fusebox.samples.demo.ShopInstance;
import org.junit.jupiter.api.Test;

/** The samples use Fusebox as applications do: through annotations and management, never its interceptor. */
class InterceptorSealedTest {

    @Test
    void samplesStayOutOfTheInterceptor() {
        InterceptorSealedRule.checkClassPath(ShopInstance.class);
    }
}
