package dev.fusebox.samples.quickstart;

import static dev.fusebox.samples.quickstart.FlakyDependency.Fault.HANG;
import static dev.fusebox.samples.quickstart.FlakyDependency.Fault.OK;
import static dev.fusebox.samples.quickstart.FlakyDependency.Fault.REFUSE;
import static dev.fusebox.samples.quickstart.FlakyDependency.Fault.SLOW;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The quickstart: starts a Weld SE container with Fusebox, calls scripted flaky dependencies
 * through every fault-tolerance annotation, prints what each policy did, and exits.
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

    public static void main(String[] args) throws Exception {
        run(System.out);
    }

    /** Runs the whole demo, printing to {@code out}; returns the journal's lines. */
    public static List<String> run(PrintStream out) throws Exception {
        try (WeldContainer container = new Weld("fusebox-quickstart").initialize()) {
            FlakyDependencyDemo demo = new FlakyDependencyDemo(container);
            demo.journal.printTo(out);
            demo.retry();
            demo.circuitBreaker();
            demo.bulkhead();
            demo.asyncBulkhead();
            demo.timeout();
            demo.fallbacks();
            demo.asynchronous();
            demo.combined();
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
            journal.say(policy, "-> " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void outcome(String policy, Future<String> result) throws InterruptedException {
        try {
            journal.say(policy, "-> " + result.get(5, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
            journal.say(policy, "-> " + e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
        } catch (java.util.concurrent.TimeoutException e) {
            journal.say(policy, "-> no answer within 5 s");
        }
    }
}
