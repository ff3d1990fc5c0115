package dev.fusebox.ft.cdi.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where one fault-tolerance annotation applies to one guarded method, and the MicroProfile Config
 * keys that can override its parameters, most specific first:
 * {@code <class>/<method>/<Annotation>/<param>}, then (for an annotation found on the class)
 * {@code <class>/<Annotation>/<param>}, then {@code <Annotation>/<param>}. An override comes with
 * the key and config source that set it ({@link ConfiguredValue}), for error messages. Which keys
 * set something at all is {@link ValidKeys}' business (it must agree with the lookup here).
 * Immutable.
 */
final class AnnotationSite<A extends Annotation> {

    final A annotation;
    final Class<A> type;
    final Class<?> beanClass;
    final Method method;
    private final Config config;
    private final List<String> prefixes;

    private AnnotationSite(A annotation, Class<A> type, Class<?> beanClass, Method method, boolean onMethod, Config config) {
        this.annotation = annotation;
        this.type = type;
        this.beanClass = beanClass;
        this.method = method;
        this.config = config;
        String simple = type.getSimpleName();
        List<String> keys = new ArrayList<>(4);
        keys.add(beanClass.getName() + "/" + method.getName() + "/" + simple);
        if (method.getDeclaringClass() != beanClass) {
            keys.add(method.getDeclaringClass().getName() + "/" + method.getName() + "/" + simple);
        }
        if (!onMethod) {
            keys.add(beanClass.getName() + "/" + simple);
        }
        keys.add(simple);
        this.prefixes = List.copyOf(keys);
    }

    /**
     * The annotation that governs {@code method} of {@code beanClass}: on the method itself, else on
     * the bean class (or, through {@code @Inherited}, its nearest annotated superclass); null if none.
     */
    static <A extends Annotation> AnnotationSite<A> find(Class<A> type, Class<?> beanClass, Method method, Config config) {
        A onMethod = method.getAnnotation(type);
        if (onMethod != null) {
            return new AnnotationSite<>(onMethod, type, beanClass, method, true, config);
        }
        A onClass = beanClass.getAnnotation(type);
        if (onClass != null) {
            return new AnnotationSite<>(onClass, type, beanClass, method, false, config);
        }
        return null;
    }

    /** The configured override of {@code param} and the key that set it, most specific key first. */
    Optional<ConfiguredValue> override(String param) {
        for (String prefix : prefixes) {
            Optional<ConfiguredValue> value = ConfiguredValue.of(config, prefix + "/" + param);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the annotation is switched on: {@code <class>/<method>/<Ann>/enabled},
     * {@code <class>/<Ann>/enabled}, {@code <Ann>/enabled}, then (except for Fallback)
     * {@code MP_Fault_Tolerance_NonFallback_Enabled}; on when none is set.
     */
    boolean enabled() {
        String simple = type.getSimpleName();
        List<String> keys = List.of(
                beanClass.getName() + "/" + method.getName() + "/" + simple + "/enabled",
                method.getDeclaringClass().getName() + "/" + method.getName() + "/" + simple + "/enabled",
                beanClass.getName() + "/" + simple + "/enabled",
                simple + "/enabled");
        for (String key : keys) {
            Optional<Boolean> value = config.getOptionalValue(key, Boolean.class);
            if (value.isPresent()) {
                return value.get();
            }
        }
        if (!"Fallback".equals(simple)) {
            return config.getOptionalValue("MP_Fault_Tolerance_NonFallback_Enabled", Boolean.class).orElse(true);
        }
        return true;
    }

    /** Names the place for error messages: {@code @Retry on com.example.Bean#call(int)}. */
    String describe() {
        StringBuilder text = new StringBuilder("@").append(type.getSimpleName()).append(" on ")
                .append(beanClass.getName()).append('#').append(method.getName()).append('(');
        Class<?>[] params = method.getParameterTypes();
        for (int i = 0; i < params.length; i++) {
            text.append(i == 0 ? "" : ", ").append(params[i].getSimpleName());
        }
        return text.append(')').toString();
    }
}
