package dev.fusebox.ft.cdi.config;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Finds the configuration keys that look like Fusebox's but set nothing in this deployment (a
 * misspelt class, method, annotation or parameter; an annotation the method does not carry) and
 * logs one warning for each, naming the nearest valid key. Run once, when deployment is valid.
 *
 * <p>What looks like a key of ours: a name of 2 to 4 {@code /}-separated parts whose second to
 * last is an annotation's simple name or near one ({@link KeyDistance}), not starting with
 * {@code %} (a SmallRye profile); and the names of the families whose keys are all known here:
 * {@code MP_Fault_Tolerance_*}, {@code mp.fault.tolerance.*}, {@code fusebox.async.*} and
 * {@code fusebox.exceptions.*}. Other {@code fusebox.*} keys belong to other modules and are not
 * checked here. One valid key is reported too when it sets nothing: {@code fusebox.async.max-threads}
 * when {@code fusebox.async.virtual-threads} is true (it sizes the platform pool, which is not used).
 *
 * <p>The work is bounded: every property name is read once and tested in O(its length); only the
 * first {@value #MAX_COMPARED} ignored keys (in name order) are compared with the valid keys of
 * their shape, each comparison banded ({@link KeyDistance}) and each distinct part compared once
 * per key; any further ignored key still gets its warning, saying it was not compared. Not
 * thread-safe; used once, on the deploying thread.
 */
public final class IgnoredKeys {

    /** How many ignored keys are compared with the valid keys at most. */
    public static final int MAX_COMPARED = 100;
    private static final System.Logger LOG = System.getLogger(IgnoredKeys.class.getName());
    private static final List<String> FAMILIES = List.of("MP_Fault_Tolerance_", "mp.fault.tolerance.",
            "fusebox.async.", "fusebox.exceptions.");
    private static final List<String> KNOWN = List.of("MP_Fault_Tolerance_NonFallback_Enabled",
            "MP_Fault_Tolerance_Metrics_Enabled", "mp.fault.tolerance.interceptor.priority",
            "fusebox.async.max-threads", "fusebox.async.shutdown-wait-millis", "fusebox.async.virtual-threads",
            "fusebox.exceptions.stack-traces");
    private static final String MAX_THREADS = "fusebox.async.max-threads";
    private static final String VIRTUAL_THREADS = "fusebox.async.virtual-threads";

    private final ValidKeys valid = new ValidKeys();

    /** Records the keys of a business method of {@code beanClass} that an annotation governs. */
    public void add(Class<?> beanClass, Method method) {
        valid.add(beanClass, method);
    }

    /** Logs a warning for each ignored key of {@code config} and returns them, in name order. */
    public List<String> report(Config config) {
        List<String> ignored = new ArrayList<>();
        Map<String, String> problems = new HashMap<>();
        boolean virtualThreads = config.getOptionalValue(VIRTUAL_THREADS, Boolean.class).orElse(false);
        for (String name : config.getPropertyNames()) {
            String problem = virtualThreads && name.equals(MAX_THREADS) ? "asynchronous methods run on virtual threads ("
                    + VIRTUAL_THREADS + "=true), one new thread per task, so no pool size applies; a @Bulkhead on"
                    + " the method bounds how many run at once" : problem(name);
            if (problem != null) {
                ignored.add(name);
                problems.put(name, problem);
            }
        }
        ignored.sort(null);
        List<String> warnings = new ArrayList<>(ignored.size());
        for (int i = 0; i < ignored.size(); i++) {
            String name = ignored.get(i);
            String suggestion = KNOWN.contains(name) ? "the key is valid but has no effect here"
                    : i >= MAX_COMPARED ? "not compared with the valid keys (only the first " + MAX_COMPARED
                    + " ignored keys are)" : nearest(name).map(key -> "did you mean '" + key + "'?")
                    .orElse("no valid key is near it");
            String source = config.getConfigValue(name).getSourceName();
            String warning = "Fusebox ignores the configuration key '" + name + "'"
                    + (source == null ? "" : " (config source '" + source + "')") + ": " + problems.get(name) + "; "
                    + suggestion;
            LOG.log(System.Logger.Level.WARNING, warning);
            warnings.add(warning);
        }
        return List.copyOf(warnings);
    }

    /** Why {@code name} is one of ours that sets nothing, or null if it is valid or not ours. */
    private String problem(String name) {
        for (String family : FAMILIES) {
            if (name.startsWith(family)) {
                return KNOWN.contains(name) ? null : "Fusebox has no setting of this name";
            }
        }
        String[] segments = segments(name);
        return segments == null ? null : valid.problem(segments);
    }

    /** The parts of a name that looks like an annotation-parameter key, or null. */
    private static String[] segments(String name) {
        if (name.startsWith("%") || name.indexOf('/') < 0) {
            return null;
        }
        String[] segments = name.split("/", -1);
        if (segments.length < 2 || segments.length > 4) {
            return null;
        }
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return null;
            }
        }
        String annotation = segments[segments.length - 2];
        return ValidKeys.PARAMETERS.keySet().stream().anyMatch(valid -> KeyDistance.near(annotation, valid))
                ? segments : null;
    }

    /** The valid key nearest to {@code name}: each part within its tolerance, least distance in all. */
    private Optional<String> nearest(String name) {
        for (String family : FAMILIES) {
            if (name.startsWith(family)) {
                return KNOWN.stream().filter(key -> KeyDistance.near(name, key)).min(
                        Comparator.comparingInt(key -> KeyDistance.between(name, key)));
            }
        }
        String[] written = segments(name);
        List<Map<String, Integer>> distances = new ArrayList<>();
        for (int i = 0; i < written.length; i++) {
            distances.add(new HashMap<>());
        }
        String[][] best = {null};
        int[] bestDistance = {Integer.MAX_VALUE};
        valid.each(written.length, candidate -> {
            int total = 0;
            for (int i = 0; i < written.length && total < bestDistance[0]; i++) {
                String part = written[i];
                int d = distances.get(i).computeIfAbsent(candidate[i], key -> KeyDistance.between(part, key));
                if (d > KeyDistance.tolerance(part, candidate[i])) {
                    return;
                }
                total += d;
            }
            if (total < bestDistance[0]) {
                bestDistance[0] = total;
                best[0] = candidate;
            }
        });
        return Optional.ofNullable(best[0]).map(parts -> String.join("/", parts));
    }
}
