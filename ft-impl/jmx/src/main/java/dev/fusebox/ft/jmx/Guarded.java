package dev.fusebox.ft.jmx;

import dev.fusebox.ft.cdi.interceptor.ManagedMethod;
import dev.fusebox.ft.core.time.Ticker;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One guarded method as management names it: {@code <bean class>#<method key>}, the key being the
 * method's name, with its parameter types when the bean class has several guarded methods of that
 * name. Carries the clock that translates its breaker's ticker. Immutable.
 *
 * @param name      the name operator actions, groups and the MXBeans use
 * @param methodKey the method's part of the name (the {@code method} key of its ObjectNames)
 * @param method    the engines, counters and policy of the method
 * @param clock     the breaker's ticker against the wall clock
 */
record Guarded(String name, String methodKey, ManagedMethod method, TickerClock clock) {

    String beanClass() {
        return method.policy().beanClass().getName();
    }

    boolean hasBreaker() {
        return method.breaker() != null;
    }

    /** Names every method of {@code managed}; sorted by name, so listings are stable from run to run. */
    static List<Guarded> name(List<ManagedMethod> managed) {
        Map<String, Long> sameName = managed.stream().collect(Collectors.groupingBy(
                m -> m.policy().beanClass().getName() + "#" + m.policy().method().getName(), Collectors.counting()));
        List<Guarded> named = new ArrayList<>(managed.size());
        Map<Ticker, TickerClock> clocks = new HashMap<>();
        for (ManagedMethod method : managed) {
            Method reflected = method.policy().method();
            String plain = method.policy().beanClass().getName() + "#" + reflected.getName();
            String key = sameName.get(plain) > 1 ? reflected.getName() + "(" + Stream.of(reflected.getParameterTypes())
                    .map(Class::getTypeName).collect(Collectors.joining(",")) + ")" : reflected.getName();
            Ticker ticker = method.breaker() != null ? method.breaker().ticker() : Ticker.system();
            TickerClock clock = clocks.computeIfAbsent(ticker, TickerClock::new);
            named.add(new Guarded(method.policy().beanClass().getName() + "#" + key, key, method, clock));
        }
        named.sort(java.util.Comparator.comparing(Guarded::name));
        return List.copyOf(named);
    }
}
