package org.backdrop.background;

import org.backdrop.image.OpenCvLoader;
import org.backdrop.image.RgbImage;
import org.opencv.core.CvType;
import org.opencv.core.Mat;

/** Copies between {@link RgbImage}s, row-major masks and OpenCV {@link Mat}s; callers release the Mats. */
final class Mats {

    private Mats() {}

    /** Returns a CV_8UC3 Mat with the image's bytes in R, G, B order (OpenCV's own order is B, G, R). */
    static Mat fromImage(RgbImage image) {
        OpenCvLoader.ensureLoaded();
        Mat mat = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        mat.put(0, 0, image.pixels());
        return mat;
    }

    /** Returns the bytes of a continuous CV_8UC3 Mat as an image, keeping the channel order. */
    static RgbImage toImage(Mat mat) {
        byte[] pixels = new byte[mat.rows() * mat.cols() * 3];
        mat.get(0, 0, pixels);
        return new RgbImage(mat.cols(), mat.rows(), pixels);
    }

    /** Returns a CV_8UC1 Mat holding 255 where the mask is foreground and 0 elsewhere. */
    static Mat fromMask(byte[] mask, int width, int height) {
        OpenCvLoader.ensureLoaded();
        byte[] binary = new byte[mask.length];
        for (int i = 0; i < mask.length; i++) {
            binary[i] = mask[i] != 0 ? (byte) 255 : 0;
        }
        Mat mat = new Mat(height, width, CvType.CV_8UC1);
        mat.put(0, 0, binary);
        return mat;
    }

    /** Returns the bytes of a continuous CV_8UC1 Mat as a mask of 0 and 1. */
    static byte[] toMask(Mat mat) {
        byte[] mask = new byte[mat.rows() * mat.cols()];
        mat.get(0, 0, mask);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = mask[i] != 0 ? (byte) 1 : 0;
        }
        return mask;
    }
}
