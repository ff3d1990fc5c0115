package dev.fusebox.console.connect;

import dev.fusebox.console.operator.InjectorOutcome;
import dev.fusebox.samples.chaos.model.FaultStep;
import java.io.IOException;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * Switches the fault injectors of a connected JVM by name, with plain {@code setAttribute} and
 * {@code invoke}: {@code dev.fusebox.samples:type=FaultInjector,dependency=<name>}, attributes
 * {@code LatencyMillis} (long), {@code ErrorRate} (double), {@code Outage} and {@code Hang} (boolean),
 * operation {@code heal()}. The console needs no class of the demo for it. A step is applied by
 * setting its kind's attribute and taken back by setting it to the healthy value ({@link
 * dev.fusebox.samples.chaos.model.FaultKind}, shared with the chaos runner).
 *
 * <p>Thread-safety: stateless; the methods block on JMX and run on a connection's worker thread.
 */
final class FaultInjectorSwitch {

    static final String DOMAIN = "dev.fusebox.samples";

    /** One call on one injector; may fail as JMX calls do. */
    @FunctionalInterface
    interface Call {
        void on(MBeanServerConnection server, ObjectName injector) throws IOException, JMException;
    }

    private FaultInjectorSwitch() {
    }

    static Call inject(FaultStep step) {
        return (server, name) -> server.setAttribute(name,
                new Attribute(step.kind().attribute(), step.kind().injected(step.value())));
    }

    static Call revert(FaultStep step) {
        return (server, name) -> server.setAttribute(name, new Attribute(step.kind().attribute(), step.kind().healthy()));
    }

    static Call heal() {
        return (server, name) -> server.invoke(name, "heal", new Object[0], new String[0]);
    }

    /**
     * Runs {@code call} on {@code dependency}'s injector. A broken connector leaves as the
     * {@link IOException} (the caller decides the connection is lost); anything else is an outcome.
     */
    static InjectorOutcome run(MBeanServerConnection server, String dependency, Call call) throws IOException {
        ObjectName name;
        try {
            // the experiment parser allows [a-z][a-z0-9-]* only: nothing to quote
            name = new ObjectName(DOMAIN + ":type=FaultInjector,dependency=" + dependency);
            if (!server.isRegistered(name)) {
                return InjectorOutcome.failed("no fault injector for '" + dependency + "' (" + name + ")");
            }
            call.on(server, name);
            return InjectorOutcome.ok();
        } catch (JMException | RuntimeException e) {
            SecurityException refused = BreakerActions.securityException(e);
            return InjectorOutcome.failed(refused != null ? "refused: " + refused.getMessage() : JmxConnect.describe(e));
        }
    }
}
