package dev.fusebox.samples.chaos;

import dev.fusebox.samples.chaos.model.FaultStep;
import dev.fusebox.samples.demo.FaultInjector;
import dev.fusebox.samples.demo.FaultInjectorMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;

/**
 * The shop's fault injectors an experiment touches, switched over its JMX connection (the
 * {@code operator} role is needed; a {@code viewer} is refused with a {@code SecurityException}).
 * A step is applied by setting its kind's attribute and taken back by setting it to its healthy
 * value ({@link dev.fusebox.samples.chaos.model.FaultKind}, shared with the console's game day);
 * {@link #healAll()} calls {@code heal()} on every injector and never throws. Thread-safe as far as
 * JMX connections are: the runner and the shutdown hook may both heal.
 */
final class FaultSwitch {

    private final MBeanServerConnection connection;
    private final Map<String, FaultInjectorMXBean> injectors = new LinkedHashMap<>();

    /**
     * @throws IllegalArgumentException naming a dependency the shop has no injector for, and those it has
     */
    FaultSwitch(MBeanServerConnection connection, List<String> dependencies) throws IOException {
        this.connection = connection;
        Set<String> known = new TreeSet<>();
        for (ObjectName name : connection.queryNames(pattern(), null)) {
            known.add(name.getKeyProperty("dependency"));
        }
        for (String dependency : dependencies) {
            if (!known.contains(dependency)) {
                throw new IllegalArgumentException("the shop has no fault injector for '" + dependency
                        + "'; it has " + (known.isEmpty() ? "none (are the injectors exposed on its connector?)"
                        : String.join(", ", known)));
            }
            injectors.put(dependency, JMX.newMXBeanProxy(connection, new FaultInjector(dependency, 0).objectName(),
                    FaultInjectorMXBean.class));
        }
    }

    private static ObjectName pattern() {
        try {
            return new ObjectName(FaultInjector.DOMAIN + ":type=FaultInjector,*");
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What each injector injects now: {@code payments: healthy}. */
    Map<String, String> statuses() {
        Map<String, String> statuses = new LinkedHashMap<>();
        injectors.forEach((dependency, injector) -> statuses.put(dependency, injector.getStatus()));
        return statuses;
    }

    void apply(FaultStep step) {
        set(step, new Attribute(step.kind().attribute(), step.kind().injected(step.value())));
    }

    void revert(FaultStep step) {
        set(step, new Attribute(step.kind().attribute(), step.kind().healthy()));
    }

    private void set(FaultStep step, Attribute attribute) {
        try {
            connection.setAttribute(new FaultInjector(step.dependency(), 0).objectName(), attribute);
        } catch (IOException e) {
            throw new UncheckedIOException("the shop's JMX connection failed switching " + step.describe(), e);
        } catch (JMException e) {
            throw new IllegalStateException("the shop refused " + step.describe() + ": " + e, e);
        }
    }

    /** Heals every injector; returns what could not be healed (empty when all were). */
    List<String> healAll() {
        List<String> failed = new ArrayList<>();
        injectors.forEach((dependency, injector) -> {
            try {
                injector.heal();
            } catch (RuntimeException e) {
                failed.add(dependency + ": " + e);
            }
        });
        return failed;
    }
}
