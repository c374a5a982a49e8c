package org.backdrop.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.backdrop.image.ImageDecodeException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding of images generated in the test, so these run without the shared fixtures. */
class ImageDecoderTest {

    /** Lossy JPEG shifts flat colours by a few levels; these tests only tell red from blue. */
    private static final int JPEG_TOLERANCE = 8;

    @TempDir
    Path folder;

    @Test
    void pngPixelsExact() throws Exception {
        BufferedImage source = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, 0x102030);
        source.setRGB(2, 1, 0xFFEE01);
        Path file = write("rgb.png", GeneratedImages.encode(source, "png"));

        RgbImage image = ImageDecoder.decode(file);

        assertEquals(3, image.width());
        assertEquals(2, image.height());
        assertArrayEquals(new int[] {0x10, 0x20, 0x30}, image.rgb(0, 0));
        assertArrayEquals(new int[] {0xFF, 0xEE, 0x01}, image.rgb(2, 1));
        assertArrayEquals(new int[] {0, 0, 0}, image.rgb(1, 0));
    }

    @Test
    void grayscalePngHasEqualChannels() throws Exception {
        BufferedImage source = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        source.getRaster().setSample(0, 0, 0, 77);
        source.getRaster().setSample(1, 0, 0, 200);
        Path file = write("gray.png", GeneratedImages.encode(source, "png"));

        RgbImage image = ImageDecoder.decode(file);

        assertArrayEquals(new int[] {77, 77, 77}, image.rgb(0, 0));
        assertArrayEquals(new int[] {200, 200, 200}, image.rgb(1, 0));
    }

    @Test
    void palettePngExpandsToColours() throws Exception {
        byte[] reds = {(byte) 250, 5, 0, 0};
        byte[] greens = {0, (byte) 128, 0, 0};
        byte[] blues = {0, 7, (byte) 240, 0};
        IndexColorModel palette = new IndexColorModel(2, 4, reds, greens, blues);
        BufferedImage source = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY, palette);
        WritableRaster raster = source.getRaster();
        raster.setSample(0, 0, 0, 0);
        raster.setSample(1, 0, 0, 1);
        raster.setSample(2, 0, 0, 2);
        byte[] png = GeneratedImages.encode(source, "png");
        Path file = write("palette.png", png);

        RgbImage image = ImageDecoder.decode(file);

        assertEquals(3, png[8 + 8 + 9], "ImageIO wrote colour type 3 (palette)");
        assertArrayEquals(new int[] {250, 0, 0}, image.rgb(0, 0));
        assertArrayEquals(new int[] {5, 128, 7}, image.rgb(1, 0));
        assertArrayEquals(new int[] {0, 0, 240}, image.rgb(2, 0));
    }

    @Test
    void alphaDroppedWithoutCompositing() throws Exception {
        BufferedImage source = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        source.setRGB(0, 0, 0x00123456);
        source.setRGB(1, 0, 0x80ABCDEF);
        Path file = write("alpha.png", GeneratedImages.encode(source, "png"));

        RgbImage image = ImageDecoder.decode(file);

        assertArrayEquals(new int[] {0x12, 0x34, 0x56}, image.rgb(0, 0));
        assertArrayEquals(new int[] {0xAB, 0xCD, 0xEF}, image.rgb(1, 0));
    }

    /**
     * Expected values are round(v × 255 / 65535) by hand: 128 → 0.498 → 0, 129 → 0.502 → 1,
     * 32767 → 127.498 → 127, 32768 → 127.502 → 128, 65535 → 255. Keeping the high byte would give 0, 0,
     * 127, 128, 255, so the second value distinguishes rounding from truncation.
     */
    @Test
    void sixteenBitRoundsToNearest() throws Exception {
        int[] samples = {128, 129, 32767, 32768, 65535};
        BufferedImage source = new BufferedImage(samples.length, 1, BufferedImage.TYPE_USHORT_GRAY);
        for (int x = 0; x < samples.length; x++) {
            source.getRaster().setSample(x, 0, 0, samples[x]);
        }
        Path file = write("deep.png", GeneratedImages.encode(source, "png"));

        RgbImage image = ImageDecoder.decode(file);

        assertArrayEquals(new int[] {0, 0, 0}, image.rgb(0, 0));
        assertArrayEquals(new int[] {1, 1, 1}, image.rgb(1, 0));
        assertArrayEquals(new int[] {127, 127, 127}, image.rgb(2, 0));
        assertArrayEquals(new int[] {128, 128, 128}, image.rgb(3, 0));
        assertArrayEquals(new int[] {255, 255, 255}, image.rgb(4, 0));
    }

    @Test
    void jpegNamedPngDecodes() throws Exception {
        Path file = write("photo.png", GeneratedImages.encode(GeneratedImages.halves(16, 8, Color.RED, Color.BLUE), "jpg"));

        RgbImage image = ImageDecoder.decode(file);

        assertEquals(16, image.width());
        assertNear(new int[] {255, 0, 0}, image.rgb(2, 4));
    }

    @Test
    void truncatedPngIsReported() throws Exception {
        byte[] png = GeneratedImages.encode(noise(64, 64), "png");
        Path file = write("cut.png", Arrays.copyOf(png, png.length / 2));

        ImageDecodeException error = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file));

        assertEquals(Reason.TRUNCATED, error.reason());
        assertTrue(error.getMessage().contains("cut.png"), error.getMessage());
        assertTrue(error.getMessage().contains("truncated"), error.getMessage());
    }

    @Test
    void pngWithoutEndChunkIsTruncated() throws Exception {
        byte[] png = GeneratedImages.encode(noise(8, 8), "png");
        Path file = write("no-iend.png", Arrays.copyOf(png, png.length - 12));

        assertEquals(Reason.TRUNCATED, reasonFor(file));
    }

    @Test
    void pngWithBadChecksumIsCorrupt() throws Exception {
        byte[] png = GeneratedImages.encode(noise(16, 16), "png");
        png[GeneratedImages.chunkOffset(png, "IDAT") + 10] ^= 0x01;
        Path file = write("flipped.png", png);

        ImageDecodeException error = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file));

        assertEquals(Reason.CORRUPT, error.reason());
        assertTrue(error.getMessage().contains("IDAT"), error.getMessage());
    }

    @Test
    void truncatedJpegIsReported() throws Exception {
        byte[] jpeg = GeneratedImages.encode(noise(64, 64), "jpg");
        Path file = write("cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 2 / 3));

        ImageDecodeException error = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file));

        assertEquals(Reason.TRUNCATED, error.reason());
        assertTrue(error.getMessage().contains("EOI"), error.getMessage());
    }

    @Test
    void lenientTruncatedJpegFillsGrey() throws Exception {
        byte[] jpeg = GeneratedImages.encode(GeneratedImages.halves(64, 64, Color.RED, Color.BLUE), "jpg");
        Path file = write("cut.jpg", Arrays.copyOf(jpeg, jpeg.length - 40));

        RgbImage image = ImageDecoder.decode(file, DecodeOptions.defaults().withLenient(true));

        assertEquals(64, image.width());
        assertEquals(64, image.height());
        assertNear(new int[] {255, 0, 0}, image.rgb(4, 2));
        assertArrayEquals(new int[] {128, 128, 128}, image.rgb(63, 63));
    }

    @Test
    void jpegWithGarbageBetweenSegmentsIsCorrupt() throws Exception {
        byte[] jpeg = GeneratedImages.encode(noise(8, 8), "jpg");
        int afterJfifSegment = 2 + 2 + 16;
        byte[] damaged = GeneratedImages.insert(jpeg, afterJfifSegment, new byte[] {0x12, 0x34});

        assertEquals(Reason.CORRUPT, reasonFor(write("garbage.jpg", damaged)));
    }

    @Test
    void bytesAfterJpegEndAreAccepted() throws Exception {
        byte[] jpeg = GeneratedImages.encode(GeneratedImages.halves(8, 8, Color.RED, Color.BLUE), "jpg");
        Path file = write("trailer.jpg", GeneratedImages.concat(jpeg, "camera trailer".getBytes(StandardCharsets.US_ASCII)));

        assertEquals(8, ImageDecoder.decode(file).width());
    }

    @Test
    void tooManyPixelsNamesSizeAndLimit() throws Exception {
        Path file = write("huge.png", GeneratedImages.pngHeaderOnly(20_000, 20_000));

        ImageDecodeException error = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file));

        assertEquals(Reason.TOO_MANY_PIXELS, error.reason());
        assertTrue(error.getMessage().contains("20000x20000"), error.getMessage());
        assertTrue(error.getMessage().contains(Long.toString(16_384L * 16_384L)), error.getMessage());
    }

    @Test
    void hugeJpegHeaderRejected() throws Exception {
        Path file = write("huge.jpg", GeneratedImages.jpegHeaderOnly(65_000, 65_000));

        assertEquals(Reason.TOO_MANY_PIXELS, reasonFor(file));
    }

    @Test
    void pixelLimitIsConfigurable() throws Exception {
        Path file = write("square.png", GeneratedImages.encode(noise(100, 100), "png"));
        DecodeOptions limit = DecodeOptions.defaults().withMaxPixels(10_000);

        ImageDecodeException error = assertThrows(ImageDecodeException.class,
                () -> ImageDecoder.decode(file, limit.withMaxPixels(9_999)));

        assertEquals(Reason.TOO_MANY_PIXELS, error.reason());
        assertEquals(100, ImageDecoder.decode(file, limit).width());
    }

    @Test
    void orientationAppliedByDefault() throws Exception {
        Path file = write("sideways.jpg", sidewaysJpeg());

        RgbImage image = ImageDecoder.decode(file);

        assertEquals(16, image.width());
        assertEquals(32, image.height());
        assertNear(new int[] {255, 0, 0}, image.rgb(8, 4));
        assertNear(new int[] {0, 0, 255}, image.rgb(8, 28));
    }

    @Test
    void orientationKeptWhenDisabled() throws Exception {
        Path file = write("sideways.jpg", sidewaysJpeg());

        RgbImage image = ImageDecoder.decode(file, DecodeOptions.defaults().withApplyExifOrientation(false));

        assertEquals(32, image.width());
        assertEquals(16, image.height());
        assertNear(new int[] {255, 0, 0}, image.rgb(4, 8));
    }

    @Test
    void expectedUprightSizeAppliesOrientation() throws Exception {
        Path file = write("sideways.jpg", sidewaysJpeg());
        DecodeOptions withoutOrientation = DecodeOptions.defaults().withApplyExifOrientation(false);

        RgbImage image = ImageDecoder.decodeForExpectedSize(file, withoutOrientation, 16, 32);

        assertEquals(16, image.width());
        assertNear(new int[] {0, 0, 255}, image.rgb(8, 28));
    }

    @Test
    void expectedStoredSizeKeepsPixels() throws Exception {
        Path file = write("sideways.jpg", sidewaysJpeg());

        RgbImage image = ImageDecoder.decodeForExpectedSize(file, DecodeOptions.defaults(), 32, 16);

        assertEquals(32, image.width());
        assertNear(new int[] {0, 0, 255}, image.rgb(28, 8));
    }

    @Test
    void unexpectedSizeNamesBothSizes() throws Exception {
        Path file = write("sideways.jpg", sidewaysJpeg());

        ImageDecodeException error = assertThrows(ImageDecodeException.class,
                () -> ImageDecoder.decodeForExpectedSize(file, DecodeOptions.defaults(), 20, 20));

        assertEquals(Reason.SIZE_MISMATCH, error.reason());
        assertTrue(error.getMessage().contains("32x16"), error.getMessage());
        assertTrue(error.getMessage().contains("16x32"), error.getMessage());
        assertTrue(error.getMessage().contains("20x20"), error.getMessage());
    }

    @Test
    void batchReportsEveryCorruptFile() throws Exception {
        byte[] png = GeneratedImages.encode(noise(16, 16), "png");
        byte[] jpeg = GeneratedImages.encode(noise(16, 16), "jpg");
        byte[] badCrc = png.clone();
        badCrc[GeneratedImages.chunkOffset(badCrc, "IDAT") + 9] ^= 0x40;
        List<Path> files = List.of(
                write("0.png", Arrays.copyOf(png, png.length - 20)),
                write("1.jpg", Arrays.copyOf(jpeg, jpeg.length - 20)),
                write("2.png", badCrc),
                write("3.jpg", new byte[0]),
                write("4.png", "plain text".getBytes(StandardCharsets.US_ASCII)),
                write("5.bmp", GeneratedImages.encode(noise(4, 4), "bmp")),
                write("6.gif", GeneratedImages.encode(noise(4, 4), "gif")),
                write("7.png", GeneratedImages.pngHeaderOnly(30_000, 30_000)),
                write("8.jpg", Arrays.copyOf(jpeg, 40)),
                folder.resolve("9-missing.jpg"));
        Path good = write("good.png", png);

        List<Reason> reasons = new ArrayList<>();
        for (Path file : files) {
            reasons.add(assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file)).reason());
        }

        assertEquals(List.of(Reason.TRUNCATED, Reason.TRUNCATED, Reason.CORRUPT, Reason.EMPTY_FILE, Reason.NOT_AN_IMAGE,
                Reason.UNSUPPORTED_FORMAT, Reason.UNSUPPORTED_FORMAT, Reason.TOO_MANY_PIXELS, Reason.TRUNCATED,
                Reason.NOT_FOUND), reasons);
        assertEquals(16, ImageDecoder.decode(good).width());
    }

    private byte[] sidewaysJpeg() {
        byte[] jpeg = GeneratedImages.encode(GeneratedImages.halves(32, 16, Color.RED, Color.BLUE), "jpg");
        return GeneratedImages.withExifOrientation(jpeg, 6, false);
    }

    private static BufferedImage noise(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(7);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        return image;
    }

    private Reason reasonFor(Path file) {
        return assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file)).reason();
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(folder.resolve(name), bytes);
    }

    private static void assertNear(int[] expected, int[] actual) {
        for (int channel = 0; channel < 3; channel++) {
            assertTrue(Math.abs(expected[channel] - actual[channel]) <= JPEG_TOLERANCE,
                    "expected " + Arrays.toString(expected) + " within " + JPEG_TOLERANCE + ", got " + Arrays.toString(actual));
        }
    }
}
