package org.backdrop.background;

import org.backdrop.image.OpenCvLoader;
import org.backdrop.image.RgbImage;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Pastes an object onto a background: {@code out = alpha * object + (1 - alpha) * background} per
 * channel, rounded half up ({@code floor(value + 0.5)}) to 0..255.
 *
 * <p>The alpha is the mask (1 on foreground, 0 elsewhere), first grown by {@code dilationPixels}
 * (OpenCV {@code dilate} with a {@code MORPH_ELLIPSE} kernel of {@code 2r + 1} pixels, for r = 1 the
 * centre and its four neighbours), then, when
 * {@code featherSigmaPixels > 0}, blurred with a Gaussian of that sigma (OpenCV {@code GaussianBlur} in
 * double precision, kernel {@code 2 * ceil(3 sigma) + 1} pixels, border pixels replicated). With a hard
 * mask the object's pixels are copied exactly; with feathering, pixels whose alpha is 1 keep their
 * original values. Only pixels change: boxes and masks of the sample stay as they were.
 *
 * @param dilationPixels how many pixels to grow the mask by before anything else, 0 for none
 * @param featherSigmaPixels the Gaussian sigma of the feathered edge in pixels, 0 for a hard mask
 */
public record Compositor(int dilationPixels, double featherSigmaPixels) {

    /** Hard mask, no dilation: the fast path, a loop over the bytes with no OpenCV call. */
    public static final Compositor HARD = new Compositor(0, 0);

    /**
     * Validates the options.
     *
     * @throws IllegalArgumentException if an option is negative or the sigma is not finite
     */
    public Compositor {
        if (dilationPixels < 0) {
            throw new IllegalArgumentException("dilation must be 0 or more pixels, got " + dilationPixels);
        }
        if (!(featherSigmaPixels >= 0) || Double.isInfinite(featherSigmaPixels)) {
            throw new IllegalArgumentException(
                    "feather sigma must be a finite number of pixels, 0 or more, got " + featherSigmaPixels);
        }
    }

    /** Returns a compositor that feathers the edge with a Gaussian of {@code sigmaPixels}. */
    public static Compositor feathered(double sigmaPixels) {
        return new Compositor(0, sigmaPixels);
    }

    /** Returns a copy that grows the mask by {@code pixels} before feathering. */
    public Compositor withDilation(int pixels) {
        return new Compositor(pixels, featherSigmaPixels);
    }

    /**
     * Returns a new image with the object's foreground over {@code background}.
     *
     * @param object the sample's image
     * @param mask one byte per pixel of {@code object}, row-major, non-zero for the object
     * @param background an image of the same size as {@code object}; not changed
     * @throws IllegalArgumentException if the sizes differ
     */
    public RgbImage composite(RgbImage object, byte[] mask, RgbImage background) {
        Masks.requireSize(mask, object.width(), object.height());
        Masks.requireSameSize(object, background, "background");

        byte[] alphaMask = dilationPixels > 0 ? dilate(mask, object.width(), object.height()) : mask;
        if (featherSigmaPixels == 0) {
            return hard(object, alphaMask, background);
        }
        double[] alpha = feather(alphaMask, object.width(), object.height());
        return blend(object, alpha, background);
    }

    /**
     * Returns the alpha of every pixel, row-major, in 0..1: the dilated and feathered mask that
     * {@link #composite} uses.
     */
    public double[] alpha(byte[] mask, int width, int height) {
        Masks.requireSize(mask, width, height);
        byte[] alphaMask = dilationPixels > 0 ? dilate(mask, width, height) : mask;
        if (featherSigmaPixels > 0) {
            return feather(alphaMask, width, height);
        }
        double[] alpha = new double[alphaMask.length];
        for (int i = 0; i < alpha.length; i++) {
            alpha[i] = alphaMask[i] != 0 ? 1.0 : 0.0;
        }
        return alpha;
    }

    private static RgbImage hard(RgbImage object, byte[] mask, RgbImage background) {
        byte[] out = background.pixels().clone();
        byte[] source = object.pixels();
        for (int pixel = 0, offset = 0; pixel < mask.length; pixel++, offset += 3) {
            if (mask[pixel] != 0) {
                out[offset] = source[offset];
                out[offset + 1] = source[offset + 1];
                out[offset + 2] = source[offset + 2];
            }
        }
        return new RgbImage(object.width(), object.height(), out);
    }

    private static RgbImage blend(RgbImage object, double[] alpha, RgbImage background) {
        byte[] out = new byte[object.pixels().length];
        byte[] source = object.pixels();
        byte[] behind = background.pixels();
        for (int pixel = 0, offset = 0; pixel < alpha.length; pixel++, offset += 3) {
            double a = alpha[pixel];
            for (int channel = offset; channel < offset + 3; channel++) {
                double value = a * (source[channel] & 0xFF) + (1.0 - a) * (behind[channel] & 0xFF);
                out[channel] = (byte) roundHalfUp(value);
            }
        }
        return new RgbImage(object.width(), object.height(), out);
    }

    /** Rounds half up and clamps to a byte's range 0..255. */
    static int roundHalfUp(double value) {
        int rounded = (int) Math.floor(value + 0.5);
        return Math.max(0, Math.min(255, rounded));
    }

    private byte[] dilate(byte[] mask, int width, int height) {
        int size = 2 * dilationPixels + 1;
        Mat source = Mats.fromMask(mask, width, height);
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(size, size));
        Mat dilated = new Mat();
        try {
            Imgproc.dilate(source, dilated, kernel);
            return Mats.toMask(dilated);
        } finally {
            source.release();
            kernel.release();
            dilated.release();
        }
    }

    private double[] feather(byte[] mask, int width, int height) {
        int kernelSize = 2 * (int) Math.ceil(3 * featherSigmaPixels) + 1;
        double[] values = new double[mask.length];
        for (int i = 0; i < mask.length; i++) {
            values[i] = mask[i] != 0 ? 1.0 : 0.0;
        }
        OpenCvLoader.ensureLoaded();
        Mat source = new Mat(height, width, CvType.CV_64FC1);
        Mat blurred = new Mat();
        try {
            source.put(0, 0, values);
            Imgproc.GaussianBlur(
                    source, blurred, new Size(kernelSize, kernelSize), featherSigmaPixels, featherSigmaPixels,
                    Core.BORDER_REPLICATE);
            blurred.get(0, 0, values);
        } finally {
            source.release();
            blurred.release();
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0.0, Math.min(1.0, values[i]));
        }
        return values;
    }
}
