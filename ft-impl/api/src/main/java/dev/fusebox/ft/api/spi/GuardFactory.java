package dev.fusebox.ft.api.spi;

import dev.fusebox.ft.api.Guard;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * Makes guard builders: the implementation's side of {@link Guard#builder(String)}, found with the
 * {@link ServiceLoader} once per class loader of this API. Implementations are thread-safe.
 */
public interface GuardFactory {

    /** A builder of a guard named {@code name}, the name checked. */
    Guard.Builder builder(String name);

    /** The implementation on the class path. */
    static GuardFactory installed() {
        return Installed.FACTORY;
    }

    /** Holds the factory found at first use (the holder idiom: loaded once, thread-safe). */
    final class Installed {
        static final GuardFactory FACTORY = find();

        private Installed() {
        }

        private static GuardFactory find() {
            Iterator<GuardFactory> found = ServiceLoader.load(GuardFactory.class, GuardFactory.class.getClassLoader())
                    .iterator();
            if (!found.hasNext()) {
                return name -> {
                    throw new IllegalStateException("no Fusebox guard implementation on the class path: add "
                            + "dev.fusebox:fusebox-ft-guard");
                };
            }
            return found.next();
        }
    }
}
