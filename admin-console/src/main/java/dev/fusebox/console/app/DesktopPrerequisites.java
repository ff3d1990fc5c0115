package dev.fusebox.console.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What JavaFX 21's desktop toolkit needs before it can open a window, checked before JavaFX is
 * touched, so that a machine without it gets one line saying what to install (and a second with
 * the command) instead of JavaFX's stack traces.
 *
 * <p>On Linux JavaFX's window system (glass) loads {@code libglassgtk3.so}, whose libraries are
 * GTK 3 ({@code libgtk-3.so.0}, {@code libgdk-3.so.0}, which pull pango, cairo, glib, X11,
 * fontconfig and freetype with them) and {@code libXtst.so.6} (not a GTK dependency), and it opens
 * an X11 display ({@code DISPLAY}; on Wayland that is XWayland's). OpenGL is not needed: without
 * it JavaFX draws in software. On macOS and Windows JavaFX brings everything it needs. Under
 * Monocle ({@code glass.platform=Monocle}, the tests) nothing is needed.
 *
 * <p>Every input is given (operating system, environment, the folders the dynamic linker
 * searches, {@code /etc/os-release}), so a test can check a machine that lacks what is asked.
 *
 * <p>Thread-safety: immutable.
 */
public final class DesktopPrerequisites {

    /** Exit status of the launcher when something is missing. */
    public static final int EXIT_MISSING = 3;

    /** System property: folders to look for the libraries in, instead of the dynamic linker's. */
    public static final String LIBRARY_DIRS = "fusebox.console.library-dirs";

    private static final List<String> GTK = List.of("libgtk-3.so.0", "libgdk-3.so.0");
    private static final String XTST = "libXtst.so.6";

    private final String osName;
    private final Map<String, String> env;
    private final List<Path> libraryDirs;
    private final Map<String, String> osRelease;
    private final String glassPlatform;

    public DesktopPrerequisites(String osName, Map<String, String> env, List<Path> libraryDirs,
                                Map<String, String> osRelease, String glassPlatform) {
        this.osName = osName;
        this.env = Map.copyOf(env);
        this.libraryDirs = List.copyOf(libraryDirs);
        this.osRelease = Map.copyOf(osRelease);
        this.glassPlatform = glassPlatform;
    }

    /** This machine: {@code os.name}, the environment, the linker's folders (or {@value #LIBRARY_DIRS}). */
    public static DesktopPrerequisites ofThisMachine() {
        String dirs = System.getProperty(LIBRARY_DIRS);
        List<Path> libraryDirs = dirs != null ? LinkerPaths.split(dirs) : LinkerPaths.of(System.getenv());
        return new DesktopPrerequisites(System.getProperty("os.name", ""), System.getenv(), libraryDirs,
                LinkerPaths.osRelease(Path.of("/etc/os-release")), System.getProperty("glass.platform"));
    }

    /**
     * What is missing, as at most two lines: what and why, then how to install it; empty when
     * JavaFX should be able to open a window.
     */
    public List<String> missing() {
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux") || "monocle".equalsIgnoreCase(glassPlatform)) {
            return List.of();
        }
        boolean gtk = GTK.stream().allMatch(this::found);
        boolean xtst = found(XTST);
        String display = env.getOrDefault("DISPLAY", "");
        if (gtk && xtst && !display.isBlank()) {
            return List.of();
        }
        List<String> what = new ArrayList<>();
        if (display.isBlank()) {
            what.add(env.getOrDefault("WAYLAND_DISPLAY", "").isBlank() ? "no display (DISPLAY is not set)"
                    : "no X display (DISPLAY is not set; on Wayland JavaFX 21 draws through XWayland)");
        }
        if (!gtk) {
            what.add("no GTK 3 (libgtk-3.so.0 not found)");
        }
        if (!xtst) {
            what.add("no libXtst (libXtst.so.6 not found)");
        }
        String first = "Fusebox console cannot start: " + String.join(" and ", what)
                + ", which JavaFX 21 needs on Linux" + (display.isBlank()
                ? "; run it in a desktop session or over ssh -X." : ".");
        return List.of(first, installLine(!gtk, !xtst, display.isBlank()));
    }

    private String installLine(boolean gtk, boolean xtst, boolean noDisplay) {
        if (debianLike()) {
            return "Install once: sudo apt-get install " + packages(gtk ? gtkPackage() : null, xtst, noDisplay)
                    + (noDisplay ? "   (no desktop: put xvfb-run -a in front of the command)" : "");
        }
        return "Install once (Debian/Ubuntu): sudo apt-get install " + packages(gtk ? "libgtk-3-0" : null, xtst,
                noDisplay) + (gtk ? " (libgtk-3-0t64 on Ubuntu 24.04+/Debian 13)" : "")
                + "; Fedora: sudo dnf install " + String.join(" ", fedoraPackages(gtk, xtst, noDisplay));
    }

    private static String packages(String gtk, boolean xtst, boolean noDisplay) {
        List<String> names = new ArrayList<>();
        if (gtk != null) {
            names.add(gtk);
        }
        if (xtst) {
            names.add("libxtst6");
        }
        if (noDisplay) {
            // only a machine without a desktop lacks a display; Xvfb is its display
            names.add("xvfb");
        }
        return String.join(" ", names);
    }

    private static List<String> fedoraPackages(boolean gtk, boolean xtst, boolean noDisplay) {
        List<String> names = new ArrayList<>();
        if (gtk) {
            names.add("gtk3");
        }
        if (xtst) {
            names.add("libXtst");
        }
        if (noDisplay) {
            names.add("xorg-x11-server-Xvfb");
        }
        return names;
    }

    private boolean debianLike() {
        String family = osRelease.getOrDefault("ID", "") + " " + osRelease.getOrDefault("ID_LIKE", "");
        return family.contains("debian") || family.contains("ubuntu");
    }

    /** GTK 3's package: renamed {@code libgtk-3-0t64} from Ubuntu 24.04 and Debian 13 (64-bit time). */
    String gtkPackage() {
        String id = osRelease.getOrDefault("ID", "");
        double version;
        try {
            version = Double.parseDouble(osRelease.getOrDefault("VERSION_ID", "0"));
        } catch (NumberFormatException unknown) {
            version = 0;
        }
        boolean t64 = id.equals("ubuntu") ? version >= 24.04 : id.equals("debian") && (version >= 13
                || osRelease.getOrDefault("VERSION_ID", "").isEmpty());
        return t64 ? "libgtk-3-0t64" : "libgtk-3-0";
    }

    private boolean found(String library) {
        return libraryDirs.stream().anyMatch(dir -> Files.exists(dir.resolve(library)));
    }
}
