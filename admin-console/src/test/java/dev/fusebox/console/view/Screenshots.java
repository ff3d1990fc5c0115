package dev.fusebox.console.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javax.imageio.ImageIO;

/** Writes a JavaFX snapshot as PNG through the PixelReader and javax.imageio (no javafx-swing needed). */
final class Screenshots {

    private Screenshots() {
    }

    /** The folder from {@code fusebox.console.screenshots} (surefire sets target/screenshots). */
    static Path folder() {
        return Path.of(System.getProperty("fusebox.console.screenshots", "target/screenshots"));
    }

    static Path write(Image image, String name) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage png = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                png.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        Files.createDirectories(folder());
        Path file = folder().resolve(name);
        ImageIO.write(png, "png", file.toFile());
        return file;
    }
}
