package dev.fusebox.samples.chaos.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an experiment file: UTF-8 lines of {@code key = value}, blank lines and whole-line
 * {@code #} comments; {@code fault} and {@code abort} may repeat, every other key appears at most
 * once. The keys, their values and their bounds are listed in docs/chaos.md. Everything is bounded:
 * the file's size and lines, each value's length and range, the number of fault steps and abort
 * rules. A mistake fails with an {@link ExperimentFileException} naming the file, the line and what
 * was expected. Stateless; thread-safe.
 */
public final class ExperimentParser {

    public static final int MAX_BYTES = 64 * 1024;
    public static final int MAX_LINES = 500;
    public static final int MAX_LINE_CHARS = 1000;
    public static final int MAX_FAULTS = 10;
    public static final int MAX_ABORTS = 10;
    static final int MAX_SECONDS = 900;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern REQUEST = Pattern.compile("(GET|POST) /[\\x21-\\x7e]*");
    private static final Pattern BREAKER = Pattern.compile("[A-Za-z_$][\\w$.]*#[A-Za-z_$][\\w$]*(\\([\\w$.,\\[\\] ]*\\))?");
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");
    private static final List<String> REPEATED = List.of("fault", "abort");
    private static final List<String> SINGLE = List.of("name", "hypothesis", "load.request", "load.rate",
            "load.warmup", "load.duration", "steady.duration", "steady.errors.max", "steady.p99.max",
            "steady.degraded.max", "detect.breaker", "expect.detect.within", "expect.fault.errors.max",
            "expect.fault.p99.max", "expect.fault.degraded.max", "expect.mitigate.within", "expect.recover.within",
            "mitigate.stable", "recover.stable");
    private static final List<String> REQUIRED = List.of("name", "hypothesis", "load.request", "load.rate",
            "load.duration", "steady.duration", "steady.errors.max", "steady.p99.max", "detect.breaker");

    private ExperimentParser() {
    }

    /** Reads {@code file}, refusing one larger than {@value #MAX_BYTES} bytes before reading it. */
    public static Experiment parse(Path file) throws IOException {
        String source = String.valueOf(file.getFileName());
        long size = Files.size(file);
        if (size > MAX_BYTES) {
            throw new ExperimentFileException(source, 0, "the file has " + size + " bytes; at most " + MAX_BYTES);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            return parse(source, text);
        } catch (CharacterCodingException e) {
            throw new ExperimentFileException(source, 0, "not UTF-8 text: " + e.getMessage());
        }
    }

    /** Reads the text of an experiment file; {@code source} names it in messages. */
    public static Experiment parse(String source, String text) {
        if (text.length() > MAX_BYTES) {
            throw new ExperimentFileException(source, 0, "the text has " + text.length() + " characters; at most "
                    + MAX_BYTES);
        }
        String[] lines = text.split("\r?\n", -1);
        if (lines.length > MAX_LINES) {
            throw new ExperimentFileException(source, 0, "the file has " + lines.length + " lines; at most " + MAX_LINES);
        }
        Map<String, Entry> single = new HashMap<>();
        List<Entry> faults = new ArrayList<>();
        List<Entry> aborts = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Entry entry = entry(source, i + 1, lines[i]);
            if (entry == null) {
                continue;
            }
            if (entry.key.equals("fault")) {
                add(faults, entry, MAX_FAULTS, "fault steps");
            } else if (entry.key.equals("abort")) {
                add(aborts, entry, MAX_ABORTS, "abort rules");
            } else {
                Entry first = single.putIfAbsent(entry.key, entry);
                if (first != null) {
                    throw entry.reader().error("given twice (first on line " + first.line + ")");
                }
            }
        }
        for (String key : REQUIRED) {
            if (!single.containsKey(key)) {
                throw new ExperimentFileException(source, 0, "missing " + key + " (required; see docs/chaos.md)");
            }
        }
        if (!single.containsKey("expect.detect.within") && !single.containsKey("expect.mitigate.within")
                && !single.containsKey("expect.recover.within")) {
            throw new ExperimentFileException(source, 0, "no claim to check; give expect.detect.within,"
                    + " expect.mitigate.within or expect.recover.within");
        }
        if (faults.isEmpty()) {
            throw new ExperimentFileException(source, 0, "no fault step; add e.g. fault = at 20s for 20s payments outage");
        }
        return new Assembly(source, single).experiment(faults, aborts);
    }

    private static void add(List<Entry> entries, Entry entry, int max, String what) {
        if (entries.size() == max) {
            throw entry.reader().error("more than " + max + " " + what);
        }
        entries.add(entry);
    }

    /** One {@code key = value} line, or null for a blank or comment line. */
    private static Entry entry(String source, int line, String raw) {
        if (raw.length() > MAX_LINE_CHARS) {
            throw new ExperimentFileException(source, line, "the line has " + raw.length() + " characters; at most "
                    + MAX_LINE_CHARS);
        }
        String text = raw.strip();
        if (text.isEmpty() || text.startsWith("#")) {
            return null;
        }
        int equals = text.indexOf('=');
        if (equals < 0) {
            throw new ExperimentFileException(source, line, "expected key = value, e.g. load.rate = 30/s; was '"
                    + text + "'");
        }
        String key = text.substring(0, equals).strip().toLowerCase(Locale.ROOT);
        String value = text.substring(equals + 1).strip();
        if (!SINGLE.contains(key) && !REPEATED.contains(key)) {
            throw new ExperimentFileException(source, line, "unknown key '" + key + "'; the keys are "
                    + String.join(", ", SINGLE) + ", fault, abort");
        }
        if (value.isEmpty()) {
            throw new ExperimentFileException(source, line, key + ": no value");
        }
        return new Entry(source, line, key, value);
    }

    /** A line's key and value. */
    record Entry(String source, int line, String key, String value) {
        ValueReader reader() {
            return new ValueReader(source, line, key);
        }
    }

    /** Turns the entries into an experiment, checking what spans lines. */
    private record Assembly(String source, Map<String, Entry> single) {

        Experiment experiment(List<Entry> faultEntries, List<Entry> abortEntries) {
            String name = read("name").text(value("name"), NAME, 64, "a name of a-z, 0-9 and -, e.g. payments-outage");
            String hypothesis = read("hypothesis").text(value("hypothesis"), PRINTABLE, 500, "one line of text");
            String request = read("load.request").text(value("load.request"), REQUEST, 200,
                    "a request line, GET or POST then the path, e.g. POST /checkout/kettle?cents=2599");
            int space = request.indexOf(' ');
            int duration = read("load.duration").seconds(value("load.duration"), 5, MAX_SECONDS);
            Load load = new Load(request.substring(0, space), request.substring(space + 1),
                    read("load.rate").rate(value("load.rate"), 1, 500),
                    optional("load.warmup").map(e -> e.reader().seconds(e.value(), 0, 120)).orElse(0), duration);
            int steadySeconds = read("steady.duration").seconds(value("steady.duration"), 1, 300);
            Thresholds steady = new Thresholds(read("steady.errors.max").share(value("steady.errors.max")),
                    read("steady.p99.max").millis(value("steady.p99.max"), 1, 600_000),
                    optional("steady.degraded.max").map(e -> e.reader().share(e.value())).orElse(1.0));
            Expectations expect = expectations();
            List<FaultStep> faults = new ArrayList<>();
            for (Entry entry : faultEntries) {
                faults.add(checked(ScheduleLine.fault(entry), faults, steadySeconds, duration, expect));
            }
            faults.sort((a, b) -> Integer.compare(a.atSecond(), b.atSecond()));
            List<AbortRule> aborts = abortEntries.stream().map(ScheduleLine::abort).toList();
            String breaker = read("detect.breaker").text(value("detect.breaker"), BREAKER, 300,
                    "a breaker's name, <bean class>#<method>, e.g. dev.fusebox.samples.web.PaymentsClient#charge");
            return new Experiment(name, hypothesis, load, steadySeconds, steady, faults, aborts, breaker, expect);
        }

        private Expectations expectations() {
            Optional<Duration> detect = within("expect.detect.within");
            Optional<Thresholds> during = Optional.empty();
            if (single.containsKey("expect.fault.errors.max") || single.containsKey("expect.fault.p99.max")
                    || single.containsKey("expect.fault.degraded.max")) {
                during = Optional.of(new Thresholds(
                        optional("expect.fault.errors.max").map(e -> e.reader().share(e.value())).orElse(1.0),
                        optional("expect.fault.p99.max").map(e -> (double) e.reader().millis(e.value(), 1, 600_000))
                                .orElse(Double.POSITIVE_INFINITY),
                        optional("expect.fault.degraded.max").map(e -> e.reader().share(e.value())).orElse(1.0)));
            }
            Optional<Duration> mitigate = within("expect.mitigate.within");
            if (mitigate.isPresent() && during.isEmpty()) {
                throw read("expect.mitigate.within").error("needs the limits that count as mitigated: give"
                        + " expect.fault.errors.max, expect.fault.p99.max or expect.fault.degraded.max");
            }
            return new Expectations(detect, during, mitigate, within("expect.recover.within"),
                    optional("mitigate.stable").map(e -> e.reader().seconds(e.value(), 1, 60))
                            .orElse(Expectations.DEFAULT_MITIGATE_STABLE_SECONDS),
                    optional("recover.stable").map(e -> e.reader().seconds(e.value(), 1, 60))
                            .orElse(Expectations.DEFAULT_RECOVER_STABLE_SECONDS));
        }

        private FaultStep checked(FaultStep step, List<FaultStep> earlier, int steadySeconds, int duration,
                                  Expectations expect) {
            ValueReader reader = new ValueReader(source, step.line(), "fault");
            if (step.atSecond() < steadySeconds) {
                throw reader.error("starts at " + step.atSecond() + "s, inside the steady-state check (the first "
                        + steadySeconds + "s); start it at " + steadySeconds + "s or later");
            }
            int room = expect.recoverStableSeconds();
            if (step.endSecond() + room > duration) {
                throw reader.error("ends at " + step.endSecond() + "s, which leaves less than recover.stable ("
                        + room + "s) of the load (load.duration " + duration + "s) to see the shop recover");
            }
            for (FaultStep other : earlier) {
                if (other.dependency().equals(step.dependency()) && other.kind() == step.kind()
                        && other.atSecond() < step.endSecond() && step.atSecond() < other.endSecond()) {
                    throw reader.error("overlaps the " + other.describe() + " of line " + other.line()
                            + "; one fault of a kind per dependency at a time");
                }
            }
            return step;
        }

        private Optional<Duration> within(String key) {
            return optional(key).map(e -> Duration.ofMillis(e.reader().millis(e.value(), 0, 3_600_000)));
        }

        private Optional<Entry> optional(String key) {
            return Optional.ofNullable(single.get(key));
        }

        private String value(String key) {
            return single.get(key).value();
        }

        private ValueReader read(String key) {
            return single.get(key).reader();
        }
    }
}
