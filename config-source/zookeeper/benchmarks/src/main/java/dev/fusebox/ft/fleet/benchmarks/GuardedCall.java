package dev.fusebox.ft.fleet.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/** The call under measurement: a closed circuit breaker around a constant. Stateless. */
@ApplicationScoped
public class GuardedCall {

    @CircuitBreaker
    public int call() {
        return 42;
    }
}
