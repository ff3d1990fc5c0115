package dev.fusebox.console.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** Writes a JavaFX snapshot as PNG through the PixelReader and javax.imageio (no javafx-swing needed). */
public final class Screenshots {

    private Screenshots() {
    }

    /** The folder from {@code fusebox.console.screenshots} (surefire sets target/screenshots). */
    public static Path folder() {
        return Path.of(System.getProperty("fusebox.console.screenshots", "target/screenshots"));
    }

    /**
     * The folder named by {@code -Dconsole.screenshots.dir=...} (relative to the module), e.g.
     * {@code ../docs/images}, or none.
     */
    public static List<Path> extraFolders() {
        String dir = System.getProperty("console.screenshots.dir", "");
        return dir.isBlank() ? List.of() : List.of(Path.of(dir));
    }

    /** Writes {@code name} to {@link #folder()}; returns that file. */
    public static Path write(Image image, String name) throws IOException {
        return write(image, name, List.of()).get(0);
    }

    /** Writes {@code name} to {@link #folder()} and to each of {@code more}; returns the files. */
    public static List<Path> write(Image image, String name, List<Path> more) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        List<Path> folders = new ArrayList<>(List.of(folder()));
        folders.addAll(more);
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            Files.createDirectories(folder);
            Path file = folder.resolve(name);
            ImageIO.write(png, "png", file.toFile());
            files.add(file);
        }
        return files;
    }
}
