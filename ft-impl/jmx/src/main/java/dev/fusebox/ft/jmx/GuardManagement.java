package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.management.GuardEnginesView;
import dev.fusebox.ft.guard.ManagedGuard;
import dev.fusebox.ft.guard.ManagedGuards;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * JMX management of the programmatic guards of this class loader ({@code dev.fusebox.ft.api.Guard}),
 * as one application: a registry MXBean and each guard's MXBeans on the platform MBean server, the
 * same types and operations as an annotated method's (force open or closed, release, reset,
 * configure, audited), named with bean {@code dev.fusebox.ft.api.Guard} and the guard's name as the
 * method. The set follows the live guards: when one is built or closed, the application's MXBeans
 * are registered again for the new set, on the thread that built or closed it; breakers keep their
 * state and forcings (they are the guards' own) and the audit log is kept. Without a live guard
 * nothing is registered. Changes are in memory ({@link GuardChanges}). Start it once, e.g. in
 * {@code main} (a CDI container with this module starts one itself, see
 * {@link ManagementExtension#guards()}); {@link #close} unregisters everything. Thread-safe.
 */
public final class GuardManagement implements AutoCloseable {

    /** The application name guards are managed under unless one is given. */
    public static final String DEFAULT_APPLICATION = "guards";

    private static final System.Logger LOG = System.getLogger(GuardManagement.class.getName());

    private final String wanted;
    private final ConfigurationChanges changes = new GuardChanges();
    private final Object lock = new Object();
    private final AutoCloseable listening;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private ApplicationManagement running;
    private AuditLog audit;
    private boolean closed;

    private GuardManagement(String application) {
        this.wanted = application;
        // listening first: a guard built while the first registration runs then registers again after it
        this.listening = ManagedGuards.listen(this::guardsChanged);
        synchronized (lock) {
            rebuild();
        }
    }

    /**
     * Starts managing the live guards, and those built later, under {@code application}.
     *
     * @throws IllegalArgumentException when the name is blank or longer than 100 characters
     * @throws IllegalStateException    when the MXBeans cannot be registered
     */
    public static GuardManagement start(String application) {
        Objects.requireNonNull(application, "application");
        if (application.isBlank() || application.length() > 100) {
            throw new IllegalArgumentException("the application name of guards is 1 to 100 characters: " + application);
        }
        return new GuardManagement(application);
    }

    /** The application name the guards are registered under (another is taken when it is in use). */
    public String application() {
        synchronized (lock) {
            return running == null ? wanted : running.application();
        }
    }

    /** The MXBeans registered now, registry first, for a server of the remote connector's own. */
    public List<PublishedMBean> publishedMBeans() {
        synchronized (lock) {
            return running == null ? List.of() : running.published();
        }
    }

    /**
     * Calls {@code listener} now and after each re-registration, under this management's lock (so
     * calls come in order and none is missed; {@link #publishedMBeans()} gives the set of the moment);
     * for the remote connector's view. Running the result stops the calls.
     */
    public Runnable listen(Runnable listener) {
        synchronized (lock) {
            listeners.add(listener);
            listener.run();
        }
        return () -> listeners.remove(listener);
    }

    private void guardsChanged() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                rebuild();
            } catch (RuntimeException failed) {
                LOG.log(System.Logger.Level.WARNING, "could not register the guards' MXBeans again after a change;"
                        + " guards stay unmanaged until the next change", failed);
            }
        }
    }

    private void rebuild() {
        if (running != null) {
            running.stop();
            running = null;
        }
        List<ManagedGuard> live = ManagedGuards.live(); // ApplicationManagement sorts them by name
        if (!live.isEmpty()) {
            running = ApplicationManagement.start(GuardEnginesView.of(live), true, wanted, Map.of(),
                    ForcedStateStore.NONE, changes, audit);
            audit = running.actions().audit();
        }
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                listening.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "could not stop listening to the guards", e);
            }
            if (running != null) {
                running.stop();
                running = null;
            }
        }
    }
}
