package org.backdrop.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small images for tests that need an image file of a known size. */
public final class TestImages {

    private TestImages() {}

    /** Writes a black RGB PNG of {@code width x height} to {@code file}, creating its folders. */
    public static Path writePng(Path file, int width, int height) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR), "png", file.toFile());
        return file;
    }
}
