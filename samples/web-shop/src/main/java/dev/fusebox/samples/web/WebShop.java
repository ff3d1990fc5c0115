package dev.fusebox.samples.web;

import dev.fusebox.samples.demo.DemoHome;
import dev.fusebox.samples.demo.Dependencies;
import dev.fusebox.samples.demo.FaultCommands;
import dev.fusebox.samples.demo.FaultInjector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javax.management.remote.JMXServiceURL;

/**
 * The web edition of the demo shop: the checkout as JSON endpoints in embedded Jetty
 * ({@link ShopServer}), its three dependencies as HTTP services on loopback with the SE demo's fault
 * injection ({@link DependencyServices}), called through MicroProfile Rest Client interfaces that
 * carry the fault-tolerance annotations. Faults are switched by typing commands (the SE demo's:
 * {@code payments outage on}, {@code help}) or through the {@code FaultInjector} MXBeans; Fusebox's
 * JMX management is served on a password-protected remote connector, as in the SE demo.
 * {@link #close()} stops everything and leaves no thread. Start and close from one thread.
 */
public final class WebShop implements AutoCloseable {

    /** The name Fusebox's MXBeans are registered under. */
    public static final String APPLICATION = "web-shop";

    private final Dependencies dependencies = new Dependencies();
    private final DemoHome home;
    private DependencyServices services;
    private ShopServer server;
    private final FaultCommands commands;

    private WebShop(WebShopOptions options) {
        home = DemoHome.prepare(options.home(), options.resetCredentials());
        commands = new FaultCommands(dependencies, this::status);
    }

    /** Starts the dependencies' services, then the shop; applies the {@code --fault} flags. */
    public static WebShop start(WebShopOptions options) throws Exception {
        WebShop shop = new WebShop(options);
        try {
            shop.dependencies.register();
            shop.services = DependencyServices.start(shop.dependencies);
            shop.server = ShopServer.start(options.port(), shop.settings(options), shop.home.overridesFile());
            for (String fault : options.faults()) {
                FaultCommands.Reply reply = shop.commands.execute(FaultCommands.commandOfFlag(fault));
                if (!reply.ok()) {
                    throw new IllegalArgumentException("--fault " + fault + ": " + reply.text());
                }
            }
            return shop;
        } catch (Exception | Error e) {
            shop.close();
            throw e;
        }
    }

    /** The MicroProfile Config properties of this shop: Rest Client URLs, management, remote JMX. */
    private Map<String, String> settings(WebShopOptions options) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String dependency : dependencies.names()) {
            settings.put(dependency + "/mp-rest/url", services.url(dependency).toString());
        }
        settings.put("fusebox.management.application", APPLICATION);
        if (options.jmxPort() != WebShopOptions.NO_JMX) {
            settings.put("fusebox.jmx.remote.enabled", "true");
            settings.put("fusebox.jmx.remote.host", "127.0.0.1");
            settings.put("fusebox.jmx.remote.port", Integer.toString(options.jmxPort()));
            settings.put("fusebox.jmx.remote.credentials-file", home.credentialsFile().toString());
            // the connector serves Fusebox's MXBeans only, unless the application exposes more: the fault injectors
            settings.put("fusebox.jmx.remote.expose", FaultInjector.DOMAIN + ":type=FaultInjector,*");
        }
        settings.putAll(options.properties());
        return settings;
    }

    public URI url() {
        return server.url();
    }

    public Dependencies dependencies() {
        return dependencies;
    }

    public FaultCommands commands() {
        return commands;
    }

    /** The remote JMX address, or null when remote access is off. */
    public JMXServiceURL jmxAddress() {
        return server.jmxAddress();
    }

    private String status() {
        StringBuilder text = new StringBuilder("shop " + server.url());
        dependencies.names().forEach(name -> text.append(System.lineSeparator()).append(name).append(" service ")
                .append(services.url(name)));
        return text.toString();
    }

    /** Stops the shop (Weld and Fusebox with it), then the dependencies' services; unregisters the injectors. */
    @Override
    public void close() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (services != null) {
                services.close();
            }
            dependencies.close();
        }
    }

    private void printBanner(PrintStream out) {
        out.println("shop       " + url() + "   POST /checkout/{article}?cents=N   GET /stock/{article}");
        JMXServiceURL jmx = jmxAddress();
        if (jmx != null) {
            out.println("jmx        " + jmx + "   (jconsole " + jmx.getHost() + ":" + jmx.getPort() + ")");
        }
        if (home.newPasswords().isEmpty()) {
            out.println("users      " + DemoHome.OPERATOR + " and " + DemoHome.VIEWER + " in " + home.credentialsFile()
                    + "; their passwords were printed when it was made; start with --reset-credentials for new ones");
        } else {
            out.println("users      " + DemoHome.OPERATOR + " password " + home.newPasswords().get(DemoHome.OPERATOR)
                    + "   may switch faults and force breakers");
            out.println("users      " + DemoHome.VIEWER + "   password " + home.newPasswords().get(DemoHome.VIEWER)
                    + "   may only look");
        }
        out.println("faults     MXBeans " + FaultInjector.DOMAIN + ":type=FaultInjector,dependency="
                + String.join("|", dependencies.names()));
        out.println("ready      type help for commands; quit or Ctrl-C stops");
    }

    public static void main(String[] args) throws Exception {
        WebShopOptions options;
        try {
            options = WebShopOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (WebShop shop = start(options)) {
            shop.printBanner(System.out);
            Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "web-shop-stop"));
            if (options.stopWithParent()) {
                ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(stop::countDown));
            }
            Thread reader = new Thread(() -> serve(shop.commands, stop), "web-shop-commands");
            reader.setDaemon(true);
            reader.start();
            stop.await();
        }
    }

    /** Reads commands from stdin until quit; at the end of input the shop runs on until stopped. */
    private static void serve(FaultCommands commands, CountDownLatch stop) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                FaultCommands.Reply reply = commands.execute(line.trim());
                System.out.println(reply.text());
                if (reply.quit()) {
                    stop.countDown();
                    return;
                }
            }
        } catch (IOException e) {
            System.err.println("stdin: " + e.getMessage() + "; the shop runs on until stopped");
        }
    }
}
