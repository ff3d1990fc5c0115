package dev.fusebox.samples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import javax.management.remote.JMXServiceURL;

/**
 * The demo service: a small shop whose checkouts call three guarded dependencies with faults
 * switchable at run time, under a steady load, managed over remote JMX. Runs until {@code quit}
 * on stdin or Ctrl-C. See {@code samples/README.md} and {@link DemoOptions#USAGE}.
 *
 * <p>The terminal is kept for what a person reads and types: the banner, command replies and the
 * connector's security events (logging from the samples' {@code logging.properties},
 * {@link DemoLogging}); the periodic summaries go to {@code <home>/summary.log} (or where
 * {@code --summary-file} says) and {@code status} shows the latest.
 *
 * <p>Start, serve and close from one thread; {@link #requestStop()} and {@link #close()} may
 * also be called from others (the shutdown hook).
 */
public final class ShopDemo implements AutoCloseable {

    private final DemoOptions options;
    private final PrintStream out;
    private final DemoHome home;
    private final ShopInstance shop;
    private final FaultCommands commands;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private LoadGenerator load;
    private PrintStream summaryFile;
    private Fleet fleet;
    private boolean closed;
    /** The ZooKeeper this demo started for its fleet; null when none (no fleet, or one was given). */
    private final EmbeddedZooKeeper zookeeper;

    private ShopDemo(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.home = DemoHome.prepare(options.home(), options.resetCredentials());
        this.zookeeper = EmbeddedZooKeeper.forFleetOf(options);
        String ensemble = options.zookeeper() != null ? options.zookeeper()
                : zookeeper != null ? zookeeper.connectString() : null;
        try {
            this.shop = ShopInstance.start(new ShopSettings(options.application(), options.jmxPort(),
                    options.metricsPort(), home.credentialsFile(), home.overridesFile(), ensemble == null ? null
                    : new ShopSettings.FleetPlace(ensemble, options.fleetApplication(), options.application())));
        } catch (RuntimeException failed) {
            if (zookeeper != null) {
                zookeeper.close();
            }
            throw failed;
        }
        this.commands = new FaultCommands(shop.dependencies(), this::status);
    }

    /** The fleet's ZooKeeper connection string, or null when the shop is in no fleet on ZooKeeper. */
    public String fleetZooKeeper() {
        ShopSettings.FleetPlace place = shop.settings().fleet();
        return place == null ? null : place.zookeeper();
    }

