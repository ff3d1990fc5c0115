package dev.fusebox.console.connect;

import com.sun.tools.attach.VirtualMachine;
import com.sun.tools.attach.VirtualMachineDescriptor;
import dev.fusebox.console.operator.LocalJvm;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Lists local JVMs worth connecting to, through the Attach API. Best effort, by design:
 * <ul>
 *   <li>only JVMs of the same user that allow attaching are seen (the JDK's rules); the console's
 *       own JVM is skipped;</li>
 *   <li>a JVM is listed when its system properties name a Fusebox remote connector (any key starting
 *       with {@code fusebox.jmx.}, e.g. {@code fusebox.jmx.port}) or the JDK agent's remote port
 *       ({@code com.sun.management.jmxremote.port}), or when its local management agent already
 *       runs (agent property {@code com.sun.management.jmxremote.localConnectorAddress});</li>
 *   <li>nothing is started in the target: a JVM without either is not listed;</li>
 *   <li>without the {@code jdk.attach} module (a JRE) the list is empty and {@link #available()}
 *       says why.</li>
 * </ul>
 *
 * <p>Thread-safety: stateless; {@link #discover} blocks (attaching takes a moment per JVM): call it
 * off the FX thread.
 */
public final class LocalJvmDiscovery {

    private static final System.Logger LOG = System.getLogger(LocalJvmDiscovery.class.getName());
    private static final String LOCAL_ADDRESS = "com.sun.management.jmxremote.localConnectorAddress";

    /** Whether the Attach API is there; false on a JRE without {@code jdk.attach}. */
    public static boolean available() {
        return ModuleLayer.boot().findModule("jdk.attach").isPresent();
    }

    public List<LocalJvm> discover() {
        if (!available()) {
            return List.of();
        }
        String self = Long.toString(ProcessHandle.current().pid());
        List<LocalJvm> found = new ArrayList<>();
        for (VirtualMachineDescriptor d : VirtualMachine.list()) {
            if (d.id().equals(self)) {
                continue;
            }
            try {
                VirtualMachine vm = VirtualMachine.attach(d);
                try {
                    LocalJvm jvm = inspect(d.id(), d.displayName(), vm.getSystemProperties(), vm.getAgentProperties());
                    if (jvm != null) {
                        found.add(jvm);
                    }
                } finally {
                    vm.detach();
                }
            } catch (Exception e) {
                // not attachable (other user, different JDK, exited): skip it, as documented
                LOG.log(System.Logger.Level.DEBUG, "cannot inspect JVM {0}: {1}", d.id(), e.toString());
            }
        }
        return found;
    }

    /** The system property a Fusebox application sets to {@code host:port} of its remote connector. */
    static final String FUSEBOX_REMOTE_ADDRESS = "fusebox.jmx.remote.address";

    static LocalJvm inspect(String pid, String displayName, Properties system, Properties agent) {
        // published by Fusebox's management extension while its remote connector runs
        String remote = system.getProperty(FUSEBOX_REMOTE_ADDRESS, "");
        for (String key : system.stringPropertyNames()) {
            if (remote.isEmpty() && key.startsWith("fusebox.jmx.") && key.endsWith("port")) {
                remote = system.getProperty("fusebox.jmx.remote.host", "127.0.0.1") + ":" + system.getProperty(key);
            }
        }
        if (remote.isEmpty() && system.getProperty("com.sun.management.jmxremote.port") != null) {
            remote = "127.0.0.1:" + system.getProperty("com.sun.management.jmxremote.port");
        }
        String local = agent.getProperty(LOCAL_ADDRESS, "");
        if (remote.isEmpty() && local.isEmpty()) {
            return null;
        }
        return new LocalJvm(pid, displayName, remote, local);
    }
}
