package org.backdrop.image;

import java.util.Optional;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** Moves images between Java byte arrays and OpenCV, releasing every native {@link Mat} it creates. */
final class OpenCvCodec {

    /**
     * Three channels (grayscale replicated, palette expanded, alpha and tRNS dropped), 8 or 16 bits as
     * stored, and the stored pixel order: {@link ExifOrientation} applies the orientation afterwards.
     */
    private static final int DECODE_FLAGS =
            Imgcodecs.IMREAD_COLOR | Imgcodecs.IMREAD_ANYDEPTH | Imgcodecs.IMREAD_IGNORE_ORIENTATION;

    private OpenCvCodec() {}

    /**
     * Decodes a JPEG or PNG file's bytes into 8-bit RGB. 16-bit samples become the nearest 8-bit
     * value, {@code round(v × 255 / 65535)}, computed exactly as {@code (v + 128) / 257} in integers.
     *
     * @return the image, or empty when OpenCV cannot decode the bytes
     */
    static Optional<RgbImage> decode(byte[] encoded) {
        OpenCvLoader.ensureLoaded();
        MatOfByte buffer = new MatOfByte(encoded);
        Mat decoded = null;
        try {
            decoded = Imgcodecs.imdecode(buffer, DECODE_FLAGS);
            if (decoded.empty()) {
                return Optional.empty();
            }
            return Optional.of(toRgb(decoded));
        } finally {
            buffer.release();
            if (decoded != null) {
                decoded.release();
            }
        }
    }

    /**
     * Encodes an image with the OpenCV codec for {@code extension} (".png", ".jpg").
     *
     * @param parameters pairs of {@code Imgcodecs.IMWRITE_*} keys and values, possibly none
     * @throws IllegalArgumentException if the image has no pixels
     */
    static byte[] encode(RgbImage image, String extension, int... parameters) {
        if (image.width() == 0 || image.height() == 0) {
            throw new IllegalArgumentException(
                    "cannot encode an empty image (" + image.width() + "x" + image.height() + ") as " + extension);
        }
        OpenCvLoader.ensureLoaded();
        Mat bgr = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        MatOfInt parameterMat = new MatOfInt(parameters);
        MatOfByte encoded = new MatOfByte();
        try {
            byte[] pixels = new byte[image.pixels().length];
            swapRedAndBlue(image.pixels(), pixels);
            bgr.put(0, 0, pixels);
            if (!Imgcodecs.imencode(extension, bgr, encoded, parameterMat)) {
                throw new IllegalStateException("OpenCV could not encode a " + image.width() + "x" + image.height()
                        + " image as " + extension);
            }
            return encoded.toArray();
        } finally {
            bgr.release();
            parameterMat.release();
            encoded.release();
        }
    }

    private static RgbImage toRgb(Mat decoded) {
        int width = decoded.cols();
        int height = decoded.rows();
        if (decoded.channels() != 3) {
            throw new IllegalStateException("OpenCV decoded " + decoded.channels() + " channels, expected 3");
        }
        byte[] bgr = new byte[width * height * 3];
        switch (decoded.depth()) {
            case CvType.CV_8U -> decoded.get(0, 0, bgr);
            case CvType.CV_16U -> {
                short[] wide = new short[bgr.length];
                decoded.get(0, 0, wide);
                for (int i = 0; i < wide.length; i++) {
                    bgr[i] = (byte) (((wide[i] & 0xFFFF) + 128) / 257);
                }
            }
            default -> throw new IllegalStateException(
                    "OpenCV decoded pixel depth " + CvType.typeToString(decoded.type()) + ", expected 8 or 16 bits");
        }
        swapRedAndBlue(bgr, bgr);
        return new RgbImage(width, height, bgr);
    }

    /** Writes {@code source} to {@code target} with the first and third byte of every pixel swapped; they may be one array. */
    private static void swapRedAndBlue(byte[] source, byte[] target) {
        for (int i = 0; i < source.length; i += 3) {
            byte first = source[i];
            target[i] = source[i + 2];
            target[i + 1] = source[i + 1];
            target[i + 2] = first;
        }
    }
}
