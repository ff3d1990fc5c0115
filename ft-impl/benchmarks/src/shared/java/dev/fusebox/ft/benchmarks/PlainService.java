package dev.fusebox.ft.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;

/** The baseline: a bean method with no interceptor at all, called through its client proxy. */
@ApplicationScoped
public class PlainService {

    public String call() {
        return "ok";
    }
}
