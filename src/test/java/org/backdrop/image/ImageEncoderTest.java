package org.backdrop.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encoding, checked by decoding with javax.imageio as an independent reader. */
class ImageEncoderTest {

    /** A 3x2 image with distinct channels in every pixel, so that swapped channels or rows show. */
    private static final RgbImage IMAGE = new RgbImage(3, 2, new byte[] {
        10, 20, 30, 40, 50, 60, 70, 80, 90,
        (byte) 200, 1, 2, 3, (byte) 250, 4, 5, 6, (byte) 255,
    });

    @TempDir
    Path folder;

    @Test
    void encodePngRoundTripsExactly() throws Exception {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(ImageEncoder.encodePng(IMAGE)));

        assertEquals(3, decoded.getWidth());
        assertEquals(2, decoded.getHeight());
        assertEquals(0x0A141E, decoded.getRGB(0, 0) & 0xFFFFFF);
        assertEquals(0xC80102, decoded.getRGB(0, 1) & 0xFFFFFF);
        assertEquals(0x0506FF, decoded.getRGB(2, 1) & 0xFFFFFF);
    }

    @Test
    void encodePngIsDeterministic() {
        assertArrayEquals(ImageEncoder.encodePng(IMAGE), ImageEncoder.encodePng(IMAGE));
    }

    @Test
    void writePngDecodesToSamePixels() throws Exception {
        Path file = folder.resolve("out.png");

        ImageEncoder.writePng(IMAGE, file);

        assertArrayEquals(IMAGE.pixels(), ImageDecoder.decode(file).pixels());
    }

    @Test
    void writeJpegKeepsFlatColour() throws Exception {
        byte[] pixels = new byte[16 * 16 * 3];
        for (int i = 0; i < pixels.length; i += 3) {
            pixels[i] = (byte) 200;
            pixels[i + 1] = 100;
            pixels[i + 2] = 50;
        }
        Path file = folder.resolve("flat.jpg");

        ImageEncoder.writeJpeg(new RgbImage(16, 16, pixels), file, 95);

        int rgb = ImageIO.read(file.toFile()).getRGB(8, 8);
        assertTrue(Math.abs(((rgb >> 16) & 0xFF) - 200) <= 3, "red " + ((rgb >> 16) & 0xFF));
        assertTrue(Math.abs(((rgb >> 8) & 0xFF) - 100) <= 3, "green " + ((rgb >> 8) & 0xFF));
        assertTrue(Math.abs((rgb & 0xFF) - 50) <= 3, "blue " + (rgb & 0xFF));
    }

    @Test
    void writeReplacesExistingFile() throws Exception {
        Path file = folder.resolve("out.png");
        Files.writeString(file, "old content");

        ImageEncoder.writePng(IMAGE, file);

        assertEquals(ImageFormat.PNG, ImageHeader.read(file).format());
    }

    @Test
    void writeLeavesOnlyTarget() throws Exception {
        ImageEncoder.writeJpeg(IMAGE, folder.resolve("a.jpg"), 90);
        ImageEncoder.writePng(IMAGE, folder.resolve("b.png"));

        assertEquals(List.of("a.jpg", "b.png"), fileNames());
    }

    @Test
    void failedRenameLeavesNoTemporaryFile() throws Exception {
        Path occupied = Files.createDirectory(folder.resolve("occupied.png"));
        Files.writeString(occupied.resolve("inside.txt"), "keeps the folder non-empty");

        assertThrows(IOException.class, () -> ImageEncoder.writePng(IMAGE, occupied));

        assertEquals(List.of("occupied.png"), fileNames());
    }

    @Test
    void missingFolderIsReported() {
        Path file = folder.resolve("absent").resolve("out.png");

        NoSuchFileException error = assertThrows(NoSuchFileException.class, () -> ImageEncoder.writePng(IMAGE, file));

        assertTrue(error.getMessage().contains("absent"), error.getMessage());
    }

    @Test
    void jpegQualityAbove100Rejected() {
        assertThrows(IllegalArgumentException.class, () -> ImageEncoder.writeJpeg(IMAGE, folder.resolve("q.jpg"), 101));
    }

    @Test
    void emptyImageRejected() {
        assertThrows(IllegalArgumentException.class, () -> ImageEncoder.encodePng(new RgbImage(0, 0, new byte[0])));
    }

    private List<String> fileNames() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(path -> path.getFileName().toString()).sorted().toList();
        }
    }
}