    public static void main(String[] args) throws Exception {
        DemoLogging.configureUnlessGiven();
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(DemoOptions.USAGE);
            return;
        }
        if (options.help()) {
            System.out.println(DemoOptions.USAGE);
            System.out.println(FaultCommands.HELP);
            return;
        }
        ShopDemo demo = start(options, System.out, interval -> {
        });
        Thread hook = new Thread(demo::close, "shop-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        if (options.stopWithParent()) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(demo::requestStop));
        }
        // stdin is read on a daemon thread: a stop for another reason must not wait for a line
        Thread commands = new Thread(() -> {
            try {
                demo.serve(System.in);
            } catch (IOException | RuntimeException e) {
                System.out.println("stdin      unreadable, no more commands: " + e);
            }
        }, "shop-stdin");
        commands.setDaemon(true);
        commands.start();
        try {
            demo.awaitStopRequest();
        } finally {
            demo.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running or has run
            }
        }
    }

    /**
     * Starts the shop, prints how to reach it, applies the {@code --fault} flags, starts the load
     * and, for a fleet, the other instances.
     *
     * @param onSummary told of each summary interval (tests)
     */
    public static ShopDemo start(DemoOptions options, PrintStream out, Consumer<CheckoutStats.Interval> onSummary)
            throws IOException {
        ShopDemo demo = new ShopDemo(options, out);
        try {
            demo.printBanner();
            for (String fault : options.faults()) {
                FaultCommands.Reply reply = demo.commands.execute(FaultCommands.commandOfFlag(fault));
                if (!reply.ok()) {
                    throw new IllegalArgumentException("--fault " + fault + ": " + reply.text());
                }
                out.println("fault      " + reply.text());
            }
            if (options.rate() > 0) {
                PrintStream summaries = out;
                if (options.summaryFile() != null) {
                    demo.summaryFile = new PrintStream(Files.newOutputStream(options.summaryFile(),
                            StandardOpenOption.CREATE, StandardOpenOption.APPEND), true, StandardCharsets.UTF_8);
                    summaries = demo.summaryFile;
                }
                demo.load = new LoadGenerator(demo.shop, options.users(), options.rate(), options.summaryMillis(),
                        summaries, out, onSummary);
                demo.load.start();
            }
            if (options.instances() > 1 && !options.child()) {
                demo.fleet = Fleet.start(options, demo.fleetZooKeeper(), out);
            }
            out.println("ready      type help for commands; quit or Ctrl-C stops" + (demo.fleet == null ? ""
                    : " (commands act on " + options.application() + " only; the others through JMX)"));
            return demo;
        } catch (IOException | RuntimeException e) {
            demo.close();
            throw e;
        }
    }

    private void printBanner() {
        JMXServiceURL jmx = shop.jmxAddress();
        out.println("shop       " + options.application() + " is up: checkouts call inventory -> payments ->"
                + " recommendations, each guarded by Fusebox");
        out.println("jmx        " + jmx + "   (jconsole " + jmx.getHost() + ":" + jmx.getPort() + ")");
        if (home.newPasswords().isEmpty()) {
            out.println("users      " + DemoHome.OPERATOR + " and " + DemoHome.VIEWER + " in " + home.credentialsFile()
                    + "; their passwords were printed when it was made (stored as hashes only);"
                    + " start with --reset-credentials for new ones");
        } else {
            out.println("users      created in " + home.credentialsFile() + "; passwords shown only now, note them:");
            out.println("users      " + DemoHome.OPERATOR + " password " + home.newPasswords().get(DemoHome.OPERATOR)
                    + "   may switch faults and force breakers");
            out.println("users      " + DemoHome.VIEWER + "   password " + home.newPasswords().get(DemoHome.VIEWER)
                    + "   may only look");
        }
        out.println("overrides  " + home.overridesFile() + " (forced breaker states and parameter changes survive"
                + " restarts)");
        out.println("metrics    " + shop.scrapePage());
        ShopSettings.FleetPlace place = shop.settings().fleet();
        if (place != null && !options.child()) {
            out.println("fleet      ZooKeeper " + place.zookeeper() + (zookeeper != null ? " (started here, data in "
                    + zookeeper.dataDir() + ")" : "") + ", application " + place.application()
                    + ": the console's fleet tab connects there and sees every shop");
        }
        out.println("faults     MXBeans " + FaultInjector.DOMAIN + ":type=FaultInjector,dependency="
                + String.join("|", shop.dependencies().names()));
        if (options.rate() > 0) {
            // summaries in a file by default: printed every few seconds they would cut into the line being typed
            out.println("load       " + options.users() + " virtual users, " + options.rate() + " checkouts/s, a summary"
                    + " every " + options.summaryMillis() / 1000.0 + " s " + (options.summaryFile() == null ? "here"
                    : "in " + options.summaryFile() + " (tail -f it; status shows the latest)"));
        }
    }

    private String status() {
        StringBuilder text = new StringBuilder("breakers:");
        shop.breakerStates().forEach((dependency, state) -> text.append(' ').append(dependency).append('=')
                .append(state));
        text.append(System.lineSeparator()).append("jmx ").append(shop.jmxAddress())
                .append(System.lineSeparator()).append("metrics ").append(shop.scrapePage());
        if (load != null) {
            text.append(System.lineSeparator()).append("checkouts so far ").append(load.checkouts());
            String latest = load.latestSummary();
            text.append(System.lineSeparator()).append("last summary ").append(latest == null ? "none yet" : latest);
        }
        return text.toString();
    }

    /**
     * Runs the commands read from {@code in} until {@code quit}, which {@linkplain #requestStop()
     * requests the stop}, or until {@code in} ends, which requests it for a fleet member and only
     * turns commands off otherwise.
     */
    public void serve(InputStream in) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            FaultCommands.Reply reply = commands.execute(line);
            if (!reply.text().isEmpty()) {
                out.println(reply.text());
            }
            if (reply.quit() || stopRequested.getCount() == 0) {
                requestStop();
                return;
            }
        }
        if (options.child()) {
            requestStop();
            return;
        }
        out.println("stdin      closed: no more commands; stop with Ctrl-C (faults can still be switched over JMX)");
    }

    /** Asks {@link #awaitStopRequest()} to return; thread-safe. */
    public void requestStop() {
        stopRequested.countDown();
    }

    /** Returns once a stop was requested: {@code quit}, a fleet member's stdin ended, the parent ended, or close. */
    public void awaitStopRequest() throws InterruptedException {
        stopRequested.await();
    }

    public ShopInstance shop() {
        return shop;
    }

    public FaultCommands commands() {
        return commands;
    }

    /** The other instances' processes of a fleet; empty otherwise. */
    public java.util.List<Process> fleetProcesses() {
        Fleet started = fleet;
        return started == null ? java.util.List.of() : started.processes();
    }

    /** Stops the fleet, the load and the shop; returns when their threads and ports are gone. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        requestStop();
        // no call may stay hung while the users are waited for
        shop.dependencies().all().forEach(FaultInjector::close);
        try {
            if (fleet != null) {
                fleet.close();
            }
        } finally {
            try {
                if (load != null) {
                    load.close();
                }
            } finally {
                if (summaryFile != null) {
                    summaryFile.close();
                }
                shop.close();
                if (zookeeper != null) {
                    zookeeper.close();
                }
                out.println("stopped    " + options.application() + (load == null ? "" : " after "
                        + load.checkouts() + " checkouts"));
            }
        }
    }

    /** The users' passwords created by this run (empty when the credentials file existed). */
    public Map<String, String> newPasswords() {
        return home.newPasswords();
    }
}
