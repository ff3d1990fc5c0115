package dev.fusebox.ft.cdi;

import dev.fusebox.ft.cdi.async.ContainerTime;
import dev.fusebox.ft.core.VirtualTime;
import dev.fusebox.ft.testing.Container;
import jakarta.enterprise.inject.spi.Extension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The test side of the extension's internal time seam: a Fusebox extension whose container runs on
 * a {@link VirtualTime} (its clock, its sleeping, and when the timer's tasks fall due; they still
 * run on the container's timer thread). Lives in the extension's package because the seam is
 * package-private. Stateless, so thread-safe.
 */
public final class VirtualTimeExtension {

    private VirtualTimeExtension() {
    }

    /** A new extension, for one container, on {@code time}. */
    public static FaultToleranceExtension on(VirtualTime time) {
        return new FaultToleranceExtension(ContainerTime.of(time, time, time));
    }

    /** A container of {@code beans} whose Fusebox runs on {@code time}: delays, expiry and timeouts wait for the test. */
    public static Container container(VirtualTime time, Class<?>... beans) {
        return container(time, List.of(), beans);
    }

    /** The same, with further portable extensions (e.g. a metrics implementation's). */
    public static Container container(VirtualTime time, List<Extension> extensions, Class<?>... beans) {
        List<Extension> all = new ArrayList<>(extensions);
        all.add(on(time));
        return Container.start(Map.of(), all, beans);
    }
}
