package dev.fusebox.ft.cdi.interceptor;

import dev.fusebox.ft.cdi.config.MethodPolicy;
import dev.fusebox.ft.core.bulkhead.AsyncBulkhead;
import dev.fusebox.ft.core.bulkhead.Bulkhead;
import dev.fusebox.ft.core.circuitbreaker.CircuitBreaker;
import dev.fusebox.ft.core.ratelimit.RateLimit;

/**
 * Sets the shadow switches of a method's engines from its policy ({@code .../CircuitBreaker/shadow},
 * {@code .../Bulkhead/shadow}, {@code .../RateLimit/shadow}): when the engines are made, and again
 * by every live change, so a switch turned in the overrides file, over JMX or in the console takes
 * effect with the next call. Stateless; thread-safe (the switches are volatile).
 */
final class Shadows {

    private Shadows() {
    }

    /** Each engine that is not null gets the switch its policy gives. */
    static void apply(MethodPolicy policy, CircuitBreaker breaker, RateLimit rateLimit, Bulkhead bulkhead,
                      AsyncBulkhead asyncBulkhead) {
        if (breaker != null) {
            breaker.setShadow(policy.fusebox().circuitBreakerShadow());
        }
        if (rateLimit != null) {
            rateLimit.setShadow(policy.fusebox().rateLimit().shadow());
        }
        if (bulkhead != null) {
            bulkhead.setShadow(policy.fusebox().bulkheadShadow());
        }
        if (asyncBulkhead != null) {
            asyncBulkhead.setShadow(policy.fusebox().bulkheadShadow());
        }
    }
}
