package dev.fusebox.ft.jmx.overrides;

import dev.fusebox.ft.configsource.OverridesFile;
import dev.fusebox.ft.core.circuitbreaker.CircuitState;
import dev.fusebox.ft.jmx.ForcedStateStore;
import dev.fusebox.ft.jmx.PersistedForcing;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps operators' forcings in the overrides file, so a circuit forced open is still open after a
 * restart until released or expired, and still says when it was forced. One entry per forced
 * breaker:
 * {@code fusebox.forced/<bean class>#<method>=<OPEN|CLOSED>|since=<instant>|<expiry instant or never>|<by>|<reason>}
 * (the reason is last, so it may hold any character but a line break). Entries written before the
 * {@code since} field existed ({@code <OPEN|CLOSED>|<expiry instant or never>|<by>|<reason>}) are
 * still read, and restored as forced at start-up; the next write of that breaker writes the new
 * form. The two cannot be confused: the second field of the old form is {@code never} or an
 * instant, never {@code since=...}. Thread-safe; the {@code ForcedStateWriter} calls
 * {@link #changed} from one thread at a time.
 */
public final class ForcedStatesFile implements ForcedStateStore {

    static final String PREFIX = "fusebox.forced/";
    private static final System.Logger LOG = System.getLogger(ForcedStatesFile.class.getName());

    /**
     * A forcing read back from the file. {@code since} is null for an entry written without it;
     * {@code until} is null when it holds until released. Immutable.
     */
    public record Persisted(CircuitState state, Instant since, Instant until, String by, String reason) {
    }

    private static final String SINCE = "since=";

    private final OverridesFile file;
    private final java.time.Clock clock;

    public ForcedStatesFile(OverridesFile file) {
        this(file, java.time.Clock.systemUTC());
    }

    ForcedStatesFile(OverridesFile file, java.time.Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    @Override
    public void changed(String breaker, PersistedForcing forcing) {
        save(breaker, forcing == null ? null : new Persisted(CircuitState.valueOf(forcing.state()),
                forcing.sinceEpochMillis() == 0 ? null : Instant.ofEpochMilli(forcing.sinceEpochMillis()),
                forcing.untilEpochMillis() == 0 ? null : Instant.ofEpochMilli(forcing.untilEpochMillis()), forcing.by(),
                forcing.reason()));
    }

    @Override
    public Map<String, PersistedForcing> load() {
        Map<String, PersistedForcing> kept = new LinkedHashMap<>();
        load(clock.instant()).forEach((breaker, forcing) -> kept.put(breaker, new PersistedForcing(
                forcing.state().name(), forcing.by(), forcing.reason(),
                forcing.since() == null ? 0 : forcing.since().toEpochMilli(),
                forcing.until() == null ? 0 : forcing.until().toEpochMilli())));
        return kept;
    }

    @Override
    public String toString() {
        return "forced states in " + file.path();
    }

    /** Writes the forcing of {@code breaker}, or removes it when {@code forcing} is null. */
    public void save(String breaker, Persisted forcing) {
        String key = PREFIX + breaker;
        if (forcing == null) {
            if (file.value(key) != null) {
                file.update(Map.of(), List.of(key));
            }
            return;
        }
        String reason = forcing.reason().replace('\n', ' ').replace('\r', ' ').strip();
        String value = forcing.state() + "|" + (forcing.since() == null ? "" : SINCE + forcing.since() + "|")
                + (forcing.until() == null ? "never" : forcing.until()) + "|" + forcing.by().strip() + "|" + reason;
        file.update(Map.of(key, value), List.of());
    }

    /**
     * The forcings in the file that have not run out at {@code now}, by breaker name. A malformed
     * entry is logged and skipped; an expired one is skipped (and left for the next write to drop).
     */
    public Map<String, Persisted> load(Instant now) {
        Map<String, Persisted> found = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : file.values().entrySet()) {
            if (!entry.getKey().startsWith(PREFIX)) {
                continue;
            }
            String breaker = entry.getKey().substring(PREFIX.length());
            Persisted forcing = parse(entry.getValue());
            if (forcing == null) {
                LOG.log(System.Logger.Level.WARNING, "ignoring the forcing of " + breaker + " in " + file.path()
                        + ": expected <OPEN|CLOSED>|since=<instant>|<expiry instant or never>|<by>|<reason>, found '"
                        + entry.getValue() + "'");
            } else if (forcing.until() != null && !forcing.until().isAfter(now)) {
                LOG.log(System.Logger.Level.INFO, "the forcing of " + breaker + " in " + file.path() + " expired at "
                        + forcing.until());
            } else {
                found.put(breaker, forcing);
            }
        }
        return found;
    }

    /** The forcing in an entry's value, in either form (see the class comment); null if malformed. */
    static Persisted parse(String value) {
        String[] first = value.split("\\|", 2);
        Instant since = null;
        String rest = value;
        if (first.length == 2 && first[1].startsWith(SINCE)) {
            String[] sinceAndRest = first[1].split("\\|", 2);
            try {
                since = Instant.parse(sinceAndRest[0].substring(SINCE.length()).strip());
            } catch (DateTimeException e) {
                return null;
            }
            if (sinceAndRest.length != 2) {
                return null;
            }
            rest = first[0] + "|" + sinceAndRest[1];
        }
        String[] parts = rest.split("\\|", 4);
        if (parts.length != 4 || parts[2].isBlank() || parts[3].isBlank()) {
            return null;
        }
        CircuitState state;
        try {
            state = CircuitState.valueOf(parts[0].strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (state == CircuitState.HALF_OPEN) {
            return null;
        }
        Instant until = null;
        if (!parts[1].strip().equals("never")) {
            try {
                until = Instant.parse(parts[1].strip());
            } catch (DateTimeException e) {
                return null;
            }
        }
        return new Persisted(state, since, until, parts[2].strip(), parts[3].strip());
    }
}
