package dev.fusebox.ft.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;

/** Tells which thread an asynchronous method runs on: the virtual-thread benchmark checks its own set-up with it. */
@ApplicationScoped
public class ThreadKindService {

    @Asynchronous
    public CompletionStage<String> thread() {
        return CompletableFuture.completedFuture(Thread.currentThread().toString());
    }
}
