package dev.fusebox.ft.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

/** {@link PlainService}'s method behind {@link RefusingInterceptor}: it is never reached. */
@ApplicationScoped
public class RefusedService {

    @Refuse
    public String call() {
        return "never";
    }
}
