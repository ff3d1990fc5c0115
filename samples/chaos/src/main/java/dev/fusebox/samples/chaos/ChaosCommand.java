package dev.fusebox.samples.chaos;

import dev.fusebox.ft.jmx.remote.Credentials;
import dev.fusebox.ft.jmx.remote.Role;
import dev.fusebox.samples.chaos.analysis.Analysis;
import dev.fusebox.samples.chaos.analysis.Findings;
import dev.fusebox.samples.chaos.analysis.Verdict;
import dev.fusebox.samples.chaos.model.Experiment;
import dev.fusebox.samples.chaos.model.ExperimentParser;
import dev.fusebox.samples.demo.DemoHome;
import dev.fusebox.samples.web.WebShop;
import dev.fusebox.samples.web.WebShopOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Runs one chaos experiment end to end and writes its report (docs/chaos.md):
 *
 * <pre>
 * --experiment FILE      the experiment file (required)
 * --report DIR           where the report goes (default target/chaos-reports/&lt;name&gt;)
 * --shop URL --jmx URL   attach to a running web shop instead of starting one in this JVM
 * --user NAME            the JMX user for --jmx (default operator; needs the operator role); its password in
 *                        the environment variable FUSEBOX_CHAOS_PASSWORD or the first line of --password-file FILE
 * </pre>
 *
 * Exit status: 0 the hypothesis held, 1 it was refuted, 3 the run was aborted or not steady, 2 a
 * mistake in the flags or the file, or a shop the experiment cannot run against (an injector not
 * healthy, a user without the operator role, an unknown breaker or dependency).
 */
public final class ChaosCommand {

    static final String PASSWORD_VARIABLE = "FUSEBOX_CHAOS_PASSWORD";

    private ChaosCommand() {
    }

    /** What a run produced. */
    record Outcome(RunRecord run, Findings findings, Path report) {
    }

    /** The password and user of a remote JMX login. */
    record Login(String user, String password) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Map<String, String> flags;
        try {
            flags = flags(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Outcome outcome;
        try {
            outcome = run(flags, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("verdict    " + outcome.findings().verdict() + ": " + outcome.findings().reason());
        System.out.println("report     " + outcome.report().resolve(ReportWriter.REPORT));
        Verdict verdict = outcome.findings().verdict();
        System.exit(verdict == Verdict.HELD ? 0 : verdict == Verdict.REFUTED ? 1 : 3);
    }

    static Outcome run(Map<String, String> flags, PrintStream log) throws Exception {
        Path file = Path.of(flags.get("--experiment"));
        Experiment experiment = ExperimentParser.parse(file);
        Path report = Path.of(flags.getOrDefault("--report", "target/chaos-reports/" + experiment.name()));
        if (flags.containsKey("--shop")) {
            Login login = new Login(flags.getOrDefault("--user", DemoHome.OPERATOR), password(flags));
            return run(file, URI.create(flags.get("--shop")), new JMXServiceURL(flags.get("--jmx")), login, report,
                    "attached to the web shop at " + flags.get("--shop"), log);
        }
        Path home = Files.createTempDirectory("fusebox-chaos-shop");
        try {
            Map<String, Role> users = new LinkedHashMap<>();
            users.put(DemoHome.OPERATOR, Role.OPERATOR);
            Map<String, String> passwords = Credentials.create(home.resolve(DemoHome.CREDENTIALS), users);
            try (WebShop shop = WebShop.start(new WebShopOptions(0, 0, home, false, List.of(), false, Map.of()))) {
                log.println("shop       " + shop.url() + " and " + shop.jmxAddress() + ", started in this JVM");
                return run(file, shop.url(), shop.jmxAddress(), new Login(DemoHome.OPERATOR,
                        passwords.get(DemoHome.OPERATOR)), report, "the web shop started by the runner in its JVM", log);
            }
        } finally {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Runs the experiment of {@code file} against a running shop and writes the report into {@code report}. */
    static Outcome run(Path file, URI shop, JMXServiceURL jmx, Login login, Path report, String where,
                       PrintStream log) throws Exception {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Experiment experiment = ExperimentParser.parse(file);
        log.println("experiment " + experiment.name() + ": " + experiment.hypothesis());
        RunRecord run;
        try (JMXConnector connector = JMXConnectorFactory.connect(jmx, Map.of(JMXConnector.CREDENTIALS,
                new String[] {login.user(), login.password()}))) {
            run = new ExperimentRunner(experiment, shop, connector.getMBeanServerConnection(), log).run();
        }
        Findings findings = Analysis.of(experiment, run.facts());
        String context = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"))
                + "; " + where + " (" + shop + "); JDK " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs";
        ReportWriter.write(report, run, findings, context, text);
        return new Outcome(run, findings, report);
    }

    private static String password(Map<String, String> flags) throws IOException {
        if (flags.containsKey("--password-file")) {
            try (Stream<String> lines = Files.lines(Path.of(flags.get("--password-file")), StandardCharsets.UTF_8)) {
                return lines.findFirst().map(String::strip).filter(p -> !p.isEmpty()).orElseThrow(() ->
                        new IllegalArgumentException("--password-file " + flags.get("--password-file") + " is empty"));
            }
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("--shop needs the JMX password: in " + PASSWORD_VARIABLE
                    + " or --password-file FILE");
        }
        return password;
    }

    /** @throws IllegalArgumentException naming an unknown flag, a missing value or a missing flag */
    static Map<String, String> flags(String... args) {
        List<String> known = List.of("--experiment", "--report", "--shop", "--jmx", "--user", "--password-file");
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].isBlank()) {
                continue;
            }
            if (!known.contains(args[i])) {
                throw new IllegalArgumentException("unknown flag " + args[i] + "; the flags are " + known);
            }
            if (i + 1 >= args.length || args[i + 1].isBlank() || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            if (flags.put(args[i], args[++i]) != null) {
                throw new IllegalArgumentException(args[i - 1] + " given twice");
            }
        }
        if (!flags.containsKey("--experiment")) {
            throw new IllegalArgumentException("--experiment FILE is needed, e.g. --experiment"
                    + " samples/chaos/experiments/outage.exp");
        }
        if (flags.containsKey("--shop") != flags.containsKey("--jmx")) {
            throw new IllegalArgumentException("--shop and --jmx go together: the shop's address and its JMX address");
        }
        return flags;
    }
}
