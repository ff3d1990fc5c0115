package dev.fusebox.samples.chaos.compare;

import dev.fusebox.samples.chaos.compare.RampLoad.Second;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The comparison run of issue 17 (docs/adaptive.md, "The comparison"): the web shop in its own JVM
 * pinned to one CPU, this load generator on the other, three front doors in turn (static
 * {@code @Bulkhead}, {@code @AdaptiveBulkhead}, Netflix's concurrency-limits) under one scenario:
 * unloaded at 20 ms; then the recommendations service's latency rises 20 → 500 ms while the load
 * grows from 20 to 150 requests a second, far past its capacity (16 threads: 32 a second at
 * 500 ms); then 20 s overloaded at 500 ms; then unloaded at 500 ms. Then hedging on and off with a
 * heavy-tailed dependency. Writes the report, its charts and a CSV into {@code --out}.
 *
 * <pre>
 * --out DIR          where the report goes (default docs/experiments/comparison)
 * --shop-cpu N       the CPU the shop is pinned to (default 0; -1: not pinned)
 * --variants a,b     front doors to run (default static,adaptive,netflix)
 * </pre>
 */
public final class AdmissionComparison {

    static final String CLIENT = "dev.fusebox.samples.web.RecommendationsClient/alsoBought/";
    static final int[] STEPS = {10, 18, 26, 34, 42};
    static final int[] LATENCIES = {20, 50, 100, 250, 500};
    static final int SECONDS = 85;
    static final int PEAK = 150;

    private AdmissionComparison() {
    }

    /** The requests per second in second {@code s} of the admission scenario. */
    static double rate(int s) {
        if (s < 10) {
            return 10;
        }
        if (s < 50) {
            return 20 + (PEAK - 20) * (s - 10) / 39.0;
        }
        if (s < 70) {
            return PEAK;
        }
        return s < 75 ? 0 : 5;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> flags = flags(args);
        Path out = Path.of(flags.getOrDefault("--out", "docs/experiments/comparison"));
        int cpu = Integer.parseInt(flags.getOrDefault("--shop-cpu", "0"));
        List<String> variants = List.of(flags.getOrDefault("--variants", "static,adaptive,netflix").split(","));
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("fusebox-compare");
        Map<String, List<Second>> runs = new LinkedHashMap<>();
        for (String variant : variants) {
            System.out.println("front door " + variant + ": " + SECONDS + " s");
            runs.put(variant, admission(variant, cpu, home.resolve(variant)));
        }
        List<HedgeRun> hedging = new ArrayList<>();
        for (boolean on : new boolean[] {false, true}) {
            System.out.println("hedging " + (on ? "on" : "off") + ": 35 s");
            hedging.add(hedging(on, cpu, home.resolve("hedge-" + on)));
        }
        ComparisonReport.write(out, runs, hedging, cpu);
        System.out.println("report " + out.resolve("README.md"));
    }

    private static List<Second> admission(String variant, int cpu, Path home) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("shop.admission", variant);
        properties.put(CLIENT + "Timeout/enabled", "false");
        properties.put(CLIENT + "CircuitBreaker/enabled", "false");
        properties.put(CLIENT + "Hedge/enabled", "false");
        properties.put("recommendations/mp-rest/readTimeout", "60000");
        try (ShopProcess shop = ShopProcess.start(properties, cpu, home); RampLoad load = new RampLoad()) {
            shop.command("recommendations latency 20", "recommendations");
            warmUp(load, shop);
            Runnable[] atSecond = new Runnable[SECONDS];
            for (int i = 0; i < STEPS.length; i++) {
                String command = "recommendations latency " + LATENCIES[i];
                atSecond[STEPS[i]] = () -> send(shop, command);
            }
            return load.run(shop.url().resolve("browse/kettle"), "live", SECONDS, AdmissionComparison::rate, atSecond);
        }
    }

    /** Ten seconds at 20 ms and 20 requests a second, not recorded: JIT, connections, the limits' first windows. */
    private static void warmUp(RampLoad load, ShopProcess shop) throws InterruptedException {
        load.run(shop.url().resolve("browse/kettle"), "live", 10, s -> 20, null);
    }

    private static void send(ShopProcess shop, String command) {
        try {
            shop.command(command, "recommendations");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One hedging run: its seconds, and the dependency's calls per request. */
    record HedgeRun(boolean hedged, List<Second> seconds, double callsPerRequest) {
    }

    private static HedgeRun hedging(boolean on, int cpu, Path home) throws Exception {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(CLIENT + "Hedge/enabled", Boolean.toString(on));
        try (ShopProcess shop = ShopProcess.start(properties, cpu, home); RampLoad load = new RampLoad()) {
            shop.command("recommendations latency 20", "recommendations");
            shop.command("recommendations slow 3% 300", "recommendations");
            IntToDoubleFunction rate = s -> 40;
            load.run(shop.url().resolve("browse/kettle"), "live", 5, rate, null);
            long before = shop.calls("recommendations");
            List<Second> seconds = load.run(shop.url().resolve("browse/kettle"), "live", 30, rate, null);
            long calls = shop.calls("recommendations") - before;
            long requests = seconds.stream().mapToLong(s -> s.sent).sum();
            return new HedgeRun(on, seconds, (double) calls / requests);
        }
    }

    private static Map<String, String> flags(String[] args) {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!List.of("--out", "--shop-cpu", "--variants").contains(args[i])) {
                throw new IllegalArgumentException("unknown flag " + args[i] + "; the flags are --out, --shop-cpu, --variants");
            }
            flags.put(args[i], args[i + 1]);
        }
        return flags;
    }
}
