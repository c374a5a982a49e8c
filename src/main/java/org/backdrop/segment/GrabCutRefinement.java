package org.backdrop.segment;

import org.backdrop.image.RgbImage;
import org.backdrop.mask.edit.PixelRect;
import org.backdrop.mask.edit.Seeds;
import org.opencv.imgproc.Imgproc;

/**
 * Refines a mask with OpenCV's GrabCut, seeded by the mask and by foreground and background strokes,
 * as the studio's mask editor does. Mask pixels start as probable foreground, the others as probable
 * background, and seed pixels as definite foreground or background, which GrabCut keeps.
 *
 * <p>GrabCut runs on a crop: the box around the mask and the seeds, grown on each side by a quarter
 * of its longer side (at least 16 pixels) and clipped to the image. Pixels outside the crop keep their
 * values, and a large image with a small object costs little.
 */
public final class GrabCutRefinement {

    /** GrabCut iterations per refinement, as for the GrabCut mask source. */
    public static final int DEFAULT_ITERATIONS = 5;

    private static final int MIN_MARGIN = 16;

    /**
     * A refinement result: new values for one region of the mask.
     *
     * @param region the crop GrabCut ran on
     * @param values the region's row-major values, 1 for foreground
     */
    public record Result(PixelRect region, byte[] values) {}

    private GrabCutRefinement() {}

    /**
     * Runs the refinement.
     *
     * @param image the sample's image
     * @param mask the current mask, row-major, non-zero for foreground, the size of the image
     * @param seeds the strokes, the size of the image
     * @param iterations GrabCut iterations, at least 1
     * @param rngSeed the seed of OpenCV's random generator, so that a refinement can be repeated
     * @throws IllegalArgumentException if the sizes differ, or the crop lacks foreground (mask or
     *     foreground seeds) or background (pixels outside the mask or background seeds). The message
     *     names the strokes to add.
     */
    public static Result refine(RgbImage image, byte[] mask, Seeds seeds, int iterations, int rngSeed) {
        int width = image.width();
        int height = image.height();
        if (mask.length != (long) width * height || seeds.width() != width || seeds.height() != height) {
            throw new IllegalArgumentException("GrabCut refinement needs a mask and seeds of the image size " + width + "x" + height
                    + ", got a mask of " + mask.length + " pixels and seeds of " + seeds.width() + "x" + seeds.height());
        }
        if (iterations < 1) {
            throw new IllegalArgumentException("GrabCut needs at least 1 iteration, got " + iterations);
        }
        PixelRect objects = foregroundBounds(mask, width, height).union(seeds.bounds());
        if (objects.isEmpty()) {
            throw new IllegalArgumentException("GrabCut refinement needs a mask or foreground strokes: paint over the object first");
        }
        int margin = Math.max(MIN_MARGIN, Math.max(objects.width(), objects.height()) / 4);
        PixelRect crop = PixelRect.ofBounds(objects.x() - margin, objects.y() - margin, objects.endX() + margin, objects.endY() + margin)
                .clip(width, height);

        byte[] labels = new byte[(int) crop.area()];
        boolean anyForeground = false;
        boolean anyBackground = false;
        byte[] cropPixels = new byte[labels.length * 3];
        for (int row = 0; row < crop.height(); row++) {
            int y = crop.y() + row;
            System.arraycopy(image.pixels(), (y * width + crop.x()) * 3, cropPixels, row * crop.width() * 3, crop.width() * 3);
            for (int column = 0; column < crop.width(); column++) {
                int x = crop.x() + column;
                byte seed = seeds.get(x, y);
                int label;
                if (seed == Seeds.FOREGROUND) {
                    label = Imgproc.GC_FGD;
                } else if (seed == Seeds.BACKGROUND) {
                    label = Imgproc.GC_BGD;
                } else {
                    label = mask[y * width + x] != 0 ? Imgproc.GC_PR_FGD : Imgproc.GC_PR_BGD;
                }
                anyForeground |= label == Imgproc.GC_FGD || label == Imgproc.GC_PR_FGD;
                anyBackground |= label == Imgproc.GC_BGD || label == Imgproc.GC_PR_BGD;
                labels[row * crop.width() + column] = (byte) label;
            }
        }
        if (!anyBackground) {
            throw new IllegalArgumentException("GrabCut refinement needs background around the object, but the mask and the "
                    + "foreground strokes cover the whole image: paint background strokes where the object is not");
        }
        if (!anyForeground) {
            throw new IllegalArgumentException("GrabCut refinement needs foreground: paint foreground strokes over the object");
        }
        RgbImage cropped = new RgbImage(crop.width(), crop.height(), cropPixels);
        return new Result(crop, GrabCut.fromLabels(cropped, labels, iterations, rngSeed));
    }

    private static PixelRect foregroundBounds(byte[] mask, int width, int height) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (mask[y * width + x] != 0) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                    y0 = Math.min(y0, y);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? PixelRect.EMPTY : PixelRect.ofBounds(x0, y0, x1 + 1, y1 + 1);
    }
}
