package org.backdrop.mask;

/** Conversions from an annotation's {@link Segmentation} to a mask. */
public final class Segmentations {

    private Segmentations() {}

    /**
     * Converts a segmentation to a mask of the image's size: polygons are rasterised and merged by
     * union ({@link Polygons#rasterize(java.util.List, int, int)}), and an RLE segmentation returns its
     * mask unchanged.
     *
     * @param segmentation the annotation's shape
     * @param height the image height in pixels
     * @param width the image width in pixels
     * @throws IllegalArgumentException if an RLE segmentation's size differs from the image size (the
     *     message names both), or a polygon is invalid
     */
    public static Rle toRle(Segmentation segmentation, int height, int width) {
        if (segmentation instanceof PolygonSegmentation polygons) {
            return Polygons.rasterize(polygons.parts(), height, width);
        }
        if (segmentation instanceof RleSegmentation encoded) {
            Rle rle = encoded.rle();
            if (rle.height() != height || rle.width() != width) {
                throw new IllegalArgumentException("RLE segmentation has size " + MaskSizes.describe(rle) + " but the image is "
                        + height + "x" + width + " (height x width); the RLE 'size' field must equal the image's height and width");
            }
            return rle;
        }
        throw new IllegalStateException("unknown Segmentation type " + segmentation.getClass().getName());
    }
}
