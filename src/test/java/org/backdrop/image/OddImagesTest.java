package org.backdrop.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.backdrop.image.ImageDecodeException.Reason;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Decoding of the shared odd-image fixtures: progressive, CMYK, grayscale, 16-bit, palette, damaged files. */
class OddImagesTest {

    /**
     * Each fixture and its outcome: the decoded size (EXIF orientation applied), or the reason it is
     * rejected. The sizes are those in each file's header, as file(1) prints them.
     */
    static Stream<Arguments> outcomes() {
        return Stream.of(
                decodes("app13-multiple.jpg", 256, 160),
                decodes("basn2c16.png", 32, 32),
                decodes("basn3p08.png", 32, 32),
                decodes("basn6a16.png", 32, 32),
                fails("broken.png", Reason.CORRUPT),
                fails("empty_zero_bytes.jpg", Reason.EMPTY_FILE),
                decodes("hopper.jpg", 128, 128),
                decodes("hopper_gray.jpg", 128, 128),
                decodes("hopper_orientation_6.jpg", 128, 128),
                decodes("i_trns.png", 64, 64),
                decodes("jpeg_named_mountains.png", 256, 256),
                decodes("pil123p.png", 162, 150),
                decodes("pil123rgba.png", 162, 150),
                decodes("pil_sample_cmyk.jpg", 100, 100),
                decodes("pil_sample_rgb.jpg", 100, 100),
                decodes("rgb_trns.png", 64, 64),
                fails("truncated_image.png", Reason.TRUNCATED),
                fails("truncated_jpeg.jpg", Reason.TRUNCATED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("outcomes")
    void fixtureOutcome(String name, int width, int height, Reason reason) throws Exception {
        Path file = SharedData.fixture("odd_images/" + name);

        if (reason == null) {
            RgbImage image = ImageDecoder.decode(file);
            assertEquals(width, image.width());
            assertEquals(height, image.height());
        } else {
            ImageDecodeException error = assertThrows(ImageDecodeException.class, () -> ImageDecoder.decode(file));
            assertEquals(reason, error.reason());
            assertTrue(error.getMessage().contains(name), error.getMessage());
        }
    }

    /**
     * Reference pixels from Pillow 9.4 ({@code Image.convert("RGB")}, which drops alpha without
     * compositing). JPEG rows allow 2 levels for differences between libjpeg-turbo builds.
     *
     * <p>The 16-bit rows are computed by hand from the raw samples as round(v × 255 / 65535):
     * <ul>
     *   <li>basn2c16 (8,24): (48623, 14798, 2114) → (189, 58, 8); keeping the high byte would give 57.
     *   <li>basn2c16 (5,3): (54965, 59193, 0) → (214, 230, 0).
     *   <li>basn6a16 (8,24): (61680, 0, 3854) → (240, 0, 15), and (20,5): (18724, 65535, 0) → (73, 255, 0).
     *   <li>i_trns, 16-bit grey with samples up to 255: (32,32) 255 → 1 and (16,48) 103 → 0.
     * </ul>
     */
    @ParameterizedTest(name = "{0} at ({1},{2})")
    @CsvSource({
        "app13-multiple.jpg,         0,   0, 142, 181, 176, 2",
        "app13-multiple.jpg,       128,  80, 188, 168, 141, 2",
        "app13-multiple.jpg,       255, 159, 102,  99,  94, 2",
        "basn3p08.png,              16,  16,   1, 255,   1, 0",
        "basn3p08.png,              31,  31, 255, 254, 255, 0",
        "basn3p08.png,               8,  24, 255, 255, 136, 0",
        "hopper.jpg,                 0,   0,  20,  21,  67, 2",
        "hopper.jpg,                64,  64, 173,  70,  55, 2",
        "hopper.jpg,               127, 127, 134, 160, 209, 2",
        "hopper_gray.jpg,           64,  64,  99,  99,  99, 2",
        "hopper_gray.jpg,          127, 127, 158, 158, 158, 2",
        "jpeg_named_mountains.png,   0,   0,   2, 112, 207, 2",
        "jpeg_named_mountains.png, 128, 128, 119, 130, 124, 2",
        "pil123p.png,               81,  75,  33,  23,   3, 0",
        "pil123rgba.png,            81,  75,  35,  22,   3, 0",
        "pil_sample_rgb.jpg,         0,   0, 231,  32,  25, 2",
        "rgb_trns.png,              32,  32,   0, 255,  52, 0",
        "rgb_trns.png,              63,  63, 255,   0,  27, 0",
        "basn2c16.png,               8,  24, 189,  58,   8, 0",
        "basn2c16.png,               5,   3, 214, 230,   0, 0",
        "basn6a16.png,               8,  24, 240,   0,  15, 0",
        "basn6a16.png,              20,   5,  73, 255,   0, 0",
        "i_trns.png,                32,  32,   1,   1,   1, 0",
        "i_trns.png,                16,  48,   0,   0,   0, 0",
    })
    void fixturePixel(String name, int x, int y, int red, int green, int blue, int tolerance) throws Exception {
        RgbImage image = ImageDecoder.decode(SharedData.fixture("odd_images/" + name));

        int[] actual = image.rgb(x, y);
        int[] expected = {red, green, blue};
        for (int channel = 0; channel < 3; channel++) {
            assertTrue(Math.abs(expected[channel] - actual[channel]) <= tolerance,
                    "expected " + Arrays.toString(expected) + " within " + tolerance + ", got " + Arrays.toString(actual));
        }
    }

    /**
     * The CMYK (Adobe YCCK) and RGB files contain the same picture, converted by Photoshop with a colour
     * profile. OpenCV's conversion uses no profile and differs from the RGB file by 5.2 levels on
     * average, and Pillow 9.4's by 4.7. Reading the inverted Adobe values as plain CMYK gives 244.
     */
    @Test
    void cmykMatchesRgbSample() throws Exception {
        RgbImage cmyk = ImageDecoder.decode(SharedData.fixture("odd_images/pil_sample_cmyk.jpg"));
        RgbImage rgb = ImageDecoder.decode(SharedData.fixture("odd_images/pil_sample_rgb.jpg"));

        assertTrue(meanAbsoluteDifference(cmyk, rgb) <= 8.0, "mean difference " + meanAbsoluteDifference(cmyk, rgb));
    }

    /**
     * hopper_orientation_6.jpg is hopper.jpg stored turned and re-encoded. Turned upright with Pillow
     * 9.4, it differs from hopper.jpg by 4.65 levels on average. The stored, 180° and 90°
     * counter-clockwise layouts differ by 75 to 82.
     */
    @Test
    void orientationSixMatchesUpright() throws Exception {
        RgbImage turned = ImageDecoder.decode(SharedData.fixture("odd_images/hopper_orientation_6.jpg"));
        RgbImage upright = ImageDecoder.decode(SharedData.fixture("odd_images/hopper.jpg"));

        assertTrue(meanAbsoluteDifference(turned, upright) <= 10.0, "mean difference " + meanAbsoluteDifference(turned, upright));
    }

    @Test
    void orientationSixStoredDiffersFromUpright() throws Exception {
        DecodeOptions stored = DecodeOptions.defaults().withApplyExifOrientation(false);
        RgbImage turned = ImageDecoder.decode(SharedData.fixture("odd_images/hopper_orientation_6.jpg"), stored);
        RgbImage upright = ImageDecoder.decode(SharedData.fixture("odd_images/hopper.jpg"));

        assertTrue(meanAbsoluteDifference(turned, upright) > 40.0, "mean difference " + meanAbsoluteDifference(turned, upright));
    }

    @Test
    void headerDetectsJpegNamedPng() throws Exception {
        ImageHeader header = ImageHeader.read(SharedData.fixture("odd_images/jpeg_named_mountains.png"));

        assertEquals(ImageFormat.JPEG, header.format());
    }

    @Test
    void headerReadsOrientationSix() throws Exception {
        assertEquals(6, ImageHeader.read(SharedData.fixture("odd_images/hopper_orientation_6.jpg")).exifOrientation());
    }

    @Test
    void lenientProgressiveTruncatedDecodes() throws Exception {
        Path file = SharedData.fixture("odd_images/truncated_jpeg.jpg");

        RgbImage image = ImageDecoder.decode(file, DecodeOptions.defaults().withLenient(true));

        assertEquals(100, image.width());
        assertEquals(100, image.height());
    }

    @Test
    void lenientTruncatedPngStillFails() {
        Path file = SharedData.fixture("odd_images/truncated_image.png");

        ImageDecodeException error = assertThrows(ImageDecodeException.class,
                () -> ImageDecoder.decode(file, DecodeOptions.defaults().withLenient(true)));

        assertEquals(Reason.TRUNCATED, error.reason());
    }

    static double meanAbsoluteDifference(RgbImage first, RgbImage second) {
        assertEquals(first.width(), second.width());
        assertEquals(first.height(), second.height());
        long sum = 0;
        byte[] a = first.pixels();
        byte[] b = second.pixels();
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }

    private static Arguments decodes(String name, int width, int height) {
        return Arguments.of(name, width, height, null);
    }

    private static Arguments fails(String name, Reason reason) {
        return Arguments.of(name, 0, 0, reason);
    }
}
