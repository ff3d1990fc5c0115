package dev.fusebox.ft.cdi;

import dev.fusebox.ft.cdi.async.ContainerTime;
import dev.fusebox.ft.core.VirtualTime;

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
}
