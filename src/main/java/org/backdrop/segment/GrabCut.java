package org.backdrop.segment;

import org.backdrop.image.OpenCvLoader;
import org.backdrop.image.RgbImage;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * OpenCV's GrabCut on the core's RGB images, started from a rectangle or from a label map. Both
 * return a row-major mask of 1 for definite and probable foreground. GrabCut's k-means start uses
 * OpenCV's random generator, which each call seeds with {@code rngSeed}, so a result does not depend
 * on the thread or on earlier calls.
 */
final class GrabCut {

    private GrabCut() {}

    /** Runs GrabCut with everything outside {@code rect} as background. */
    static byte[] fromRect(RgbImage image, Rect rect, int iterations, int rngSeed) {
        return run(image, null, rect, iterations, rngSeed);
    }

    /**
     * Runs GrabCut from a label map of OpenCV's values ({@code GC_BGD}, {@code GC_FGD},
     * {@code GC_PR_BGD}, {@code GC_PR_FGD}), row-major, one per pixel. Only the probable labels may
     * change. The map must contain at least one background and one foreground label (definite or
     * probable), because GrabCut learns a colour model from each.
     */
    static byte[] fromLabels(RgbImage image, byte[] labels, int iterations, int rngSeed) {
        return run(image, labels, null, iterations, rngSeed);
    }

    private static byte[] run(RgbImage image, byte[] initialLabels, Rect rect, int iterations, int rngSeed) {
        OpenCvLoader.ensureLoaded();
        Mat bgr = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        Mat labels = initialLabels == null ? new Mat() : new Mat(image.height(), image.width(), CvType.CV_8UC1);
        Mat backgroundModel = new Mat();
        Mat foregroundModel = new Mat();
        try {
            bgr.put(0, 0, toBgr(image.pixels()));
            Core.setRNGSeed(rngSeed);
            if (initialLabels == null) {
                Imgproc.grabCut(bgr, labels, rect, backgroundModel, foregroundModel, iterations, Imgproc.GC_INIT_WITH_RECT);
            } else {
                labels.put(0, 0, initialLabels);
                Imgproc.grabCut(bgr, labels, new Rect(), backgroundModel, foregroundModel, iterations, Imgproc.GC_INIT_WITH_MASK);
            }
            byte[] values = new byte[image.width() * image.height()];
            labels.get(0, 0, values);
            for (int i = 0; i < values.length; i++) {
                values[i] = (byte) (values[i] == Imgproc.GC_FGD || values[i] == Imgproc.GC_PR_FGD ? 1 : 0);
            }
            return values;
        } finally {
            bgr.release();
            labels.release();
            backgroundModel.release();
            foregroundModel.release();
        }
    }

    private static byte[] toBgr(byte[] rgb) {
        byte[] bgr = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i += 3) {
            bgr[i] = rgb[i + 2];
            bgr[i + 1] = rgb[i + 1];
            bgr[i + 2] = rgb[i];
        }
        return bgr;
    }
}
