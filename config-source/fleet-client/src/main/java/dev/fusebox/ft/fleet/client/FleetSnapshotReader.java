package dev.fusebox.ft.fleet.client;

import dev.fusebox.ft.management.OverridesFormat;
import dev.fusebox.ft.management.fleet.FleetForcing;
import dev.fusebox.ft.management.fleet.FleetLayout;
import dev.fusebox.ft.management.fleet.FleetMember;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.curator.framework.recipes.cache.ChildData;

/**
 * Turns the nodes under {@code <root>/apps} (as a cache holds them) into a {@link FleetSnapshot}:
 * members from {@code instances/<id>}, forcings from {@code forced/<target>}, the text of
 * {@code overrides}; {@code resets} and anything else are not part of a view. A node that does not
 * parse, or a member that names another application or instance than its path, is skipped and
 * listed in the snapshot's problems with its path and the parser's message, sorted by path (after
 * the login's read problem, when it has one).
 * Parsing is remembered per path and node version ({@code mzxid}), so a snapshot after one member
 * changed parses one node, not all of them.
 * Thread-safety: thread-safe (the memo is a concurrent map of immutable values; a race parses a
 * node twice, harmlessly).
 */
final class FleetSnapshotReader {

    /** One node's parse: its value, or why it was refused. */
    private record Parsed(long mzxid, Object value, String problem) {
    }

    private final String applications;
    private final Map<String, Parsed> memo = new ConcurrentHashMap<>();

    FleetSnapshotReader(FleetLayout layout) {
        this.applications = layout.applications();
    }

    /** @param readProblem why the login may not read the fleet, or null: listed first */
    FleetSnapshot read(boolean connected, String connection, String readProblem, Iterable<ChildData> nodes) {
        Map<String, List<FleetMember>> members = new TreeMap<>();
        Map<String, Map<String, FleetForcing>> forced = new TreeMap<>();
        Map<String, String> overrides = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ChildData node : nodes) {
            String path = node.getPath();
            seen.add(path);
            if (!path.startsWith(applications + "/")) {
                continue;
            }
            String[] parts = path.substring(applications.length() + 1).split("/");
            String application;
            try {
                application = FleetLayout.raw(parts[0]);
            } catch (IllegalArgumentException badName) {
                problems.add(path + ": " + badName.getMessage());
                continue;
            }
            members.computeIfAbsent(application, a -> new ArrayList<>());
            forced.computeIfAbsent(application, a -> new TreeMap<>());
            if (parts.length == 2 && parts[1].equals("overrides")) {
                Parsed text = parse(node, () -> overridesText(node.getData(), application));
                add(text, path, problems, value -> overrides.put(application, (String) value));
            } else if (parts.length == 3 && parts[1].equals("instances")) {
                Parsed member = parse(node, () -> member(node.getData(), application, parts[2]));
                add(member, path, problems, value -> members.get(application).add((FleetMember) value));
            } else if (parts.length == 3 && parts[1].equals("forced")) {
                Parsed forcing = parse(node, () -> FleetForcing.parse(node.getData(), FleetLayout.raw(parts[2])));
                add(forcing, path, problems,
                        value -> forced.get(application).put(FleetLayout.raw(parts[2]), (FleetForcing) value));
            }
        }
        memo.keySet().retainAll(seen);
        problems.sort(null); // by path: the cache's order is not stable
        if (readProblem != null) {
            problems.add(0, readProblem);
        }
        Map<String, FleetApplication> result = new TreeMap<>();
        members.forEach((name, list) -> result.put(name, new FleetApplication(name, list, forced.get(name),
                overrides.getOrDefault(name, ""))));
        return new FleetSnapshot(connected, connection, result, problems);
    }

    private interface Parser {
        Object parse();
    }

    private Parsed parse(ChildData node, Parser parser) {
        long mzxid = node.getStat() == null ? -1 : node.getStat().getMzxid();
        Parsed known = memo.get(node.getPath());
        if (known != null && known.mzxid() == mzxid && mzxid != -1) {
            return known;
        }
        Parsed parsed;
        try {
            parsed = new Parsed(mzxid, parser.parse(), null);
        } catch (IllegalArgumentException refused) {
            parsed = new Parsed(mzxid, null, refused.getMessage());
        }
        memo.put(node.getPath(), parsed);
        return parsed;
    }

    private static void add(Parsed parsed, String path, List<String> problems, Consumer<Object> to) {
        if (parsed.problem() != null) {
            problems.add(path + ": " + parsed.problem());
        } else {
            to.accept(parsed.value());
        }
    }

    private static FleetMember member(byte[] data, String application, String node) {
        String instanceId = FleetLayout.raw(node);
        FleetMember member = FleetMember.parse(data, instanceId);
        if (!member.application().equals(application) || !member.instanceId().equals(instanceId)) {
            throw new IllegalArgumentException("the fleet member names application '" + member.application()
                    + "' and instance '" + member.instanceId() + "', not those of its path");
        }
        return member;
    }

    private static String overridesText(byte[] data, String application) {
        if (data == null || data.length == 0) {
            return "";
        }
        if (data.length > FleetOverridesEdit.MAX_BYTES) {
            throw new IllegalArgumentException("the fleet overrides of " + application + " are " + data.length
                    + " bytes, more than the limit of " + FleetOverridesEdit.MAX_BYTES);
        }
        OverridesFormat.Parsed parsed = OverridesFormat.parse(data);
        if (parsed.corrupt()) {
            throw new IllegalArgumentException("the fleet overrides of " + application + ": " + parsed.problem());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException checkedAbove) {
            throw new IllegalArgumentException("the fleet overrides of " + application + " are not UTF-8");
        }
    }
}
