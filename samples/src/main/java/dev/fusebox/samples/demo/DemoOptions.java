package dev.fusebox.samples.demo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's command line. Immutable.
 *
 * @param home where credentials and the overrides file live
 * @param application the name of this instance for Fusebox management
 * @param jmxPort remote JMX port on 127.0.0.1 (0: a free one); fleet members take the next ports
 * @param metricsPort scrape page port on 127.0.0.1 (0: a free one); fleet members take the next ports
 * @param rate checkouts per second of the load generator, 0 for none
 * @param users virtual users of the load generator
 * @param summaryMillis how often the load generator writes its summary line
 * @param summaryFile where the summary lines go ({@code <home>/summary.log} unless told); null: the
 *     terminal (stdout), between whatever the user types, as scripts that read them want
 * @param faults the {@code --fault} values, in order
 * @param instances how many shops to run, this one included (1 to 9)
 * @param zookeeper the fleet's ZooKeeper ensemble, or null: with more than one instance the first
 *     starts one on 127.0.0.1 ({@link #zookeeperPort}); with one instance and none given, no fleet
 * @param zookeeperPort the embedded ZooKeeper's port (0: a free one)
 * @param fleetApplication the application name the shops share in the fleet (members pass the
 *     first's); null: {@link #application}
 * @param resetCredentials replace the JMX users' passwords
 * @param child started by a fleet's first instance: stop when stdin ends
 * @param stopWithParent stop when the parent process ends (set by the Maven profile, whose JVM is the parent)
 * @param help print the usage and stop
 */
public record DemoOptions(Path home, String application, int jmxPort, int metricsPort, double rate, int users,
                          long summaryMillis, Path summaryFile, List<String> faults, int instances, String zookeeper,
                          int zookeeperPort, String fleetApplication, boolean resetCredentials,
                          boolean child, boolean stopWithParent, boolean help) {

    public static final int DEFAULT_JMX_PORT = 9010;
    public static final int DEFAULT_METRICS_PORT = 9464;
    public static final int DEFAULT_ZOOKEEPER_PORT = 2181;

    public static final String USAGE = String.join(System.lineSeparator(),
            "usage: ShopDemo [options]",
            "  --home DIR              credentials and overrides file (default ~/.fusebox-demo)",
            "  --reset-credentials     new passwords for the JMX users operator and viewer",
            "  --fault DEP=FAULT       at start; FAULT: outage, hang, errors:0.3, latency:800 (repeatable)",
            "  --fleet | --instances N also start shop-2, shop-3 (N up to 9) as separate JVMs, all registered",
            "                          in ZooKeeper (started here on 127.0.0.1 unless --zookeeper is given)",
            "  --zookeeper HOST:PORT   the fleet's ZooKeeper ensemble (host:port[,host:port...])",
            "  --zookeeper-port N      port of the ZooKeeper started here (default 2181; 0: free port)",
            "  --jmx-port N            remote JMX port on 127.0.0.1 (default 9010; 0: free port)",
            "  --metrics-port N        Prometheus scrape page port on 127.0.0.1 (default 9464; 0: free port)",
            "  --rate R                checkouts per second, all users together (default 20; 0: no load)",
            "  --users N               virtual users (default 6)",
            "  --summary-seconds S     summary line interval (default 5)",
            "  --summary-file FILE     where summary lines go (default HOME/summary.log; -: stdout)",
            "  --application NAME      name under Fusebox management (default shop)",
            "  --help");

    public DemoOptions {
        faults = List.copyOf(faults);
        if (instances < 1 || instances > 9) {
            throw new IllegalArgumentException("--instances must be from 1 to 9, was " + instances);
        }
        if (!(rate >= 0) || users < 1 || summaryMillis < 1) {
            throw new IllegalArgumentException("--rate must not be negative, --users and --summary-seconds must be"
                    + " positive");
        }
        if (application == null || !application.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("--application must be letters, digits, '.', '_' or '-', was '"
                    + application + "'");
        }
        ShopSettings.requirePort("JMX", jmxPort);
        ShopSettings.requirePort("metrics", metricsPort);
        ShopSettings.requirePort("ZooKeeper", zookeeperPort);
        if (fleetApplication == null) {
            fleetApplication = application;
        }
        if (!fleetApplication.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("--fleet-application must be letters, digits, '.', '_' or '-', was '"
                    + fleetApplication + "'");
        }
        if (zookeeper != null && (zookeeper.isBlank() || zookeeper.length() > 2000)) {
            throw new IllegalArgumentException("--zookeeper must be host:port[,host:port...], was '" + zookeeper + "'");
        }
    }

    /** Whether the shops register in ZooKeeper: a fleet, or an ensemble given. */
    public boolean fleetOnZooKeeper() {
        return instances > 1 || zookeeper != null;
    }

    /**
     * Reads the command line.
     *
     * @throws IllegalArgumentException naming the flag that is unknown, lacks its value or has a bad one
     */
    public static DemoOptions parse(String... args) {
        Path home = Path.of(System.getProperty("user.home"), ".fusebox-demo");
        String application = "shop";
        int jmxPort = DEFAULT_JMX_PORT;
        int metricsPort = DEFAULT_METRICS_PORT;
        double rate = 20;
        int users = 6;
        long summaryMillis = 5_000;
        String summaryFile = null;
        List<String> faults = new ArrayList<>();
        int instances = 1;
        String zookeeper = null;
        int zookeeperPort = DEFAULT_ZOOKEEPER_PORT;
        String fleetApplication = null;
        boolean reset = false;
        boolean child = false;
        boolean stopWithParent = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.isBlank()) {
                continue;
            }
            switch (flag) {
                case "--home" -> home = Path.of(value(args, ++i, flag));
                case "--application" -> application = value(args, ++i, flag);
                case "--jmx-port" -> jmxPort = integer(args, ++i, flag);
                case "--metrics-port" -> metricsPort = integer(args, ++i, flag);
                case "--rate" -> rate = number(args, ++i, flag);
                case "--users" -> users = integer(args, ++i, flag);
                case "--summary-seconds" -> summaryMillis = Math.round(number(args, ++i, flag) * 1000);
                case "--summary-file" -> summaryFile = value(args, ++i, flag);
                case "--fault" -> {
                    String fault = value(args, ++i, flag);
                    FaultCommands.commandOfFlag(fault);
                    faults.add(fault);
                }
                case "--fleet" -> instances = Math.max(instances, 3);
                case "--instances" -> instances = integer(args, ++i, flag);
                case "--zookeeper" -> zookeeper = value(args, ++i, flag);
                case "--zookeeper-port" -> zookeeperPort = integer(args, ++i, flag);
                case "--fleet-application" -> fleetApplication = value(args, ++i, flag);
                case "--reset-credentials" -> reset = true;
                case "--child" -> child = true;
                case "--stop-with-parent" -> stopWithParent = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option '" + flag + "'");
            }
        }
        home = home.toAbsolutePath().normalize();
        Path summaries = summaryFile == null ? home.resolve("summary.log")
                : summaryFile.equals("-") ? null : Path.of(summaryFile).toAbsolutePath();
        return new DemoOptions(home, application, jmxPort, metricsPort, rate, users,
                summaryMillis, summaries, faults, instances, zookeeper, zookeeperPort, fleetApplication, reset, child,
                stopWithParent, help);
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static int integer(String[] args, int index, String flag) {
        String text = value(args, index, flag);
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, not '" + text + "'");
        }
    }

    private static double number(String[] args, int index, String flag) {
        String text = value(args, index, flag);
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, not '" + text + "'");
        }
    }

    /** The port of fleet member {@code number} (2, 3, ...): the next ports after this one's, or free ones. */
    static int memberPort(int port, int number) {
        return port == 0 ? 0 : port + number - 1;
    }
}
