package org.backdrop.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.backdrop.ProgressListener;
import org.backdrop.image.ImageEncoder;
import org.backdrop.image.RgbImage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageValidatorTest {

    @TempDir
    Path root;

    @BeforeEach
    void writeImages() throws Exception {
        ImageEncoder.writePng(new RgbImage(8, 6, new byte[8 * 6 * 3]), root.resolve("good.png"));
        byte[] good = Files.readAllBytes(root.resolve("good.png"));
        Files.write(root.resolve("cut.png"), Arrays.copyOf(good, good.length - 20));
    }

    @Test
    void keepsGoodImageAndListsEachFault() throws Exception {
        Dataset dataset = dataset(List.of(
                sample("good.png", 8, 6),
                sample("cut.png", 8, 6),
                sample("missing.png", 8, 6),
                sample("good.png", 10, 10),
                sample("../outside.png", 8, 6)));

        Dataset checked = ImageValidator.validate(dataset, new ImageValidator.Options(1_000_000, true, 2), ProgressListener.NONE);

        assertEquals(1, checked.samples().size());
        assertEquals(List.of("cut.png", "missing.png", "good.png", "../outside.png"),
                checked.invalid().stream().map(InvalidSample::file).toList());
        assertTrue(checked.invalid().get(0).reason().contains("truncated"), checked.invalid().get(0).reason());
        assertTrue(checked.invalid().get(1).reason().contains("not found"), checked.invalid().get(1).reason());
        assertTrue(checked.invalid().get(2).reason().contains("size mismatch"), checked.invalid().get(2).reason());
        assertTrue(checked.invalid().get(3).reason().contains("outside the dataset root"), checked.invalid().get(3).reason());
    }

    @Test
    void headerOnlyCheckMissesTruncation() throws Exception {
        Dataset dataset = dataset(List.of(sample("cut.png", 8, 6)));

        Dataset checked = ImageValidator.validate(dataset, new ImageValidator.Options(1_000_000, false, 1), ProgressListener.NONE);

        assertEquals(1, checked.samples().size());
    }

    @Test
    void imageOverPixelLimitIsInvalid() throws Exception {
        Dataset dataset = dataset(List.of(sample("good.png", 8, 6)));

        // 8 x 6 = 48 pixels, one more than the limit allows.
        Dataset checked = ImageValidator.validate(dataset, new ImageValidator.Options(47, true, 1), ProgressListener.NONE);

        assertEquals(0, checked.samples().size());
        assertTrue(checked.invalid().get(0).reason().contains("47"), checked.invalid().get(0).reason());
    }

    private Dataset dataset(List<Sample> samples) {
        return new Dataset(DatasetFormat.FOLDER, root, List.of(new Category(0, "thing")), samples, List.of());
    }

    private static Sample sample(String path, int width, int height) {
        return new Sample(path, new ImageRef.File(path), width, height, List.of(0), List.of());
    }
}
