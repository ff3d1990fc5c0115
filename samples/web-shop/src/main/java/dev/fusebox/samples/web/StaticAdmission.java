package dev.fusebox.samples.web;

import dev.fusebox.ft.api.CallPriority;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Bulkhead;

/**
 * The front door with the specification's static {@code @Bulkhead}, tuned for a fast dependency:
 * the comparison's baseline (docs/adaptive.md). It knows no priority. Override its size with
 * {@code dev.fusebox.samples.web.StaticAdmission/admit/Bulkhead/value=N}.
 */
@ApplicationScoped
public class StaticAdmission {

    @Bulkhead(40)
    public <T> T admit(CallPriority priority, Supplier<T> work) {
        return work.get();
    }
}
