package dev.fusebox.ft.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

/** {@link PlainService}'s method behind {@link PassThroughInterceptor}. */
@ApplicationScoped
public class PassThroughService {

    @PassThrough
    public String call() {
        return "ok";
    }
}
