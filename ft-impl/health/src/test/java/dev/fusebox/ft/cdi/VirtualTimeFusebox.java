package dev.fusebox.ft.cdi;

import dev.fusebox.ft.cdi.async.ContainerTime;
import dev.fusebox.ft.core.VirtualTime;

/**
 * The health tests' side of the fault tolerance extension's internal time seam (as
 * {@code VirtualTimeExtension} is in the CDI module's tests): a Fusebox extension whose container
 * runs on a {@link VirtualTime}. In the extension's package because the seam is package-private;
 * not taken from the CDI module's test classes because in a reactor build that would put all of
 * them, with their beans.xml, on this module's class path. Stateless, so thread-safe.
 */
public final class VirtualTimeFusebox {

    private VirtualTimeFusebox() {
    }

    /** A new extension, for one container, on {@code time}. */
    public static FaultToleranceExtension on(VirtualTime time) {
        return new FaultToleranceExtension(ContainerTime.of(time, time, time));
    }
}
