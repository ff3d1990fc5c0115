package dev.fusebox.ft.core.invocation;

import java.util.List;

/**
 * Decides whether a throwable is one a policy acts on: it must be an instance of an included type
 * and of no excluded type (exclusion wins, as the specification's skipOn/abortOn do). Immutable.
 */
public final class ExceptionClassifier {

    private final Class<?>[] included;
    private final Class<?>[] excluded;

    public ExceptionClassifier(List<Class<? extends Throwable>> included,
                               List<Class<? extends Throwable>> excluded) {
        this.included = included.toArray(new Class<?>[0]);
        this.excluded = excluded.toArray(new Class<?>[0]);
    }

    /** Includes every throwable. */
    public static ExceptionClassifier all() {
        return new ExceptionClassifier(List.of(Throwable.class), List.of());
    }

    /** Whether the policy applies to {@code failure}. */
    public boolean test(Throwable failure) {
        return !isAny(excluded, failure) && isAny(included, failure);
    }

    private static boolean isAny(Class<?>[] types, Throwable failure) {
        for (Class<?> type : types) {
            if (type.isInstance(failure)) {
                return true;
            }
        }
        return false;
    }
}
