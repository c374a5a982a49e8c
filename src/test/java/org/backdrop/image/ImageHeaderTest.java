package org.backdrop.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.backdrop.image.ImageDecodeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageHeaderTest {

    @TempDir
    Path folder;

    @Test
    void pngSizeAndFormat() throws Exception {
        Path file = write("wide.png", GeneratedImages.encode(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png"));

        ImageHeader header = ImageHeader.read(file);

        assertEquals(40, header.width());
        assertEquals(30, header.height());
        assertEquals(ImageFormat.PNG, header.format());
        assertEquals(1, header.exifOrientation());
    }

    @Test
    void jpegSizeAndFormat() throws Exception {
        Path file = write("tall.jpg", GeneratedImages.encode(new BufferedImage(24, 48, BufferedImage.TYPE_INT_RGB), "jpg"));

        ImageHeader header = ImageHeader.read(file);

        assertEquals(24, header.width());
        assertEquals(48, header.height());
        assertEquals(ImageFormat.JPEG, header.format());
    }

    @Test
    void jpegNamedPngIsJpeg() throws Exception {
        Path file = write("photo.png", GeneratedImages.encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg"));

        assertEquals(ImageFormat.JPEG, ImageHeader.read(file).format());
    }

    @Test
    void exifOrientationBigEndian() throws Exception {
        byte[] jpeg = GeneratedImages.encode(new BufferedImage(32, 16, BufferedImage.TYPE_INT_RGB), "jpg");
        Path file = write("mm.jpg", GeneratedImages.withExifOrientation(jpeg, 6, false));

        ImageHeader header = ImageHeader.read(file);

        assertEquals(6, header.exifOrientation());
        assertEquals(16, header.orientedWidth());
        assertEquals(32, header.orientedHeight());
    }

    @Test
    void exifOrientationLittleEndian() throws Exception {
        byte[] jpeg = GeneratedImages.encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg");
        Path file = write("ii.jpg", GeneratedImages.withExifOrientation(jpeg, 3, true));

        assertEquals(3, ImageHeader.read(file).exifOrientation());
    }

    @Test
    void exifOrientationOutOfRangeIsUpright() throws Exception {
        byte[] jpeg = GeneratedImages.encode(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg");
        Path file = write("nine.jpg", GeneratedImages.withExifOrientation(jpeg, 9, false));

        assertEquals(1, ImageHeader.read(file).exifOrientation());
    }

    @Test
    void pngExifChunkOrientation() throws Exception {
        byte[] png = GeneratedImages.encode(new BufferedImage(8, 4, BufferedImage.TYPE_INT_RGB), "png");
        Path file = write("exif.png", GeneratedImages.withExifChunk(png, 8));

        ImageHeader header = ImageHeader.read(file);

        assertEquals(8, header.exifOrientation());
        assertEquals(4, header.orientedWidth());
    }

    @Test
    void hugeDeclaredSizeIsReadWithoutPixels() throws Exception {
        Path file = write("huge.png", GeneratedImages.pngHeaderOnly(100_000, 50_000));

        ImageHeader header = ImageHeader.read(file);

        assertEquals(5_000_000_000L, header.pixelCount());
    }

    @Test
    void jpegHeaderOnlyGivesSize() throws Exception {
        Path file = write("frame.jpg", GeneratedImages.jpegHeaderOnly(640, 480));

        ImageHeader header = ImageHeader.read(file);

        assertEquals(640, header.width());
        assertEquals(480, header.height());
    }

    @Test
    void missingFileIsNotFound() {
        assertEquals(Reason.NOT_FOUND, reasonFor(folder.resolve("absent.jpg")));
    }

    @Test
    void emptyFileIsEmpty() throws Exception {
        assertEquals(Reason.EMPTY_FILE, reasonFor(write("empty.jpg", new byte[0])));
    }

    @Test
    void textFileIsNotAnImage() throws Exception {
        Path file = write("notes.jpg", "not an image at all".getBytes(StandardCharsets.US_ASCII));

        assertEquals(Reason.NOT_AN_IMAGE, reasonFor(file));
    }

    @Test
    void bmpIsUnsupported() throws Exception {
        Path file = write("picture.bmp", GeneratedImages.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "bmp"));

        ImageDecodeException error = assertThrows(ImageDecodeException.class, () -> ImageHeader.read(file));

        assertEquals(Reason.UNSUPPORTED_FORMAT, error.reason());
        assertTrue(error.getMessage().contains("BMP"), error.getMessage());
    }

    @Test
    void folderIsReadFailure() {
        assertEquals(Reason.READ_FAILED, reasonFor(folder));
    }

    @Test
    void jpegCutInsideHeaderIsTruncated() throws Exception {
        byte[] jpeg = GeneratedImages.encode(GeneratedImages.halves(16, 16, Color.RED, Color.BLUE), "jpg");

        assertEquals(Reason.TRUNCATED, reasonFor(write("cut.jpg", Arrays.copyOf(jpeg, 30))));
    }

    @Test
    void pngWithoutHeaderChunkIsCorrupt() throws Exception {
        byte[] png = GeneratedImages.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png");
        png[12] = 'X';

        assertEquals(Reason.CORRUPT, reasonFor(write("bad-ihdr.png", png)));
    }

    @Test
    void losslessJpegIsUnsupported() throws Exception {
        byte[] jpeg = GeneratedImages.jpegHeaderOnly(8, 8);
        jpeg[3] = (byte) 0xC3;

        assertEquals(Reason.UNSUPPORTED_FORMAT, reasonFor(write("lossless.jpg", jpeg)));
    }

    @Test
    void messageNamesFile() throws Exception {
        Path file = write("empty.png", new byte[0]);

        ImageDecodeException error = assertThrows(ImageDecodeException.class, () -> ImageHeader.read(file));

        assertTrue(error.getMessage().startsWith(file.toString() + ": "), error.getMessage());
        assertEquals(file, error.file());
    }

    private Reason reasonFor(Path file) {
        return assertThrows(ImageDecodeException.class, () -> ImageHeader.read(file)).reason();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }
}
