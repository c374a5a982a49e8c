package org.backdrop.ui.image;

import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.image.ImageEncoder;
import org.backdrop.image.RgbImage;

/** Saves what a node shows, such as a chart, as a PNG file. */
public final class NodeSnapshots {

    private NodeSnapshots() {}

    /**
     * Renders {@code node} on a white background and writes it to {@code file} as an RGB PNG; call on
     * the JavaFX thread.
     *
     * @throws IOException if the file cannot be written
     */
    public static void writePng(Node node, Path file) throws IOException {
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.WHITE);
        WritableImage image = node.snapshot(parameters, null);
        AtomicFiles.write(file, ImageEncoder.encodePng(toRgb(image)));
    }

    /** Returns the pixels of {@code image} as the core's RGB image; transparency is dropped. */
    public static RgbImage toRgb(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        PixelReader reader = image.getPixelReader();
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = reader.getArgb(x, y);
                int offset = (y * width + x) * 3;
                pixels[offset] = (byte) (argb >> 16);
                pixels[offset + 1] = (byte) (argb >> 8);
                pixels[offset + 2] = (byte) argb;
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
