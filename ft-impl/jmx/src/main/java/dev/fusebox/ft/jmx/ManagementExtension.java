package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.FaultToleranceExtension;
import dev.fusebox.ft.cdi.management.GuardedMethods;
import dev.fusebox.ft.configsource.OverridesFile;
import dev.fusebox.ft.jmx.overrides.ForcedStatesFile;
import dev.fusebox.ft.jmx.overrides.LiveConfiguration;
import dev.fusebox.ft.management.FaultToleranceOperations;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeShutdown;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.interceptor.Interceptor;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The CDI portable extension of Fusebox's JMX management. Once the fault tolerance extension has
 * assembled the chains (this observes the end of deployment later than it), registers the
 * application's MXBeans and starts the management thread; at shutdown removes them all. Adds the
 * {@link FaultToleranceOperations} bean for application code. Uses a {@link ForcedStateStore} and
 * a {@link ConfigurationChanges} bean when the application has one.
 *
 * <p>MicroProfile Config: {@value ApplicationManagement#APPLICATION_KEY} (default
 * {@value ApplicationManagement#DEFAULT_APPLICATION}), {@value ApplicationManagement#ENABLED_KEY}
 * (default true), {@code fusebox.groups.<name>} (breaker groups). One instance per container.
 * It reads the guarded methods only through the CDI layer's port
 * ({@link FaultToleranceExtension#guardedMethods()}). Thread-safety: the container calls
 * {@code start} and {@code stop} once each; {@link #audit} may be called from any thread (it
 * reads a volatile field); {@link #publishedMBeans()} and {@link #application()} are for later
 * observers of the same container (the remote access extension), which run after {@code start}.
 * Hands the remote connector what it serves ({@link #publishedMBeans()}) and the audit log it
 * writes to ({@link #audit}), and an in-process agent (the fleet module) the operations it may use
 * ({@link #control()}).
 *
 * <p>Remote access is not started here: the module {@code fusebox-ft-jmx-remote} brings its own
 * extension, which starts after this one and stops before it (this one stops at
 * {@code PLATFORM_BEFORE + 10}).
 * <p>A failure to start fails deployment: it is thrown from the observer (a deployment problem,
 * says the specification), not handed to {@code addDeploymentProblem}, which OpenWebBeans only logs,
 * failing with a message of its own that carries none of them; thrown, it is in the container's
 * failure on OpenWebBeans (as its cause) and on Weld (listed) alike.
 * <p>Thread-safety: the container calls its observers and {@link #publishedMBeans()} on one thread; {@link #audit} may be called from any thread (it reads a volatile reference).
 */
public class ManagementExtension implements Extension {

    /** What the application name of the guards' management adds to the application's. */
    public static final String GUARDS_SUFFIX = "-guards";

    private static final System.Logger LOG = System.getLogger(ManagementExtension.class.getName());

    private volatile OperatorActions actions;
    private ApplicationManagement running;
    private LiveConfiguration live;
    private volatile GuardManagement guards;
    private volatile ApplicationControl control;

    void addOperations(@Observes AfterBeanDiscovery event) {
        // Dependent, not Singleton: OpenWebBeans' default contexts keep the Singleton context per
        // thread. A JavaOperations holds nothing but the way to this extension's actions, so one per
        // injection point costs nothing and needs no context or client proxy.
        event.addBean().beanClass(JavaOperations.class).types(FaultToleranceOperations.class, Object.class)
                .scope(Dependent.class).createWith(context -> new JavaOperations(() -> actions));
    }

    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 500) AfterDeploymentValidation event,
               BeanManager beans) {
        FaultToleranceExtension faultTolerance = beans.getExtension(FaultToleranceExtension.class);
        GuardedMethods methods = faultTolerance.guardedMethods();
        if (methods == null) {
            throw new IllegalStateException("fault tolerance management started before the"
                    + " fault tolerance extension assembled its chains");
        }
        Config config = faultTolerance.config();
        boolean enabled = config.getOptionalValue(ApplicationManagement.ENABLED_KEY, Boolean.class).orElse(true);
        String application = config.getOptionalValue(ApplicationManagement.APPLICATION_KEY, String.class)
                .filter(name -> !name.isBlank()).orElse(ApplicationManagement.DEFAULT_APPLICATION);
        try {
            ForcedStateStore store = supplied(beans, ForcedStateStore.class, null);
            ConfigurationChanges changes = supplied(beans, ConfigurationChanges.class, null);
            OverridesFile overrides = LiveConfiguration.fileOf(config);
            if (overrides != null) {
                // the application reads an operator overrides file: keep forcings and parameter changes there
                store = store != null ? store : new ForcedStatesFile(overrides);
                if (changes == null) {
                    live = new LiveConfiguration(config, methods, overrides, this::handEdit);
                    changes = live;
                }
            }
            running = ApplicationManagement.start(methods.all(), enabled, application,
                    BreakerSelection.groupDefinitions(config), store != null ? store : ForcedStateStore.NONE,
                    changes != null ? changes : ConfigurationChanges.NONE, null);
            actions = running.actions();
            // a fleet agent (a later observer) checks and applies configuration the way the file's edits are
            control = new ApplicationControl(running.application(), actions,
                    live != null ? live : new LiveConfiguration(config, methods, null, this::handEdit), running);
            if (live != null) {
                live.start();
            }
            if (enabled) {
                guards = GuardManagement.start(running.application() + GUARDS_SUFFIX);
            }
            LOG.log(System.Logger.Level.DEBUG, () -> "fault tolerance management of " + running.application()
                    + " started: " + methods.all().size() + " guarded methods");
        } catch (RuntimeException failed) {
            stop(null);
            throw failed;
        }
    }

    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) BeforeShutdown event) {
        if (live != null) {
            live.close();
            live = null;
        }
        actions = null;
        control = null;
        if (guards != null) {
            guards.close();
            guards = null;
        }
        if (running != null) {
            running.stop();
            running = null;
        }
    }

    /**
     * Stops management now, as shutdown would: for a later observer of the end of deployment (the
     * remote access extension) whose failure fails the deployment. A container whose deployment
     * failed fires no {@code BeforeShutdown}, so without this the management thread would outlive it.
     */
    public void stopAfterFailedDeployment() {
        stop(null);
    }

    /**
     * The management of this class loader's programmatic guards, under the application name
     * {@code <application>-guards}; null before deployment ended, when stopped or with management
     * disabled. The remote connector serves what it registers.
     */
    public GuardManagement guards() {
        return guards;
    }

    /** Audits what a hand edit of the overrides file changed or why it was refused. */
    private void handEdit(String principal, String target, String parameter, String previous, String next,
                          boolean applied, String detail, String reason) {
        OperatorActions current = actions;
        if (current != null) {
            current.record(principal, "configure", target, reason, previous, next, applied,
                    detail == null || detail.isEmpty() ? "hand edit of the overrides file" : detail);
        }
    }

    private static <T> T supplied(BeanManager beans, Class<T> type, T otherwise) {
        Instance<T> found = beans.createInstance().select(type);
        return found.isResolvable() ? found.get() : otherwise;
    }

    /**
     * The MXBeans management registered on the platform MBean server, for a server of the remote
     * connector's own; empty before deployment ended, when stopped or with management disabled.
     */
    public List<PublishedMBean> publishedMBeans() {
        ApplicationManagement started = running;
        return started == null ? List.of() : started.published();
    }

    /**
     * Adds an entry to this application's audit log (kept for {@code getAuditLog}, logged to
     * {@code dev.fusebox.ft.audit}, committed as a JFR event) for something done or refused outside
     * the operator actions: the remote connector records each call it refuses and each change it
     * lets through to an MBean that is not Fusebox's. Does nothing when management is stopped.
     *
     * @param principal who asked (the login)
     * @param action    what was asked, e.g. the MBeanServer method
     * @param target    what it was asked of, e.g. the ObjectName
     * @param succeeded false for a refusal
     * @param detail    why, and from where
     */
    public void audit(String principal, String action, String target, boolean succeeded, String detail) {
        OperatorActions current = actions;
        if (current != null) {
            current.record(principal, action, target, "", null, null, succeeded, detail);
        }
    }

    /**
     * What an agent in this JVM (the fleet module, observing the end of deployment after this
     * extension and shutdown before it) may do to the application; null before deployment ended or
     * when stopped.
     */
    public ApplicationControl control() {
        return control;
    }

    /** The application name management registered under; null before deployment ended or when stopped. */
    public String application() {
        ApplicationManagement started = running;
        return started == null ? null : started.application();
    }
}
