package dev.fusebox.ft.cdi.fallback;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.faulttolerance.FallbackHandler;

/**
 * Finds and checks fallbacks by the specification's rules. A fallback method is looked up from
 * the class that declares the guarded method, through its superclasses and interfaces; it has the
 * guarded method's name-given parameters (generic types compared after resolving type variables),
 * a return type the guarded method can return, and is visible from the guarded method's class:
 * a private one must sit in that very class, a package-private one in its package.
 * Thread-safety: stateless (static methods over reflection, which is thread-safe).
 */
public final class FallbackMethods {

    private FallbackMethods() {
    }

    /** The fallback method named {@code name} for {@code guarded}, if a valid one exists. */
    public static Optional<Method> find(Method guarded, String name) {
        Class<?> origin = guarded.getDeclaringClass();
        TypeResolution types = new TypeResolution(origin);
        Deque<Class<?>> pending = new ArrayDeque<>();
        Set<Class<?>> seen = new HashSet<>();
        pending.add(origin);
        while (!pending.isEmpty()) {
            Class<?> type = pending.poll();
            if (type == null || !seen.add(type)) {
                continue;
            }
            for (Method candidate : type.getDeclaredMethods()) {
                if (candidate.getName().equals(name) && !candidate.isBridge() && matches(guarded, candidate, types)) {
                    return Optional.of(candidate);
                }
            }
            if (type.getSuperclass() != null) {
                pending.add(type.getSuperclass());
            }
            pending.addAll(java.util.List.of(type.getInterfaces()));
        }
        return Optional.empty();
    }

    /** What a fallback method for {@code guarded} must look like, for error messages. */
    public static String requirement(Method guarded) {
        StringBuilder text = new StringBuilder("is declared in ").append(guarded.getDeclaringClass().getName())
                .append(" or a supertype visible from it, takes (");
        Type[] params = guarded.getGenericParameterTypes();
        for (int i = 0; i < params.length; i++) {
            text.append(i == 0 ? "" : ", ").append(params[i].getTypeName());
        }
        return text.append(") and returns ").append(guarded.getGenericReturnType().getTypeName()).toString();
    }

    /**
     * Checks that {@code handler} implements {@code FallbackHandler<T>} with a {@code T} that
     * {@code guarded} can return; a problem description when it does not.
     */
    public static Optional<String> checkHandler(Class<?> handler, Method guarded) {
        if (!FallbackHandler.class.isAssignableFrom(handler)) {
            return Optional.of("does not implement " + FallbackHandler.class.getName());
        }
        TypeResolution types = new TypeResolution(handler);
        Type handled = types.resolve(FallbackHandler.class.getTypeParameters()[0]);
        Class<?> handledClass = types.raw(handled);
        Class<?> returns = box(guarded.getReturnType());
        if (handledClass == Object.class && !(handled instanceof Class<?>)) {
            return Optional.empty();
        }
        if (!returns.isAssignableFrom(box(handledClass))) {
            return Optional.of("handles " + handled.getTypeName() + ", which is not the return type "
                    + guarded.getGenericReturnType().getTypeName() + " of the guarded method");
        }
        return Optional.empty();
    }

    private static boolean matches(Method guarded, Method candidate, TypeResolution types) {
        Type[] wanted = guarded.getGenericParameterTypes();
        Type[] offered = candidate.getGenericParameterTypes();
        if (wanted.length != offered.length) {
            return false;
        }
        for (int i = 0; i < wanted.length; i++) {
            if (!types.same(wanted[i], offered[i])) {
                return false;
            }
        }
        if (!box(guarded.getReturnType()).isAssignableFrom(box(types.raw(candidate.getGenericReturnType())))) {
            return false;
        }
        return visible(guarded.getDeclaringClass(), candidate);
    }

    private static boolean visible(Class<?> from, Method candidate) {
        int modifiers = candidate.getModifiers();
        if (Modifier.isPrivate(modifiers)) {
            return candidate.getDeclaringClass() == from;
        }
        if (!Modifier.isPublic(modifiers) && !Modifier.isProtected(modifiers)) {
            return candidate.getDeclaringClass().getPackageName().equals(from.getPackageName());
        }
        return true;
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }
}
