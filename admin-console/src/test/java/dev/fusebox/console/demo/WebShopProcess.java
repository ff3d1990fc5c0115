package dev.fusebox.console.demo;

import dev.fusebox.ft.management.CircuitBreakerMXBean;
import dev.fusebox.ft.management.ManagementNames;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMX;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The real web shop ({@code samples/web-shop}'s {@code WebShop}: Jetty, Weld Servlet, RESTEasy) as a
 * child JVM on loopback, for the console's acceptance test: a temporary home, free HTTP and JMX
 * ports, {@code --stop-with-parent}. Its class path is the one its module's build wrote (never this
 * JVM's, which holds Weld SE: the two Welds must not share one). The operator's password is read
 * from what it prints. {@link #close()} stops the process; use from one test thread.
 */
final class WebShopProcess implements AutoCloseable {

    static final String APPLICATION = "web-shop";
    static final String OPERATOR = "operator";
    static final String CLIENTS = "dev.fusebox.samples.web.";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private URI url;
    private int jmxPort;
    private String operatorPassword;

    private WebShopProcess(Process process) {
        this.process = process;
    }

    /** Starts the web shop with its home in {@code home} and waits until it says it is ready. */
    static WebShopProcess start(Path home) throws IOException {
        String classes = System.getProperty("fusebox.webshop.classes");
        Path classpathFile = Path.of(System.getProperty("fusebox.webshop.classpath-file", "(not set)"));
        if (classes == null || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("the web shop's class path is unknown: build samples/web-shop first (the"
                    + " system properties fusebox.webshop.classes and fusebox.webshop.classpath-file name it)");
        }
        String classpath = classes + java.io.File.pathSeparator + Files.readString(classpathFile).trim();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-Djava.rmi.server.hostname=127.0.0.1", "-cp", classpath,
                "dev.fusebox.samples.web.WebShop", "--home", home.toString(), "--port", "0", "--jmx-port", "0",
                "--stop-with-parent"));
        WebShopProcess shop = new WebShopProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
        try {
            shop.readOutput();
            shop.url = URI.create(shop.await("shop +(\\S+) .*").group(1));
            shop.jmxPort = new JMXServiceURL(shop.await("jmx +(\\S+) .*").group(1)).getPort();
            shop.operatorPassword = shop.await("users +" + OPERATOR + " +password (\\S+) .*").group(1);
            shop.await("ready .*");
            return shop;
        } catch (IOException | RuntimeException | Error e) {
            shop.close();
            throw e;
        }
    }

    private void readOutput() {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(output lost: " + e + ")");
            }
        }, "web-shop-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    private Matcher await(String regex) {
        Pattern pattern = Pattern.compile(regex);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (true) {
            Optional<Matcher> found = output.stream().map(pattern::matcher).filter(Matcher::matches).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the web shop printed no line matching " + regex + (process.isAlive()
                        ? " within " + STARTUP.toSeconds() + " s" : " and ended") + "; printed:\n"
                        + String.join("\n", output));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the web shop", e);
            }
        }
    }

    /** The shop's base URL. */
    URI url() {
        return url;
    }

    int jmxPort() {
        return jmxPort;
    }

    String operatorPassword() {
        return operatorPassword;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** A plain JMX connection, not the console's, as the operator. */
    JMXConnector connectAsOperator() throws IOException {
        JMXServiceURL address = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
        return JMXConnectorFactory.connect(address, Map.of(JMXConnector.CREDENTIALS,
                new String[] {OPERATOR, operatorPassword}));
    }

    /** The breaker of a Rest Client interface's method, e.g. {@code ("PaymentsClient", "charge")}. */
    static CircuitBreakerMXBean breaker(MBeanServerConnection server, String client, String method) {
        return JMX.newMXBeanProxy(server, ManagementNames.of(ManagementNames.CIRCUIT_BREAKER, APPLICATION,
                CLIENTS + client, method), CircuitBreakerMXBean.class);
    }

    /** Stops the process (SIGTERM: the shop closes itself) and waits, killing it if it takes over 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
