package org.backdrop.dataset.voc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.backdrop.dataset.SafePaths;
import org.backdrop.mask.Rle;

/**
 * The segmentation PNGs of one VOC sample: the semantic mask ({@code SegmentationClass/<id>.png},
 * class index per pixel) and the instance mask ({@code SegmentationObject/<id>.png}, object
 * number per pixel), either of which may be missing. Value 255 marks void pixels in both.
 *
 * <p>A {@link org.backdrop.dataset.Sample} carries each object's instance mask in its annotation,
 * but not the void region, which belongs to no object and is not background either. Code that
 * needs it (mask sources, evaluation, the VOC writer) reads it here from the dataset root:
 * {@code VocMasks.read(dataset.root(), sample.id())}.
 *
 * @param classes the semantic mask, or null when the sample has none
 * @param objects the instance mask, or null when the sample has none
 */
public record VocMasks(IndexedMask classes, IndexedMask objects) {

    static final String CLASS_FOLDER = "SegmentationClass";
    static final String OBJECT_FOLDER = "SegmentationObject";

    public VocMasks {
        if (classes == null && objects == null) {
            throw new IllegalArgumentException("a VOC sample's masks need a semantic mask, an instance mask or both");
        }
    }

    /**
     * Reads the masks of sample {@code sampleId} under a VOC root.
     *
     * @return empty when the sample has neither mask
     * @throws IOException if a mask cannot be decoded, is not one channel, or the two masks differ
     *     in size
     */
    public static Optional<VocMasks> read(Path vocRoot, String sampleId) throws IOException {
        IndexedMask classes = readIfPresent(vocRoot, CLASS_FOLDER, sampleId);
        IndexedMask objects = readIfPresent(vocRoot, OBJECT_FOLDER, sampleId);
        if (classes == null && objects == null) {
            return Optional.empty();
        }
        if (classes != null && objects != null && (classes.width() != objects.width() || classes.height() != objects.height())) {
            throw new IOException(CLASS_FOLDER + "/" + sampleId + ".png is " + classes.width() + "x" + classes.height() + " but "
                    + OBJECT_FOLDER + "/" + sampleId + ".png is " + objects.width() + "x" + objects.height() + "; both must match the image");
        }
        return Optional.of(new VocMasks(classes, objects));
    }

    /** Returns the width in pixels. */
    public int width() {
        return any().width();
    }

    /** Returns the height in pixels. */
    public int height() {
        return any().height();
    }

    /** Returns the void pixels: 255 in the semantic mask or in the instance mask. */
    public Rle voidMask() {
        byte[] mask = new byte[width() * height()];
        for (int i = 0; i < mask.length; i++) {
            boolean isVoid = (classes != null && (classes.values()[i] & 0xFF) == IndexedMask.VOID)
                    || (objects != null && (objects.values()[i] & 0xFF) == IndexedMask.VOID);
            mask[i] = (byte) (isVoid ? 1 : 0);
        }
        return Rle.fromRowMajor(mask, width(), height());
    }

    /** Returns the pixels of object {@code number} (1-based), empty when there is no instance mask. */
    public Rle instanceMask(int number) {
        if (objects == null) {
            return Rle.fromRowMajor(new byte[width() * height()], width(), height());
        }
        return objects.maskOf(number);
    }

    private IndexedMask any() {
        return classes != null ? classes : objects;
    }

    private static IndexedMask readIfPresent(Path vocRoot, String folder, String sampleId) throws IOException {
        Path png = SafePaths.resolveInside(vocRoot, folder + "/" + sampleId + ".png");
        return Files.isRegularFile(png) ? IndexedMask.read(png) : null;
    }
}
