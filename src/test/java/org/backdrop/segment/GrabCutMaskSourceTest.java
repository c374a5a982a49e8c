package org.backdrop.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.image.RgbImage;
import org.backdrop.mask.Rle;
import org.junit.jupiter.api.Test;

class GrabCutMaskSourceTest {

    private static final int SIZE = 64;
    /** The red square drawn into the test image: columns and rows 20 to 43. */
    private static final int SQUARE_START = 20;
    private static final int SQUARE_END = 44;

    private static final Dataset DATASET = new Dataset(DatasetFormat.FOLDER, Path.of("."), List.of(), List.of(), List.of());
    private static final SampleImages SQUARE_ON_GRASS = (dataset, sample) -> squareOnGrass();

    @Test
    void findsSquareInsideItsBox() throws Exception {
        Sample sample = sampleWithBox(new BoundingBox(14, 14, 36, 36));

        MaskResult result = new GrabCutMaskSource(GrabCutMaskSource.Options.defaults()).compute(DATASET, sample, SQUARE_ON_GRASS);

        Rle mask = assertInstanceOf(MaskResult.Found.class, result).mask();
        double iou = iouWithSquare(mask.toRowMajor());
        assertTrue(iou > 0.9, "IoU with the drawn square was " + iou);
    }

    @Test
    void findsSquareWithCentredRectangle() throws Exception {
        Sample sample = new Sample("plain", new ImageRef.File("plain.png"), SIZE, SIZE, List.of(0), List.of());

        MaskResult result = new GrabCutMaskSource(GrabCutMaskSource.Options.defaults()).compute(DATASET, sample, SQUARE_ON_GRASS);

        double iou = iouWithSquare(assertInstanceOf(MaskResult.Found.class, result).mask().toRowMajor());
        assertTrue(iou > 0.9, "IoU with the drawn square was " + iou);
    }

    @Test
    void centredRectangleLeavesMarginOnEachSide() {
        GrabCutMaskSource source = new GrabCutMaskSource(new GrabCutMaskSource.Options(5, 0.25, 0.1));
        Sample sample = new Sample("plain", new ImageRef.File("plain.png"), 40, 20, List.of(0), List.of());

        // 25% of 40 is 10 pixels and 25% of 20 is 5 pixels on each side.
        var seed = source.seedRectangles(sample, 40, 20).get(0);

        assertEquals(10, seed.x);
        assertEquals(5, seed.y);
        assertEquals(20, seed.width);
        assertEquals(10, seed.height);
    }

    @Test
    void objectSmallerThanMinimumShareIsRejected() throws Exception {
        // The box covers the whole image, so GrabCut starts from the 62 x 62 rectangle inside a 1-pixel
        // frame; the square covers 24 x 24 = 576 of its 3,844 pixels, about 15%.
        Sample sample = sampleWithBox(new BoundingBox(0, 0, SIZE, SIZE));
        GrabCutMaskSource strict = new GrabCutMaskSource(new GrabCutMaskSource.Options(5, 0.1, 0.5));

        MaskResult result = strict.compute(DATASET, sample, SQUARE_ON_GRASS);

        assertInstanceOf(MaskResult.Rejected.class, result);
    }

    @Test
    void sameMaskOnEveryThread() throws Exception {
        GrabCutMaskSource source = new GrabCutMaskSource(GrabCutMaskSource.Options.defaults());
        Sample sample = sampleWithBox(new BoundingBox(10, 10, 44, 44));
        Rle first = ((MaskResult.Found) source.compute(DATASET, sample, SQUARE_ON_GRASS)).mask();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MaskResult>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> source.compute(DATASET, sample, SQUARE_ON_GRASS)));
            }
            for (Future<MaskResult> run : runs) {
                assertEquals(first, ((MaskResult.Found) run.get()).mask());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Sample sampleWithBox(BoundingBox box) {
        return new Sample("square", new ImageRef.File("square.png"), SIZE, SIZE, List.of(), List.of(Annotation.ofBox(1, 1, box)));
    }

    /** A red square on green grass with a little noise, so GrabCut's colour models have spread. */
    private static RgbImage squareOnGrass() {
        Random random = new Random(7);
        byte[] pixels = new byte[SIZE * SIZE * 3];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean inSquare = x >= SQUARE_START && x < SQUARE_END && y >= SQUARE_START && y < SQUARE_END;
                int offset = (y * SIZE + x) * 3;
                int noise = random.nextInt(20);
                pixels[offset] = (byte) (inSquare ? 220 + noise : 30 + noise);
                pixels[offset + 1] = (byte) (inSquare ? 20 + noise : 150 + noise);
                pixels[offset + 2] = (byte) (inSquare ? 30 + noise : 40 + noise);
            }
        }
        return new RgbImage(SIZE, SIZE, pixels);
    }

    private static double iouWithSquare(byte[] mask) {
        int intersection = 0;
        int union = 0;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                boolean inSquare = x >= SQUARE_START && x < SQUARE_END && y >= SQUARE_START && y < SQUARE_END;
                boolean found = mask[y * SIZE + x] != 0;
                if (inSquare && found) {
                    intersection++;
                }
                if (inSquare || found) {
                    union++;
                }
            }
        }
        return (double) intersection / union;
    }
}
