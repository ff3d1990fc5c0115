package dev.fusebox.ft.cdi.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import dev.fusebox.ft.api.AdaptiveBulkhead;
import dev.fusebox.ft.api.BeforeRetry;
import dev.fusebox.ft.api.CustomBackoff;
import dev.fusebox.ft.api.ExponentialBackoff;
import dev.fusebox.ft.api.FibonacciBackoff;
import dev.fusebox.ft.api.Hedge;
import dev.fusebox.ft.api.RateLimit;
import dev.fusebox.ft.api.RetryBudget;
import dev.fusebox.ft.api.RetryWhen;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The annotation-parameter keys that set something in this deployment (see docs/configuration.md):
 * <ul>
 *   <li>{@code <Annotation>/<param>}: always valid for a parameter the annotation has (an
 *       application-wide default, also when no method carries that annotation yet);</li>
 *   <li>{@code <class>/<Annotation>/<param>}: the class is a guarded bean class that carries the
 *       annotation itself (or inherits it); {@code <class>/<Annotation>/enabled} also when only
 *       some of its methods carry it;</li>
 *   <li>{@code <class>/<method>/<Annotation>/<param>}: the annotation governs that guarded method
 *       (on the method or its class); the class is the bean class or, for an inherited method,
 *       the class that declares it.</li>
 * </ul>
 * {@code <param>} is any parameter of the annotation, or {@code enabled}, or, for the policies that
 * can run in shadow mode ({@code CircuitBreaker}, {@code Bulkhead}, {@code RateLimit}), {@code shadow}.
 * The annotations are the specification's and Fusebox's own ({@code dev.fusebox.ft.api}). Filled
 * while beans are processed ({@link #add}, called under the extension's lock), read once
 * deployment is valid. Not thread-safe on its own.
 */
final class ValidKeys {

    static final String ENABLED = "enabled";
    /** The parameter that runs a policy in shadow mode (docs/guards.md); not an annotation member. */
    static final String SHADOW = "shadow";
    /** The annotations whose keys are checked: the specification's and Fusebox's own, by simple name. */
    private static final Map<String, Class<? extends Annotation>> TYPES = types(Asynchronous.class, Bulkhead.class,
            CircuitBreaker.class, Fallback.class, Retry.class, Timeout.class, RateLimit.class, ExponentialBackoff.class,
            FibonacciBackoff.class, CustomBackoff.class, RetryWhen.class, BeforeRetry.class, RetryBudget.class,
            AdaptiveBulkhead.class, Hedge.class);
    /** The annotations that can run in shadow mode. */
    private static final Set<String> SHADOWED = Set.of("CircuitBreaker", "Bulkhead", "RateLimit");
    /** Each annotation's simple name and its parameters, {@code enabled} (and {@code shadow}) included. */
    static final SortedMap<String, Set<String>> PARAMETERS = parameters();

    /** Per class name: method name to the annotations governing it. */
    private final Map<String, Map<String, Set<String>>> methods = new TreeMap<>();
    /** Per guarded bean class: annotation to the parameters a class key may set. */
    private final Map<String, Map<String, Set<String>>> classKeys = new TreeMap<>();

    /** Records the keys of {@code method}, a business method of {@code beanClass} that an annotation governs. */
    void add(Class<?> beanClass, Method method) {
        for (String annotation : PARAMETERS.keySet()) {
            Class<? extends Annotation> type = TYPES.get(annotation);
            boolean onClass = beanClass.getAnnotation(type) != null;
            if (method.getAnnotation(type) == null && !onClass) {
                continue;
            }
            methods.computeIfAbsent(beanClass.getName(), name -> new TreeMap<>())
                    .computeIfAbsent(method.getName(), name -> new TreeSet<>()).add(annotation);
            if (method.getDeclaringClass() != beanClass) {
                methods.computeIfAbsent(method.getDeclaringClass().getName(), name -> new TreeMap<>())
                        .computeIfAbsent(method.getName(), name -> new TreeSet<>()).add(annotation);
            }
            Map<String, Set<String>> byAnnotation = classKeys.computeIfAbsent(beanClass.getName(), name -> new TreeMap<>());
            byAnnotation.put(annotation, onClass ? PARAMETERS.get(annotation) : byAnnotation.getOrDefault(annotation,
                    Set.of(ENABLED)));
        }
    }

    /**
     * Why the key made of {@code segments} (2 to 4, the second to last an annotation's name or
     * something like one) sets nothing here, or null if it is valid.
     */
    String problem(String[] segments) {
        int n = segments.length;
        String annotation = segments[n - 2];
        String param = segments[n - 1];
        if (!PARAMETERS.containsKey(annotation)) {
            return annotation + " is not a fault-tolerance annotation";
        }
        if (n == 3) {
            Map<String, Set<String>> onClass = classKeys.get(segments[0]);
            if (onClass == null) {
                return "no guarded bean class is named " + segments[0];
            }
            if (!onClass.containsKey(annotation)) {
                return "@" + annotation + " does not apply to any method of " + segments[0];
            }
            if (PARAMETERS.get(annotation).contains(param) && !onClass.get(annotation).contains(param)) {
                return "@" + annotation + " is not on the class " + segments[0] + " itself, and a class key"
                        + " sets a parameter of a class-level annotation only (a method key does it for one method: "
                        + methodKeyExample(segments[0], annotation, param) + ")";
            }
        }
        if (n == 4) {
            Map<String, Set<String>> ofClass = methods.get(segments[0]);
            if (ofClass == null) {
                return "no guarded bean class is named " + segments[0];
            }
            Set<String> governing = ofClass.get(segments[1]);
            if (governing == null) {
                return segments[0] + " has no guarded method " + segments[1];
            }
            if (!governing.contains(annotation)) {
                return "@" + annotation + " does not apply to " + segments[0] + "#" + segments[1]
                        + " (a key never adds an annotation)";
            }
        }
        return PARAMETERS.get(annotation).contains(param) ? null : "@" + annotation + " has no parameter " + param;
    }

    /** Hands every valid key of {@code n} segments to {@code valid}, in a fixed order. */
    void each(int n, Consumer<String[]> valid) {
        if (n == 2) {
            PARAMETERS.forEach((annotation, params) -> params.forEach(p -> valid.accept(new String[] {annotation, p})));
        } else if (n == 3) {
            classKeys.forEach((type, byAnnotation) -> byAnnotation.forEach((annotation, params) ->
                    params.forEach(p -> valid.accept(new String[] {type, annotation, p}))));
        } else if (n == 4) {
            methods.forEach((type, byMethod) -> byMethod.forEach((method, annotations) -> annotations.forEach(
                    annotation -> PARAMETERS.get(annotation).forEach(p -> valid.accept(
                            new String[] {type, method, annotation, p})))));
        }
    }

    private String methodKeyExample(String type, String annotation, String param) {
        return methods.get(type).entrySet().stream().filter(method -> method.getValue().contains(annotation))
                .findFirst().map(method -> type + "/" + method.getKey() + "/" + annotation + "/" + param).orElseThrow();
    }

    @SafeVarargs
    private static Map<String, Class<? extends Annotation>> types(Class<? extends Annotation>... types) {
        Map<String, Class<? extends Annotation>> bySimpleName = new TreeMap<>();
        for (Class<? extends Annotation> type : types) {
            bySimpleName.put(type.getSimpleName(), type);
        }
        return Collections.unmodifiableMap(bySimpleName);
    }

    private static SortedMap<String, Set<String>> parameters() {
        SortedMap<String, Set<String>> parameters = new TreeMap<>();
        for (Class<? extends Annotation> type : TYPES.values()) {
            List<String> names = new ArrayList<>(List.of(ENABLED));
            if (SHADOWED.contains(type.getSimpleName())) {
                names.add(SHADOW);
            }
            for (Method parameter : type.getDeclaredMethods()) {
                names.add(parameter.getName());
            }
            parameters.put(type.getSimpleName(), Collections.unmodifiableSortedSet(new TreeSet<>(names)));
        }
        return Collections.unmodifiableSortedMap(parameters);
    }
}
