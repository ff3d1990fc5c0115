package dev.fusebox.samples.quickstart;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for remote services (inventory, payments, ...) whose faults are scripted per service,
 * call by call, so every run of the demo shows the same story. A call with no scripted fault left
 * answers at once.
 */
@ApplicationScoped
public class FlakyDependency {

    /** What one call of a service does. */
    public enum Fault {
        /** Answers at once. */
        OK,
        /** Fails at once with a ConnectException. */
        REFUSE,
        /** Answers after 300 ms. */
        SLOW,
        /** Does not answer for 10 s (until interrupted). */
        HANG
    }

    private final Map<String, ConcurrentLinkedDeque<Fault>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    @Inject
    Journal journal;

    /** Queues the behaviour of the next calls of {@code service}. */
    public void script(String service, Fault... faults) {
        ConcurrentLinkedDeque<Fault> script = scripts.computeIfAbsent(service, s -> new ConcurrentLinkedDeque<>());
        script.clear();
        script.addAll(java.util.List.of(faults));
    }

    /** One remote call to {@code service}; {@code policy} labels the journal line. */
    public String call(String service, String policy) throws ConnectException, InterruptedException {
        int number = calls.computeIfAbsent(service, s -> new AtomicInteger()).incrementAndGet();
        ConcurrentLinkedDeque<Fault> script = scripts.get(service);
        Fault fault = script == null ? null : script.poll();
        switch (fault == null ? Fault.OK : fault) {
            case REFUSE:
                journal.say(policy, service + " call " + number + " -> ConnectException: connection refused");
                throw new ConnectException(service + " refused the connection");
            case SLOW:
                Thread.sleep(300);
                break;
            case HANG:
                journal.say(policy, service + " call " + number + " hangs ...");
                Thread.sleep(10_000);
                break;
            default:
        }
        return service + " answer #" + number;
    }

    /** Calls made to {@code service} so far. */
    public int calls(String service) {
        AtomicInteger count = calls.get(service);
        return count == null ? 0 : count.get();
    }
}
