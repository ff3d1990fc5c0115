package dev.fusebox.ft.core.circuitbreaker;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Hands one breaker's transitions to its history and its listeners in phase order, each exactly
 * once, one transition at a time.
 *
 * <p>Implementation notes. The thread whose CAS made transition number {@code seq} (the new
 * phase's {@link Phase#seq}) publishes it here; phase numbers have no gaps, since every successful
 * transition CAS publishes its own. Publishing puts it in {@code pending} and then drains: the
 * thread that wins {@code draining} delivers {@code pending}'s transitions in number order,
 * starting from the one after the last delivered, until the next one is missing; a thread that
 * finds {@code draining} taken returns at once and leaves its transition to the drainer. So a
 * listener runs on the thread that made the transition or on another that made one of the
 * breaker's transitions and is delivering, never under a lock a caller waits for, never two at a
 * time, and a transition made by a listener is delivered after the one that listener is hearing.
 * A transition is never stranded: a drainer reads {@code pending} again after giving
 * {@code draining} up, and a publisher writes {@code pending} before trying to take it (both
 * volatile, so at least one of the two sees the other's write). A transition whose predecessor
 * won its CAS but is not published yet waits in {@code pending} until the predecessor's thread
 * publishes it and drains both. {@code delivered} is read and written only by the thread holding
 * {@code draining}, whose CAS and release order those accesses. A drainer goes on while the next
 * transition is there, so in a burst one caller may deliver several before its call returns; each
 * transition needs a change of state, so a burst is short. A listener's RuntimeException is logged
 * with its name and the delivery goes on; an Error propagates to the delivering thread, and the
 * transitions behind it are delivered with the breaker's next one.
 * Thread-safe.
 */
final class TransitionDelivery {

    private static final System.Logger LOG = System.getLogger(CircuitBreaker.class.getName());

    private final int historySize;
    private final List<CircuitBreakerListener> listeners = new CopyOnWriteArrayList<>();
    /** Guarded by itself. */
    private final ArrayDeque<Transition> history;
    private final Map<Long, Transition> pending = new ConcurrentHashMap<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private long delivered;

    TransitionDelivery(int historySize) {
        this.historySize = historySize;
        this.history = new ArrayDeque<>(historySize);
    }

    void listen(CircuitBreakerListener listener) {
        listeners.add(listener);
    }

    void stopListening(CircuitBreakerListener listener) {
        listeners.remove(listener);
    }

    /** The delivered transitions, at most the history size, oldest first. */
    List<Transition> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /** Publishes the transition that made phase number {@code seq} of {@code breaker}, and delivers what is due. */
    void publish(CircuitBreaker breaker, long seq, Transition transition) {
        pending.put(seq, transition);
        while (draining.compareAndSet(false, true)) {
            long upTo;
            try {
                Transition next;
                while ((next = pending.remove(delivered + 1)) != null) {
                    delivered++;
                    deliver(breaker, next);
                }
                upTo = delivered;
            } finally {
                draining.set(false);
            }
            if (!pending.containsKey(upTo + 1)) {
                return;
            }
        }
    }

    private void deliver(CircuitBreaker breaker, Transition transition) {
        synchronized (history) {
            if (history.size() == historySize) {
                history.removeFirst();
            }
            history.addLast(transition);
        }
        for (CircuitBreakerListener listener : listeners) {
            try {
                listener.onTransition(breaker, transition);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "circuit breaker listener " + listener + " failed on "
                        + breaker.name() + " " + transition.from() + " -> " + transition.to(), e);
            }
        }
    }
}
