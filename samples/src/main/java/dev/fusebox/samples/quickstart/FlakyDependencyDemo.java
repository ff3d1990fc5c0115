package dev.fusebox.samples.quickstart;

import static dev.fusebox.samples.quickstart.FlakyDependency.Fault.HANG;
import static dev.fusebox.samples.quickstart.FlakyDependency.Fault.OK;
import static dev.fusebox.samples.quickstart.FlakyDependency.Fault.REFUSE;
import static dev.fusebox.samples.quickstart.FlakyDependency.Fault.SLOW;

import jakarta.inject.Singleton;
import java.io.PrintStream;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.weld.environment.se.ContainerLifecycleObserver;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The quickstart: starts a Weld SE container with Fusebox, calls scripted flaky dependencies
 * through every fault-tolerance annotation, prints what each policy did, and exits. Fusebox's
 * metrics are served on a Prometheus scrape page (see {@link Telemetry}) while the demo runs.
 */
public final class FlakyDependencyDemo {

    /** Name prefix of the threads the demo starts to call the bulkhead concurrently. */
    static final String CALLER_THREAD_PREFIX = "quickstart-caller-";

    private final ShopClient shop;
    private final FlakyDependency remote;
    private final Journal journal;

    private FlakyDependencyDemo(WeldContainer container) {
        this.shop = container.select(ShopClient.class).get();
        this.remote = container.select(FlakyDependency.class).get();
        this.journal = container.select(Journal.class).get();
    }

    /** Reads {@link Options} from MicroProfile Config (system properties included) and runs the demo. */
    public static void main(String[] args) throws Exception {
        run(System.out, Options.from(ConfigProvider.getConfig()));
    }

    /** Runs the whole demo with its scrape page on a free port, printing to {@code out}; returns the journal's lines. */
    public static List<String> run(PrintStream out) throws Exception {
        return run(out, new Options(0, WhileUp.NOTHING));
    }

    /** Runs the whole demo, printing to {@code out}; returns the journal's lines. */
    public static List<String> run(PrintStream out, Options options) throws Exception {
        Weld weld = new Weld("fusebox-quickstart").addContainerLifecycleObserver(ContainerLifecycleObserver
                .afterBeanDiscovery(event -> event.addBean().types(Options.class).scope(Singleton.class)
                        .createWith(context -> options)));
        try (WeldContainer container = weld.initialize()) {
            FlakyDependencyDemo demo = new FlakyDependencyDemo(container);
            demo.journal.printTo(out);
            Optional<URI> scrapePage = container.select(Telemetry.class).get().scrapePage();
            demo.journal.say("metrics", scrapePage.map(page -> "scrape page: " + page)
                    .orElse("no scrape page: metrics are disabled"));
            demo.retry();
            demo.circuitBreaker();
            demo.bulkhead();
            demo.asyncBulkhead();
            demo.timeout();
            demo.fallbacks();
            demo.asynchronous();
            demo.combined();
            if (scrapePage.isPresent()) {
                options.whileUp().run(scrapePage.get(), demo.journal);
            }
            demo.journal.say("done", "all policies shown; shutting down");
            return demo.journal.lines();
        }
    }

    private void retry() throws Exception {
        remote.script("inventory", REFUSE, REFUSE, OK);
        String answer = shop.stockLevel();
        journal.say("retry", "succeeded after " + remote.calls("inventory") + " attempts: " + answer);
    }

    private void circuitBreaker() throws Exception {
        remote.script("payments", REFUSE, REFUSE, REFUSE, REFUSE);
        for (int i = 0; i < 5; i++) {
            attempt("breaker", shop::charge);
        }
        journal.say("breaker", "circuit OPEN after 4 failures: payments saw " + remote.calls("payments")
                + " calls, the open circuit kept the 5th away from the dying service");
        TimeUnit.MILLISECONDS.sleep(450);
        journal.say("breaker", "delay over: trial calls go through (half-open)");
        attempt("breaker", shop::charge);
        attempt("breaker", shop::charge);
        journal.say("breaker", "two trial calls succeeded: circuit CLOSED again");
        attempt("breaker", shop::charge);
    }

