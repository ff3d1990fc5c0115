package dev.fusebox.console.demo;

import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.FaultToleranceMXBean;
import dev.fusebox.ft.management.ManagementNames;
import dev.fusebox.samples.demo.FaultInjectorMXBean;
import dev.fusebox.samples.demo.ShopDemo;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The real demo service ({@link ShopDemo}, module {@code samples}) as a child JVM on loopback, for
 * acceptance tests: a temporary home, a free JMX port (kept across {@link #restart()}, so the
 * console can reconnect to the same address with the same logins), a free metrics port, a low
 * load, {@code --stop-with-parent}. The passwords are read from what the first run prints.
 *
 * <p>{@link #close()} stops the process; a JVM shutdown hook destroys any still running, so no
 * demo outlives the test JVM even when a test class never reaches its {@code @AfterAll}. Use from
 * one test thread; the output is collected by a daemon thread per run.
 */
public final class DemoShopProcess implements AutoCloseable {

    public static final String APPLICATION = "shop";
    public static final String OPERATOR = "operator";
    public static final String VIEWER = "viewer";
    public static final String CLIENTS = "dev.fusebox.samples.demo.";
    /** A group the demo does not define itself: given to its JVM as a system property. */
    public static final String GROUP = "checkout";
    public static final String GROUP_MEMBERS = CLIENTS + "PaymentsClient#charge," + CLIENTS
            + "RecommendationsClient#alsoBought";

    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly),
                "demo-shop-backstop"));
    }

    private final Path home;
    private final List<String> flags;
    private int jmxPort;
    private String operatorPassword;
    private String viewerPassword;
    /** With --fleet: the ZooKeeper the demo started, as it printed it. */
    private String fleetZooKeeper;
    private Process process;
    private List<String> output = new CopyOnWriteArrayList<>();

    private DemoShopProcess(Path home, List<String> flags) {
        this.home = home;
        this.flags = List.copyOf(flags);
    }

    /**
     * Starts the demo with its home in {@code home} (new: the users are created and their
     * passwords printed) and waits until it says it is ready.
     *
     * @param flags more demo flags, e.g. {@code --fault payments=outage}
     */
    public static DemoShopProcess start(Path home, double rate, String... flags) throws IOException {
        List<String> all = new ArrayList<>(List.of("--rate", Double.toString(rate), "--users", "2",
                "--summary-seconds", "60"));
        all.addAll(List.of(flags));
        DemoShopProcess shop = new DemoShopProcess(home, all);
        try {
            shop.launch(0);
            JMXServiceURL url = new JMXServiceURL(shop.await("jmx +(\\S+) .*").group(1));
            shop.jmxPort = url.getPort();
            shop.operatorPassword = shop.await("users +" + OPERATOR + " +password (\\S+) .*").group(1);
            shop.viewerPassword = shop.await("users +" + VIEWER + " +password (\\S+) .*").group(1);
            if (shop.flags.contains("--fleet")) {
                shop.fleetZooKeeper = shop.await("fleet +ZooKeeper (\\S+) .*").group(1).replaceAll(",$", "");
            }
            shop.await("ready .*");
            return shop;
        } catch (IOException | RuntimeException | Error e) {
            shop.close();
            throw e;
        }
    }

    private void launch(int port) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-Dfusebox.groups." + GROUP + "=" + GROUP_MEMBERS));
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ShopDemo.class.getName(),
                "--home", home.toString(), "--jmx-port", Integer.toString(port), "--metrics-port", "0",
                "--stop-with-parent"));
        command.addAll(flags);
        List<String> lines = new CopyOnWriteArrayList<>();
        output = lines;
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        RUNNING.add(process);
        Process started = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(started.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output lost: " + e + ")");
            }
        }, "demo-shop-output-" + started.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for a line of this run's output that matches {@code regex} as a whole. */
    private Matcher await(String regex) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            Optional<Matcher> found = output.stream().map(pattern::matcher).filter(Matcher::matches).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the demo printed no line matching " + regex + (process.isAlive()
                        ? " within " + STARTUP.toSeconds() + " s" : " and ended") + "; printed:\n"
                        + String.join("\n", output));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the demo", e);
            }
        }
    }

    /**
     * The scrape pages of the first {@code count} shops (this one and, with {@code --fleet}, the members
     * it started, which print theirs after this one is ready), waiting up to the start-up time for them.
     */
    public List<URI> scrapePages(int count) {
        Pattern page = Pattern.compile("(\\[\\S+\\] )?metrics +(http://\\S+)");
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            List<URI> pages = output.stream().map(page::matcher).filter(Matcher::matches)
                    .map(m -> URI.create(m.group(2))).distinct().toList();
            if (pages.size() >= count) {
                return pages.subList(0, count);
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the demo printed " + pages.size() + " scrape pages, not " + count
                        + "; printed:\n" + String.join("\n", output));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the demo's scrape pages", e);
            }
        }
    }

    public int jmxPort() {
        return jmxPort;
    }

    public String operatorPassword() {
        return operatorPassword;
    }

    /** The fleet's ZooKeeper ({@code host:port}) when started with {@code --fleet}; else null. */
    public String fleetZooKeeper() {
        return fleetZooKeeper;
    }

    public String viewerPassword() {
        return viewerPassword;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the process at once (SIGKILL: no shutdown hook runs in it) and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the demo (pid " + process.pid() + ") did not die");
        }
        RUNNING.remove(process);
    }

    /** Starts it again, same home (same logins) and same JMX port, and waits until it is ready. */
    public void restart() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException("still running");
        }
        launch(jmxPort);
        await("ready .*");
    }

    /** A plain JMX connection, not the console's, as the operator. */
    public JMXConnector connectAsOperator() throws IOException {
        JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        return JMXConnectorFactory.connect(url, Map.of(JMXConnector.CREDENTIALS,
                new String[] {OPERATOR, operatorPassword}));
    }

    /** The breaker of a demo client's method, e.g. {@code ("PaymentsClient", "charge")}. */
    public static CircuitBreakerMXBean breaker(MBeanServerConnection server, String client, String method) {
        return JMX.newMXBeanProxy(server, ManagementNames.of(ManagementNames.CIRCUIT_BREAKER, APPLICATION,
                CLIENTS + client, method), CircuitBreakerMXBean.class);
    }

    public static FaultToleranceMXBean registry(MBeanServerConnection server) {
        return JMX.newMXBeanProxy(server, ManagementNames.registry(APPLICATION), FaultToleranceMXBean.class);
    }

    /** The fault injector of {@code inventory}, {@code payments} or {@code recommendations}. */
    public static FaultInjectorMXBean faults(MBeanServerConnection server, String dependency) {
        try {
            return JMX.newMXBeanProxy(server, new ObjectName("dev.fusebox.samples:type=FaultInjector,dependency="
                    + dependency), FaultInjectorMXBean.class);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(dependency, e);
        }
    }

    /** What the current run printed so far. */
    public List<String> output() {
        return List.copyOf(output);
    }

    /** Stops the process (SIGTERM: the demo closes itself) and waits, killing it if it takes over 15 s. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            RUNNING.remove(process);
        }
    }
}
