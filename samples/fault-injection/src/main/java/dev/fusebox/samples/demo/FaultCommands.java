package dev.fusebox.samples.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The demo's commands, typed on stdin while it runs, and the {@code --fault} flags given at start
 * (turned into the same commands). Every command answers with a text to print. Thread-safe.
 *
 * <pre>
 * &lt;dependency&gt; outage on|off      every call fails at once (ConnectException)
 * &lt;dependency&gt; hang on|off        calls block until lifted or timed out
 * &lt;dependency&gt; errors &lt;0..1|N%&gt;   share of calls failing with IOException
 * &lt;dependency&gt; latency &lt;ms&gt;       latency added to every call (jitter +-20%)
 * &lt;dependency&gt; slow &lt;share&gt; &lt;ms&gt;  a share of calls slower by ms (a heavy tail)
 * &lt;dependency&gt; heal               remove its faults;  heal all | heal &lt;dependency&gt;
 * status | help | quit
 * </pre>
 * {@code <dependency>} is inventory, payments, recommendations or all.
 */
public final class FaultCommands {

    /**
     * What a command did.
     *
     * @param text what to print
     * @param quit whether the demo should stop
     * @param ok false when the command was not understood or refused
     */
    public record Reply(String text, boolean quit, boolean ok) {

        static Reply done(String text) {
            return new Reply(text, false, true);
        }

        static Reply refused(String text) {
            return new Reply(text + " (type help)", false, false);
        }
    }

    public static final String HELP = String.join(System.lineSeparator(),
            "commands (dependency: inventory, payments, recommendations or all):",
            "  <dependency> outage on|off     every call fails at once with ConnectException",
            "  <dependency> hang on|off       calls block until the hang is lifted or the caller times out",
            "  <dependency> errors <rate>     share of calls failing with IOException: 0.3 or 30%",
            "  <dependency> latency <ms>      added to every call, +-20% jitter; 0 removes it",
            "  <dependency> slow <share> <ms> a share of calls (0.03 or 3%) slower by ms: a heavy tail",
            "  <dependency> heal | heal all   remove the faults (releases hung calls)",
            "  status                         faults, breaker states, addresses",
            "  help | quit");

    private final Dependencies dependencies;
    private final Supplier<String> status;

    /** @param status the rest of the {@code status} answer: breaker states, addresses */
    public FaultCommands(Dependencies dependencies, Supplier<String> status) {
        this.dependencies = dependencies;
        this.status = status;
    }

    /**
     * Turns a {@code --fault} value into a command: {@code payments=outage}, {@code x=hang},
     * {@code inventory=errors:0.3}, {@code recommendations=latency:800}, {@code x=heal}.
     *
     * @throws IllegalArgumentException naming the flag when it has no {@code =}
     */
    public static String commandOfFlag(String flag) {
        int equals = flag.indexOf('=');
        if (equals <= 0 || equals == flag.length() - 1) {
            throw new IllegalArgumentException("--fault needs <dependency>=<fault>, e.g. payments=outage,"
                    + " inventory=errors:0.3, recommendations=latency:800, payments=hang; was '" + flag + "'");
        }
        String dependency = flag.substring(0, equals).trim();
        String[] fault = flag.substring(equals + 1).trim().split(":", 2);
        String kind = fault[0].trim().toLowerCase(Locale.ROOT);
        if (fault.length == 2) {
            return dependency + " " + kind + " " + fault[1].trim();
        }
        return dependency + " " + kind + (kind.equals("outage") || kind.equals("hang") ? " on" : "");
    }

    /** Runs one command line; blank lines answer with an empty text. */
    public Reply execute(String line) {
        String[] words = line.trim().toLowerCase(Locale.ROOT).split("\\s+");
        if (words[0].isEmpty()) {
            return Reply.done("");
        }
        switch (words[0]) {
            case "help":
            case "?":
                return Reply.done(HELP);
            case "quit":
            case "exit":
                return new Reply("stopping", true, true);
            case "status":
                return Reply.done(status());
            case "heal":
                return words.length == 2 ? act(words[1], new String[] {words[1], "heal"})
                        : Reply.refused("heal what? heal all, or heal <dependency>");
            default:
                return act(words[0], words);
        }
    }

    private Reply act(String target, String[] words) {
        List<FaultInjector> injectors = new ArrayList<>();
        if (target.equals("all")) {
            injectors.addAll(dependencies.all());
        } else if (dependencies.named(target).isPresent()) {
            injectors.add(dependencies.named(target).get());
        } else {
            return Reply.refused("unknown command or dependency '" + target + "'; dependencies: "
                    + String.join(", ", dependencies.names()));
        }
        if (words.length < 2) {
            return Reply.refused("what about " + target + "? e.g. " + target + " outage on");
        }
        String action = words[1];
        String argument = words.length > 2 ? words[2] : null;
        try {
            switch (action) {
                case "outage":
                    boolean outage = onOff(argument);
                    injectors.forEach(i -> i.setOutage(outage));
                    break;
                case "hang":
                    boolean hang = onOff(argument);
                    injectors.forEach(i -> i.setHang(hang));
                    break;
                case "errors":
                case "error":
                    double rate = rate(argument);
                    injectors.forEach(i -> i.setErrorRate(rate));
                    break;
                case "latency":
                    long millis = millis(argument);
                    injectors.forEach(i -> i.setLatencyMillis(millis));
                    break;
                case "slow":
                    double share = rate(argument);
                    long slower = millis(words.length > 3 ? words[3] : null);
                    injectors.forEach(i -> {
                        i.setSlowMillis(slower);
                        i.setSlowShare(share);
                    });
                    break;
                case "heal":
                    injectors.forEach(FaultInjector::heal);
                    break;
                default:
                    return Reply.refused("unknown fault '" + action + "': outage, hang, errors, latency, slow or heal");
            }
        } catch (IllegalArgumentException e) {
            return Reply.refused(e.getMessage());
        }
        StringBuilder text = new StringBuilder();
        for (FaultInjector injector : injectors) {
            text.append(text.length() == 0 ? "" : System.lineSeparator())
                    .append(String.format("%-16s %s", injector.getDependency(), injector.getStatus()));
        }
        return Reply.done(text.toString());
    }

    private String status() {
        StringBuilder text = new StringBuilder("faults:");
        for (FaultInjector injector : dependencies.all()) {
            text.append(System.lineSeparator()).append(String.format("  %-16s %-28s calls %d, injected failures %d",
                    injector.getDependency(), injector.getStatus(), injector.getCalls(), injector.getInjectedFailures()));
        }
        String more = status.get();
        return more.isEmpty() ? text.toString() : text + System.lineSeparator() + more;
    }

    private static boolean onOff(String word) {
        if (word == null || word.equals("on") || word.equals("true")) {
            return true;
        }
        if (word.equals("off") || word.equals("false")) {
            return false;
        }
        throw new IllegalArgumentException("on or off, not '" + word + "'");
    }

    private static double rate(String word) {
        if (word == null) {
            throw new IllegalArgumentException("errors needs a rate: 0.3 or 30%");
        }
        try {
            return word.endsWith("%") ? Double.parseDouble(word.substring(0, word.length() - 1)) / 100
                    : Double.parseDouble(word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a rate: '" + word + "' (0.3 or 30%)");
        }
    }

    private static long millis(String word) {
        if (word == null) {
            throw new IllegalArgumentException("latency needs milliseconds, e.g. latency 800");
        }
        try {
            return Long.parseLong(word.endsWith("ms") ? word.substring(0, word.length() - 2) : word);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number of milliseconds: '" + word + "'");
        }
    }
}
