package org.backdrop.background;

import org.backdrop.image.RgbImage;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Resizes images to a sample's size with OpenCV: area averaging ({@code INTER_AREA}) when the result
 * has fewer pixels than the source, bilinear ({@code INTER_LINEAR}) otherwise.
 */
public final class Resizing {

    private Resizing() {}

    /**
     * Returns the image scaled by one factor so that it covers {@code width x height}, then cropped to
     * that size around its centre. The factor is {@code max(width / w, height / h)}; the scaled size
     * is {@code round(w * factor) x round(h * factor)} (never less than the target), and the crop
     * starts at {@code ((scaledWidth - width) / 2, (scaledHeight - height) / 2)}, rounded down. An image
     * that already has the target size is returned as it is.
     *
     * @throws IllegalArgumentException if a size is less than 1 pixel
     */
    public static RgbImage coverAndCenterCrop(RgbImage image, int width, int height) {
        requirePositive(image.width(), image.height(), "source image");
        requirePositive(width, height, "target");
        if (image.width() == width && image.height() == height) {
            return image;
        }
        int[] scaled = coverSize(image.width(), image.height(), width, height);
        RgbImage resized = stretch(image, scaled[0], scaled[1]);
        return crop(resized, (scaled[0] - width) / 2, (scaled[1] - height) / 2, width, height);
    }

    /**
     * Returns the size {@code {scaledWidth, scaledHeight}} to which {@link #coverAndCenterCrop} scales a
     * {@code sourceWidth x sourceHeight} image before cropping.
     */
    public static int[] coverSize(int sourceWidth, int sourceHeight, int width, int height) {
        double factor = Math.max((double) width / sourceWidth, (double) height / sourceHeight);
        int scaledWidth = Math.max(width, (int) Math.round(sourceWidth * factor));
        int scaledHeight = Math.max(height, (int) Math.round(sourceHeight * factor));
        return new int[] {scaledWidth, scaledHeight};
    }

    /**
     * Returns the image resized to exactly {@code width x height}, changing its aspect ratio if the
     * ratios differ. An image that already has that size is returned as it is.
     *
     * @throws IllegalArgumentException if a size is less than 1 pixel
     */
    public static RgbImage stretch(RgbImage image, int width, int height) {
        requirePositive(image.width(), image.height(), "source image");
        requirePositive(width, height, "target");
        if (image.width() == width && image.height() == height) {
            return image;
        }
        boolean shrinking = (long) width * height < (long) image.width() * image.height();
        Mat source = Mats.fromImage(image);
        Mat resized = new Mat();
        try {
            Imgproc.resize(source, resized, new Size(width, height), 0, 0,
                    shrinking ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR);
            return Mats.toImage(resized);
        } finally {
            source.release();
            resized.release();
        }
    }

    /**
     * Returns a mask resized to {@code width x height} by nearest neighbour, so it stays binary.
     *
     * @throws IllegalArgumentException if the mask does not match its stated size
     */
    public static byte[] stretchMask(byte[] mask, int maskWidth, int maskHeight, int width, int height) {
        Masks.requireSize(mask, maskWidth, maskHeight);
        if (maskWidth == width && maskHeight == height) {
            return mask;
        }
        Mat source = Mats.fromMask(mask, maskWidth, maskHeight);
        Mat resized = new Mat();
        try {
            Imgproc.resize(source, resized, new Size(width, height), 0, 0, Imgproc.INTER_NEAREST);
            return Mats.toMask(resized);
        } finally {
            source.release();
            resized.release();
        }
    }

    /** Returns the {@code width x height} region whose top-left pixel is {@code (x, y)}. */
    static RgbImage crop(RgbImage image, int x, int y, int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int row = 0; row < height; row++) {
            System.arraycopy(image.pixels(), ((y + row) * image.width() + x) * 3, pixels, row * width * 3, width * 3);
        }
        return new RgbImage(width, height, pixels);
    }

    private static void requirePositive(int width, int height, String subject) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException(subject + " size " + width + "x" + height + " must be at least 1x1 pixels");
        }
    }
}
