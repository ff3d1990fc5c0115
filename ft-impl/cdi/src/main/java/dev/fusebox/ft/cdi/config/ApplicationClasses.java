package dev.fusebox.ft.cdi.config;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Optional;

/**
 * Makes, at deployment, the application's objects that Fusebox's annotations name by class
 * (retry predicates, before-retry handlers, backoff strategies), and finds a before-retry hook
 * method. Each failure is a definition error naming the parameter and the class, with the reason.
 * Stateless; thread-safe.
 */
final class ApplicationClasses {

    private ApplicationClasses() {
    }

    /** Checks that {@code type} can be made: a public, concrete class with a public no-argument constructor. */
    static void check(Class<?> type, Parameters p, String param) {
        constructor(type, p, param);
    }

    /** A new instance of {@code type}, made by its public no-argument constructor. */
    static Object make(Class<?> type, Parameters p, String param) {
        Constructor<?> constructor = constructor(type, p, param);
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            throw p.invalid(param, type.getName(), "failed in its constructor: " + e.getCause());
        } catch (ReflectiveOperationException e) {
            throw p.invalid(param, type.getName(), "cannot be made: " + e);
        }
    }

    /**
     * The method of {@code beanClass} (or a superclass) called {@code name}, with no parameters or
     * one {@code Throwable}, not static; made accessible when it is not public.
     */
    static Optional<Method> hookMethod(Class<?> beanClass, String name) {
        for (Class<?> type = beanClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method candidate : type.getDeclaredMethods()) {
                Class<?>[] params = candidate.getParameterTypes();
                if (candidate.getName().equals(name) && !Modifier.isStatic(candidate.getModifiers())
                        && (params.length == 0 || params.length == 1 && params[0] == Throwable.class)) {
                    if (!Modifier.isPublic(candidate.getModifiers())
                            || !Modifier.isPublic(candidate.getDeclaringClass().getModifiers())) {
                        candidate.setAccessible(true);
                    }
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static Constructor<?> constructor(Class<?> type, Parameters p, String param) {
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || !Modifier.isPublic(type.getModifiers())) {
            throw p.invalid(param, type.getName(), "must be a public, concrete class");
        }
        try {
            return type.getConstructor();
        } catch (NoSuchMethodException e) {
            throw p.invalid(param, type.getName(), "has no public constructor without parameters");
        }
    }
}
