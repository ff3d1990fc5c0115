package dev.fusebox.samples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The other shops of a fleet ({@code shop-2}, {@code shop-3}, ...), each a separate JVM on the
 * same class path, started with {@code --child}: its own home sub-directory, the next JMX and
 * metrics ports, no fleet of its own, and the first's ZooKeeper and fleet application name. Their output is printed here, each line prefixed with the
 * member's name. {@link #close()} asks each to quit through its stdin (a member also quits when
 * its stdin ends, so it does not outlive a first instance that was killed), then waits for it.
 * Start and close from one thread.
 */
final class Fleet implements AutoCloseable {

    private static final long QUIT_WAIT_SECONDS = 20;

    private record Member(String application, Process process, Thread output) {
    }

    private final List<Member> members = new ArrayList<>();

    private Fleet() {
    }

    /**
     * Starts instances 2 to {@code options.instances()}.
     *
     * @throws IOException if a JVM cannot be started; the members already started are stopped
     */
    static Fleet start(DemoOptions options, String zookeeper, PrintStream out) throws IOException {
        Fleet fleet = new Fleet();
        try {
            for (int number = 2; number <= options.instances(); number++) {
                fleet.members.add(startMember(options, zookeeper, number, out));
            }
        } catch (IOException | RuntimeException e) {
            fleet.close();
            throw e;
        }
        return fleet;
    }

    private static Member startMember(DemoOptions options, String zookeeper, int number, PrintStream out)
            throws IOException {
        String application = options.application() + "-" + number;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ShopDemo.class.getName());
        command.addAll(List.of("--child", "--application", application,
                "--home", options.home().resolve(application).toString(),
                "--jmx-port", Integer.toString(DemoOptions.memberPort(options.jmxPort(), number)),
                "--metrics-port", Integer.toString(DemoOptions.memberPort(options.metricsPort(), number)),
                "--rate", Double.toString(options.rate()),
                "--users", Integer.toString(options.users()),
                "--summary-seconds", Double.toString(options.summaryMillis() / 1000.0)));
        if (zookeeper != null) {
            // the same fleet application: a fleet-wide force reaches every shop
            command.addAll(List.of("--zookeeper", zookeeper, "--fleet-application", options.fleetApplication()));
        }
        if (options.summaryFile() == null) {
            // the first shop's summaries are on the terminal: so are theirs (else each writes its own home's file)
            command.addAll(List.of("--summary-file", "-"));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String prefix = "[" + application + "] ";
        Thread output = new Thread(() -> forward(process, prefix, out), LoadGenerator.THREAD_PREFIX + "fleet-"
                + application);
        output.setDaemon(true);
        output.start();
        out.println("fleet: started " + application + " (pid " + process.pid() + ")");
        return new Member(application, process, output);
    }

    private static void forward(Process process, String prefix, PrintStream out) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                out.println(prefix + line);
            }
        } catch (IOException e) {
            out.println(prefix + "output lost: " + e.getMessage());
        }
    }

    /** The members' processes. */
    List<Process> processes() {
        return members.stream().map(Member::process).toList();
    }

    /** Asks every member to quit, waits for each (killing one that does not stop in time) and its output. */
    @Override
    public void close() {
        for (Member member : members) {
            try (OutputStream stdin = member.process().getOutputStream()) {
                stdin.write("quit\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // already gone: its stdin is closed
            }
        }
        boolean interrupted = false;
        for (Member member : members) {
            try {
                if (!member.process().waitFor(QUIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
                    member.process().destroyForcibly().waitFor();
                }
                member.output().join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                interrupted = true;
                member.process().destroyForcibly();
            }
        }
        members.clear();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
