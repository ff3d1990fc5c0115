package dev.fusebox.ft.cdi.fallback;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.HashMap;
import java.util.Map;

/**
 * The type arguments a class gives to the type variables of its superclasses and interfaces, and a
 * structural comparison of generic types under those arguments ({@code List<Set<T>>} with
 * {@code T = String} equals {@code List<Set<String>>}; {@code ? extends Number} differs from
 * {@code ? extends Integer}). Immutable after construction.
 */
final class TypeResolution {

    private final Map<TypeVariable<?>, Type> arguments = new HashMap<>();

    /** Collects the bindings seen from {@code start} up its whole hierarchy. */
    TypeResolution(Class<?> start) {
        collect(start);
    }

    private void collect(Class<?> type) {
        if (type == null || type == Object.class) {
            return;
        }
        bind(type.getGenericSuperclass());
        for (Type iface : type.getGenericInterfaces()) {
            bind(iface);
        }
        collect(type.getSuperclass());
        for (Class<?> iface : type.getInterfaces()) {
            collect(iface);
        }
    }

    private void bind(Type supertype) {
        if (supertype instanceof ParameterizedType parameterized) {
            TypeVariable<?>[] variables = ((Class<?>) parameterized.getRawType()).getTypeParameters();
            Type[] actual = parameterized.getActualTypeArguments();
            for (int i = 0; i < variables.length; i++) {
                arguments.putIfAbsent(variables[i], resolve(actual[i]));
            }
        }
    }

    /** {@code type} with every bound type variable replaced, one level at a time. */
    Type resolve(Type type) {
        Type current = type;
        int guard = 0;
        while (current instanceof TypeVariable<?> variable && arguments.containsKey(variable) && guard++ < 64) {
            current = arguments.get(variable);
        }
        return current;
    }

    /** Whether {@code a} and {@code b} denote the same type once variables are resolved. */
    boolean same(Type a, Type b) {
        Type left = resolve(a);
        Type right = resolve(b);
        if (left instanceof Class<?> l && l.isArray() && right instanceof GenericArrayType r) {
            return same(l.getComponentType(), r.getGenericComponentType());
        }
        if (right instanceof Class<?> r && r.isArray() && left instanceof GenericArrayType l) {
            return same(l.getGenericComponentType(), r.getComponentType());
        }
        if (left instanceof Class<?> || right instanceof Class<?>) {
            return left.equals(right);
        }
        if (left instanceof ParameterizedType l && right instanceof ParameterizedType r) {
            return l.getRawType().equals(r.getRawType()) && sameAll(l.getActualTypeArguments(), r.getActualTypeArguments());
        }
        if (left instanceof GenericArrayType l && right instanceof GenericArrayType r) {
            return same(l.getGenericComponentType(), r.getGenericComponentType());
        }
        if (left instanceof WildcardType l && right instanceof WildcardType r) {
            return sameAll(l.getUpperBounds(), r.getUpperBounds()) && sameAll(l.getLowerBounds(), r.getLowerBounds());
        }
        if (left instanceof TypeVariable<?> l && right instanceof TypeVariable<?> r) {
            return l.getName().equals(r.getName()) && l.getGenericDeclaration().equals(r.getGenericDeclaration());
        }
        return false;
    }

    private boolean sameAll(Type[] left, Type[] right) {
        if (left.length != right.length) {
            return false;
        }
        for (int i = 0; i < left.length; i++) {
            if (!same(left[i], right[i])) {
                return false;
            }
        }
        return true;
    }

    /** The raw class of {@code type} after resolution; Object when it stays a variable. */
    Class<?> raw(Type type) {
        Type resolved = resolve(type);
        if (resolved instanceof Class<?> c) {
            return c;
        }
        if (resolved instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        if (resolved instanceof GenericArrayType array) {
            return java.lang.reflect.Array.newInstance(raw(array.getGenericComponentType()), 0).getClass();
        }
        return Object.class;
    }
}
