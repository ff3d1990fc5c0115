package dev.fusebox.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check of what JavaFX needs, on machines that lack it: the library folders, environment and
 * {@code /etc/os-release} are given, so each case is a folder with or without the libraries.
 */
class DesktopPrerequisitesTest {

    private static final Map<String, String> DEBIAN_12 = Map.of("ID", "debian", "VERSION_ID", "12");
    private static final Map<String, String> UBUNTU_2404 = Map.of("ID", "ubuntu", "ID_LIKE", "debian",
            "VERSION_ID", "24.04");

    @TempDir
    Path libs;

    @Test
    void aLinuxDesktopWithGtkXtstAndADisplayNeedsNothing() throws IOException {
        install("libgtk-3.so.0", "libgdk-3.so.0", "libXtst.so.6");
        assertThat(linux(Map.of("DISPLAY", ":0"), DEBIAN_12).missing()).isEmpty();
    }

    @Test
    void withoutGtkItNamesTheDebianPackageAndNothingElse() throws IOException {
        install("libXtst.so.6");
        List<String> lines = linux(Map.of("DISPLAY", ":0"), DEBIAN_12).missing();
        assertThat(lines).containsExactly(
                "Fusebox console cannot start: no GTK 3 (libgtk-3.so.0 not found), which JavaFX 21 needs on Linux.",
                "Install once: sudo apt-get install libgtk-3-0");
    }

    @Test
    void onUbuntu2404GtkIsTheT64PackageAndLibXtstIsAskedForToo() {
        List<String> lines = linux(Map.of("DISPLAY", ":1"), UBUNTU_2404).missing();
        assertThat(lines.get(0)).contains("no GTK 3 (libgtk-3.so.0 not found) and no libXtst (libXtst.so.6 not found)");
        assertThat(lines.get(1)).isEqualTo("Install once: sudo apt-get install libgtk-3-0t64 libxtst6");
    }

    @Test
    void withoutADisplayItSaysSoAndOffersXvfb() throws IOException {
        install("libgtk-3.so.0", "libgdk-3.so.0", "libXtst.so.6");
        List<String> lines = linux(Map.of(), DEBIAN_12).missing();
        assertThat(lines).containsExactly(
                "Fusebox console cannot start: no display (DISPLAY is not set), which JavaFX 21 needs on Linux;"
                        + " run it in a desktop session or over ssh -X.",
                "Install once: sudo apt-get install xvfb   (no desktop: put xvfb-run -a in front of the command)");
    }

    @Test
    void waylandWithoutXWaylandIsNamed() throws IOException {
        install("libgtk-3.so.0", "libgdk-3.so.0", "libXtst.so.6");
        assertThat(linux(Map.of("WAYLAND_DISPLAY", "wayland-0"), DEBIAN_12).missing().get(0))
                .contains("no X display (DISPLAY is not set; on Wayland JavaFX 21 draws through XWayland)");
    }

    @Test
    void anotherDistributionGetsTheDebianAndTheFedoraNames() {
        List<String> lines = linux(Map.of("DISPLAY", ":0"), Map.of("ID", "fedora", "VERSION_ID", "41")).missing();
        assertThat(lines.get(1)).isEqualTo("Install once (Debian/Ubuntu): sudo apt-get install libgtk-3-0 libxtst6"
                + " (libgtk-3-0t64 on Ubuntu 24.04+/Debian 13); Fedora: sudo dnf install gtk3 libXtst");
    }

    @Test
    void macOsWindowsAndMonocleNeedNothingOfThis() {
        Map<String, String> noDisplay = Map.of();
        assertThat(new DesktopPrerequisites("Mac OS X", noDisplay, List.of(libs), Map.of(), null).missing()).isEmpty();
        assertThat(new DesktopPrerequisites("Windows 11", noDisplay, List.of(libs), Map.of(), null).missing()).isEmpty();
        assertThat(new DesktopPrerequisites("Linux", noDisplay, List.of(libs), DEBIAN_12, "Monocle").missing()).isEmpty();
    }

    @Test
    void theLinkersFoldersComeFromLdLibraryPathAndLdSoConfD(@TempDir Path conf) throws IOException {
        Files.writeString(conf.resolve("x86_64-linux-gnu.conf"), "# Multiarch support\n/usr/lib/x86_64-linux-gnu\n");
        Files.writeString(conf.resolve("README"), "/not/a/conf/file\n");
        assertThat(LinkerPaths.configured(conf)).containsExactly(Path.of("/usr/lib/x86_64-linux-gnu"));
        assertThat(LinkerPaths.of(Map.of("LD_LIBRARY_PATH", "/opt/gtk/lib:")).get(0)).isEqualTo(Path.of("/opt/gtk/lib"));
    }

    private DesktopPrerequisites linux(Map<String, String> env, Map<String, String> osRelease) {
        return new DesktopPrerequisites("Linux", env, List.of(libs), osRelease, null);
    }

    private void install(String... names) throws IOException {
        for (String name : names) {
            Files.createFile(libs.resolve(name));
        }
    }
}
