package dev.fusebox.samples.web;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web shop's command-line flags. Immutable.
 *
 * <pre>
 * --port N               the shop's HTTP port on 127.0.0.1 (default 8080; 0 picks a free one)
 * --jmx-port N           the remote JMX port (default 9020; 0 a free one); --no-jmx turns remote JMX off
 * --home DIR             JMX users and the overrides file (default ./web-home)
 * --reset-credentials    new operator and viewer passwords
 * --fault DEP=FAULT      as the SE demo: payments=outage, inventory=errors:0.3, recommendations=latency:800
 * --stop-with-parent     stop when the process that started this one ends
 * </pre>
 *
 * @param port the HTTP port
 * @param jmxPort the remote JMX port, or -1 for no remote access
 * @param home the home directory
 * @param resetCredentials whether to make new users
 * @param faults the {@code --fault} values
 * @param stopWithParent whether to stop with the parent process
 * @param properties more MicroProfile Config properties (tests), over the shop's own settings
 */
public record WebShopOptions(int port, int jmxPort, Path home, boolean resetCredentials, List<String> faults,
                             boolean stopWithParent, Map<String, String> properties) {

    public static final int NO_JMX = -1;

    public WebShopOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535 (0: a free one), was " + port);
        }
        if (jmxPort < NO_JMX || jmxPort > 65_535) {
            throw new IllegalArgumentException("--jmx-port must be from 0 to 65535 (0: a free one), was " + jmxPort);
        }
        faults = List.copyOf(faults);
        properties = Map.copyOf(properties);
    }

    /** For tests: free ports, no remote JMX, {@code properties} over the shop's settings. */
    public static WebShopOptions forTests(Path home, Map<String, String> properties) {
        return new WebShopOptions(0, NO_JMX, home, false, List.of(), false, properties);
    }

    /** @throws IllegalArgumentException naming the flag that is unknown, lacks its value or has a bad one */
    public static WebShopOptions parse(String... args) {
        int port = 8080;
        int jmxPort = 9020;
        Path home = Path.of("web-home");
        boolean reset = false;
        boolean stopWithParent = false;
        List<String> faults = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            switch (flag) {
                case "--port" -> port = number(flag, value(args, ++i, flag));
                case "--jmx-port" -> jmxPort = number(flag, value(args, ++i, flag));
                case "--no-jmx" -> jmxPort = NO_JMX;
                case "--home" -> home = Path.of(value(args, ++i, flag));
                case "--reset-credentials" -> reset = true;
                case "--fault" -> faults.add(value(args, ++i, flag));
                case "--stop-with-parent" -> stopWithParent = true;
                default -> throw new IllegalArgumentException("unknown flag " + flag + "; the flags are --port,"
                        + " --jmx-port, --no-jmx, --home, --reset-credentials, --fault, --stop-with-parent");
            }
        }
        return new WebShopOptions(port, jmxPort, home, reset, faults, stopWithParent, new LinkedHashMap<>());
    }

    private static String value(String[] args, int index, String flag) {
        if (index >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[index];
    }

    private static int number(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, was '" + value + "'", e);
        }
    }
}
