package dev.fusebox.ft.cdi.async;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual threads for asynchronous methods ({@code fusebox.async.virtual-threads=true}), on JDK 21
 * and later, reached through reflection because Fusebox is built for Java 17: an executor that
 * starts one new virtual thread per task ({@code Executors.newThreadPerTaskExecutor} with the
 * factory of {@code Thread.ofVirtual().name(prefix, 1)}). It queues nothing and bounds nothing:
 * a task that the executor accepts runs at once on its own thread; {@code shutdownNow()} interrupts
 * the running ones and returns an empty list; after shutdown, {@code execute} rejects. Stateless.
 */
public final class VirtualThreads {

    /** The feature release of the JDK that made virtual threads final (JEP 444). */
    static final int FIRST_JDK = 21;

    private VirtualThreads() {
    }

    /** Whether this JVM has virtual threads. */
    public static boolean available() {
        return Runtime.version().feature() >= FIRST_JDK;
    }

    /**
     * Why the setting {@code key} cannot be true on this JVM; the message names the JDK it runs on
     * and where that JDK lives.
     */
    public static String unavailable(String key) {
        return key + "=true asks for virtual threads, which need JDK " + FIRST_JDK + " or later; this JVM is Java "
                + Runtime.version() + " (" + System.getProperty("java.home") + "). Run the application on JDK "
                + FIRST_JDK + "+ or remove the setting (asynchronous methods then run on the platform pool).";
    }

    /**
     * A new executor that runs each task on a new virtual thread named {@code prefix} + 1, 2, ...
     *
     * @throws IllegalStateException on a JVM without virtual threads (see {@link #available()})
     */
    static ExecutorService perTask(String prefix) {
        if (!available()) {
            throw new IllegalStateException("virtual threads need JDK " + FIRST_JDK + " or later; this JVM is Java "
                    + Runtime.version());
        }
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
            builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, prefix, 1L);
            ThreadFactory threads = (ThreadFactory) ofVirtual.getMethod("factory").invoke(builder);
            Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
            return (ExecutorService) perTask.invoke(null, threads);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot start the virtual-thread executor on Java " + Runtime.version(),
                    e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JDK (Java " + Runtime.version() + ") lacks the virtual-thread API of JDK "
                    + FIRST_JDK, e);
        }
    }
}
