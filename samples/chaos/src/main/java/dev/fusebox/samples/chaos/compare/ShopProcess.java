package dev.fusebox.samples.chaos.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The web shop in a JVM of its own, pinned to one CPU with {@code taskset} when asked, driven
 * through its stdin commands ({@code recommendations latency 500}, {@code status}) and stopped with
 * {@code quit}. Its output is read by one daemon thread into a bounded queue. Not thread-safe: one
 * caller drives it.
 */
final class ShopProcess implements AutoCloseable {

    private static final int KEPT_LINES = 10_000;

    private final Process process;
    private final PrintWriter stdin;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(KEPT_LINES);
    private final URI url;

    private ShopProcess(Process process, URI url) {
        this.process = process;
        this.url = url;
        this.stdin = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8), true);
        Thread reader = new Thread(this::drain, "compare-shop-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Starts the shop with {@code properties} as system properties (MicroProfile Config reads them),
     * on {@code cpu} when it is not negative, and waits until it is ready.
     */
    static ShopProcess start(Map<String, String> properties, int cpu, Path home) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Files.createDirectories(home);
        List<String> command = new ArrayList<>();
        if (cpu >= 0) {
            command.addAll(List.of("taskset", "-c", Integer.toString(cpu)));
        }
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path")));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("dev.fusebox.samples.web.WebShop", "--port", Integer.toString(port), "--no-jmx",
                "--home", home.toString(), "--stop-with-parent"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ShopProcess shop = new ShopProcess(process, URI.create("http://127.0.0.1:" + port + "/"));
        shop.await("ready", 60);
        return shop;
    }

    URI url() {
        return url;
    }

    /** Sends one command and waits for its answer's first line that contains {@code expect}. */
    String command(String line, String expect) throws InterruptedException {
        lines.clear();
        stdin.println(line);
        return await(expect, 10);
    }

    private String await(String expect, int seconds) throws InterruptedException {
        return await(line -> line.contains(expect), expect, seconds);
    }

    /** The first line {@code wanted} accepts; a command's late answer is skipped rather than taken for another's. */
    private String await(java.util.function.Predicate<String> wanted, String expect, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && wanted.test(line)) {
                return line;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("the shop ended with status " + process.exitValue());
            }
        }
        throw new IllegalStateException("the shop did not say '" + expect + "' within " + seconds + " s");
    }

    /** Calls made to {@code dependency} so far, from the {@code status} command. */
    long calls(String dependency) throws InterruptedException {
        lines.clear();
        stdin.println("status");
        String line = await(l -> l.trim().startsWith(dependency + " ") && l.contains("injected failures"), "status", 10);
        java.util.regex.Matcher count = java.util.regex.Pattern.compile("calls (\\d+), injected failures").matcher(line);
        if (count.find()) {
            return Long.parseLong(count.group(1));
        }
        throw new IllegalStateException("no call count in '" + line + "'");
    }

    private void drain() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (!lines.offer(line)) {
                    lines.poll();
                    lines.offer(line);
                }
            }
        } catch (IOException ended) {
            // the shop stopped
        }
    }

    @Override
    public void close() throws InterruptedException {
        stdin.println("quit");
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
