package dev.fusebox.console.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where the dynamic linker looks: {@code LD_LIBRARY_PATH}, {@code /etc/ld.so.conf.d}, the usual
 * folders; and the {@code /etc/os-release} facts that name the right packages.
 *
 * <p>Thread-safety: stateless.
 */
final class LinkerPaths {

    private LinkerPaths() {
    }

    static List<Path> of(Map<String, String> env) {
        Set<Path> dirs = new LinkedHashSet<>(split(env.getOrDefault("LD_LIBRARY_PATH", "")));
        dirs.addAll(configured(Path.of("/etc/ld.so.conf.d")));
        for (String dir : List.of("/lib", "/usr/lib", "/lib64", "/usr/lib64", "/lib/x86_64-linux-gnu",
                "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu")) {
            dirs.add(Path.of(dir));
        }
        return List.copyOf(dirs);
    }

    static List<Path> split(String pathList) {
        return Stream.of(pathList.split(":")).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    /** The folders named in {@code *.conf} files of {@code dir} (the lines that start with '/'). */
    static List<Path> configured(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> found = new ArrayList<>();
            for (Path conf : files.filter(f -> f.toString().endsWith(".conf")).sorted().toList()) {
                for (String line : Files.readAllLines(conf)) {
                    if (line.strip().startsWith("/")) {
                        found.add(Path.of(line.strip()));
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dynamic linker's folders in " + dir, e);
        }
    }

    /** {@code KEY=value} lines of an os-release file, quotes removed; empty when it is absent. */
    static Map<String, String> osRelease(Path file) {
        if (!Files.isReadable(file)) {
            return Map.of();
        }
        try {
            Map<String, String> values = new HashMap<>();
            for (String line : Files.readAllLines(file)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip().replace("\"", ""));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
