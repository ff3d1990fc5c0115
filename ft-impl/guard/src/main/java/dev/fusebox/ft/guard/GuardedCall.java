package dev.fusebox.ft.guard;

import dev.fusebox.ft.core.invocation.Invocation;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One call through a guard: its action (a {@link Callable}, or a {@link Supplier} of a stage) and the
 * call site's fallback, if any. The one object a synchronous guarded call allocates. Immutable.
 */
final class GuardedCall implements Invocation {

    private final Object action;
    private final Function<Throwable, ?> fallback;

    GuardedCall(Object action, Function<Throwable, ?> fallback) {
        this.action = action;
        this.fallback = fallback;
    }

    @Override
    public Object proceed() throws Exception {
        return action instanceof Callable<?> callable ? callable.call() : ((Supplier<?>) action).get();
    }

    Object fallBack(Throwable failure) {
        return fallback.apply(failure);
    }
}
