package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.management.MethodEngines;
import dev.fusebox.ft.core.time.Ticker;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One guarded method as management names it: its one name ({@link MethodEngines#name()},
 * {@code <bean class>#<method key>}, the key being the method's name, with its parameter types when
 * the bean class has several guarded methods of that name), the same name its engines, exceptions
 * and log lines use. Carries the clock that translates its breaker's ticker. Immutable.
 *
 * @param name      the name operator actions, groups and the MXBeans use
 * @param methodKey the method's part of the name (the {@code method} key of its ObjectNames)
 * @param method    the engines, counters and policy of the method
 * @param clock     the breaker's ticker against the wall clock
 */
record Guarded(String name, String methodKey, MethodEngines method, TickerClock clock) {

    String beanClass() {
        return method.policy().beanClass().getName();
    }

    boolean hasBreaker() {
        return method.breaker() != null;
    }

    /** Names every method of {@code managed}; sorted by name, so listings are stable from run to run. */
    static List<Guarded> name(List<MethodEngines> managed) {
        List<Guarded> named = new ArrayList<>(managed.size());
        Map<Ticker, TickerClock> clocks = new HashMap<>();
        for (MethodEngines method : managed) {
            // the breaker's ticker is the container's (a test's virtual time); without one, the system's
            Ticker ticker = method.breaker() != null ? method.breaker().ticker() : Ticker.system();
            TickerClock clock = clocks.computeIfAbsent(ticker, TickerClock::new);
            named.add(new Guarded(method.name(), method.policy().methodKey(), method, clock));
        }
        named.sort(Comparator.comparing(Guarded::name));
        return List.copyOf(named);
    }
}