    private void bulkhead() throws Exception {
        remote.script("recommendations", SLOW, SLOW, SLOW, SLOW);
        ExecutorService callers = Executors.newFixedThreadPool(4, callerThreads());
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(callers.submit(() -> shop.recommendations()));
                TimeUnit.MILLISECONDS.sleep(20);
            }
            for (Future<String> result : results) {
                outcome("bulkhead", result);
            }
        } finally {
            callers.shutdown();
            callers.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void asyncBulkhead() throws Exception {
        remote.script("reports", SLOW, SLOW, SLOW);
        List<CompletionStage<String>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(shop.exportReport());
        }
        journal.say("bulkhead", "3 async exports: 1 runs, 1 waits in the queue, 1 has no place");
        for (CompletionStage<String> result : results) {
            outcome("bulkhead", result.toCompletableFuture());
        }
    }

    private void timeout() {
        remote.script("addresses", HANG);
        long start = System.nanoTime();
        attempt("timeout", shop::shippingAddress);
        journal.say("timeout", "gave up after " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)
                + " ms instead of waiting 10 s; the hung call was interrupted");
    }

    private void fallbacks() {
        remote.script("pricing", REFUSE);
        attempt("fallback", shop::price);
        remote.script("shipping", REFUSE);
        attempt("fallback", shop::shippingQuote);
    }

    private void asynchronous() throws Exception {
        CompletionStage<String> points = shop.loyaltyPoints();
        journal.say("async", "loyaltyPoints() returned a CompletionStage at once");
        journal.say("async", "-> " + points.toCompletableFuture().get(5, TimeUnit.SECONDS));
        Future<String> audit = shop.auditTrail();
        journal.say("async", "auditTrail() returned a Future at once");
        journal.say("async", "-> " + audit.get(5, TimeUnit.SECONDS));
    }

    private void combined() {
        remote.script("orders", HANG, REFUSE, HANG);
        attempt("combined", shop::checkout);
        journal.say("combined", "orders saw " + remote.calls("orders")
                + " attempts: timeout, refusal, timeout, then the fallback");
    }

    /** The demo's own concurrent callers: named, so a test can check that none outlives the demo. */
    private static ThreadFactory callerThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> new Thread(task, CALLER_THREAD_PREFIX + count.incrementAndGet());
    }

    private void attempt(String policy, Callable<String> call) {
        try {
            journal.say(policy, "-> " + call.call());
        } catch (Exception e) {
            journal.say(policy, "-> " + publicType(e) + ": " + e.getMessage());
        }
    }

    private void outcome(String policy, Future<String> result) throws InterruptedException {
        try {
            journal.say(policy, "-> " + result.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            journal.say(policy, "-> " + publicType(e.getCause()) + ": " + e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            journal.say(policy, "-> no answer within 5 s");
        }
    }

    /**
     * The name of the exception type the application programs against: Fusebox throws private
     * subclasses of the MicroProfile exceptions (they skip the stack trace), so the nearest public
     * class is the one worth printing.
     */
    private static String publicType(Throwable failure) {
        Class<?> type = failure.getClass();
        while (!Modifier.isPublic(type.getModifiers())) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    /**
     * How one run goes.
     *
     * @param metricsPort port of the Prometheus scrape page on 127.0.0.1; 0 picks a free one
     * @param whileUp what happens after the last policy was shown, while the scrape page is still up
     */
    public record Options(int metricsPort, WhileUp whileUp) {

        /** MicroProfile Config key of the scrape page's port. */
        public static final String PORT_KEY = "fusebox.sample.metrics-port";
        /** MicroProfile Config key of how long the demo stays up for scraping after its last policy. */
        public static final String LINGER_KEY = "fusebox.sample.linger-seconds";

        public Options {
            if (metricsPort < 0 || metricsPort > 65_535) {
                throw new IllegalArgumentException(PORT_KEY + " must be a port number, or 0 for a free port: " + metricsPort);
            }
            Objects.requireNonNull(whileUp, "whileUp");
        }

        /**
         * {@value #PORT_KEY} (default 9464, the OpenTelemetry Prometheus exporter's usual port) and
         * {@value #LINGER_KEY} (default 0: exit at once); an invalid value is an IllegalArgumentException naming its key.
         */
        public static Options from(Config config) {
            int port = config.getOptionalValue(PORT_KEY, Integer.class).orElse(9464);
            long linger = config.getOptionalValue(LINGER_KEY, Long.class).orElse(0L);
            if (linger < 0) {
                throw new IllegalArgumentException(LINGER_KEY + " must not be negative: " + linger);
            }
            return new Options(port, linger == 0 ? WhileUp.NOTHING : WhileUp.linger(Duration.ofSeconds(linger)));
        }
    }

    /** Runs once the demo has shown every policy, before the container (and the scrape page) closes. */
    @FunctionalInterface
    public interface WhileUp {

        /** Goes straight on to shutdown. */
        WhileUp NOTHING = (scrapePage, journal) -> {
        };

        /** Called on the demo's thread with the scrape page's address; the container closes when it returns. */
        void run(URI scrapePage, Journal journal) throws Exception;

        /** Keeps the scrape page up for {@code time}, so Prometheus or a person can read it. */
        static WhileUp linger(Duration time) {
            return (scrapePage, journal) -> {
                journal.say("metrics", "staying up " + time.toSeconds() + " s for scraping " + scrapePage
                        + " (Ctrl-C stops earlier)");
                Thread.sleep(time.toMillis());
            };
        }
    }
}
