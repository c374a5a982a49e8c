package org.backdrop.model.djl;

import java.util.ArrayList;
import java.util.List;
import org.backdrop.image.OpenCvLoader;
import org.backdrop.image.RgbImage;
import org.backdrop.model.spec.ColorOrder;
import org.backdrop.model.spec.InputSpec;
import org.backdrop.model.spec.Interpolation;
import org.backdrop.model.spec.Preprocessing;
import org.backdrop.model.spec.ResizeRule;
import org.backdrop.model.spec.TensorLayout;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns images into the float tensor a model expects: resize per the spec's rule with OpenCV, put the
 * channels in the model's colour order, compute {@code (pixel * scale - mean) / std}, and lay the values
 * out as NCHW or NHWC.
 */
final class ImagePreprocessor {

    private final InputSpec input;
    private final Preprocessing preprocessing;
    private final double[] mean;
    private final double[] std;

    ImagePreprocessor(InputSpec input, Preprocessing preprocessing) {
        this.input = input;
        this.preprocessing = preprocessing;
        this.mean = preprocessing.mean().stream().mapToDouble(Double::doubleValue).toArray();
        this.std = preprocessing.std().stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * Prepares a batch.
     *
     * @return the values in the input layout, with the shape [images, ...] and one transform per image
     * @throws IllegalArgumentException if {@code images} is empty or contains an image without pixels
     */
    PreparedBatch prepare(List<RgbImage> images) {
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one image");
        }
        for (RgbImage image : images) {
            if (image.width() == 0 || image.height() == 0) {
                throw new IllegalArgumentException("cannot run a model on an empty " + image.width() + "x" + image.height() + " image");
            }
        }
        int width = input.width();
        int height = input.height();
        int imageSize = width * height * 3;
        float[] values = new float[images.size() * imageSize];
        List<ImageTransform> transforms = new ArrayList<>();
        for (int i = 0; i < images.size(); i++) {
            Resized resized = resize(images.get(i));
            writeValues(resized.pixels(), values, i * imageSize);
            transforms.add(resized.transform());
        }
        long[] shape = input.layout() == TensorLayout.NCHW
                ? new long[] {images.size(), 3, height, width}
                : new long[] {images.size(), height, width, 3};
        return new PreparedBatch(values, shape, transforms);
    }

    /** Resizes one image to the input size; returns its RGB bytes row by row and its transform. */
    Resized resize(RgbImage image) {
        int width = input.width();
        int height = input.height();
        ResizeRule rule = preprocessing.resize();
        if (rule instanceof ResizeRule.Stretch && image.width() == width && image.height() == height) {
            return new Resized(image.pixels(), new ImageTransform(width, height, width, height, 1, 1, 0, 0));
        }
        OpenCvLoader.ensureLoaded();
        Mat source = new Mat(image.height(), image.width(), CvType.CV_8UC3);
        try {
            source.put(0, 0, image.pixels());
            if (rule instanceof ResizeRule.ShorterSideCrop crop) {
                return shorterSideCrop(source, image, crop);
            }
            if (rule instanceof ResizeRule.Letterbox letterbox) {
                return letterbox(source, image, letterbox.padValue());
            }
            return stretch(source, image);
        } finally {
            source.release();
        }
    }

    private Resized stretch(Mat source, RgbImage image) {
        int width = input.width();
        int height = input.height();
        byte[] pixels = resizeToBytes(source, width, height);
        return new Resized(pixels, new ImageTransform(image.width(), image.height(), width, height,
                (double) width / image.width(), (double) height / image.height(), 0, 0));
    }

    /**
     * Resizes the shorter side to {@code crop.shorterSide()} and cuts the centre, as torchvision does: the
     * longer side becomes {@code (int) (shorterSide * longer / shorter)}, and the crop's top-left corner is
     * {@code round((resized - crop) / 2)} with Python's round-half-to-even.
     */
    private Resized shorterSideCrop(Mat source, RgbImage image, ResizeRule.ShorterSideCrop crop) {
        int shorter = crop.shorterSide();
        int resizedWidth;
        int resizedHeight;
        if (image.width() <= image.height()) {
            resizedWidth = shorter;
            resizedHeight = (int) ((long) shorter * image.height() / image.width());
        } else {
            resizedHeight = shorter;
            resizedWidth = (int) ((long) shorter * image.width() / image.height());
        }
        int left = (int) Math.rint((resizedWidth - crop.cropWidth()) / 2.0);
        int top = (int) Math.rint((resizedHeight - crop.cropHeight()) / 2.0);
        Mat resized = new Mat();
        Mat cropped = null;
        try {
            Imgproc.resize(source, resized, new Size(resizedWidth, resizedHeight), 0, 0, openCvInterpolation());
            cropped = resized.submat(new Rect(left, top, crop.cropWidth(), crop.cropHeight()));
            byte[] pixels = toBytes(cropped, crop.cropWidth(), crop.cropHeight());
            return new Resized(pixels, new ImageTransform(image.width(), image.height(), crop.cropWidth(), crop.cropHeight(),
                    (double) resizedWidth / image.width(), (double) resizedHeight / image.height(), -left, -top));
        } finally {
            if (cropped != null) {
                cropped.release();
            }
            resized.release();
        }
    }

    /** Fits the image inside the input size, keeping its aspect ratio, and centres it on the pad colour. */
    private Resized letterbox(Mat source, RgbImage image, int padValue) {
        int width = input.width();
        int height = input.height();
        double ratio = Math.min((double) width / image.width(), (double) height / image.height());
        int fittedWidth = Math.max(1, Math.min(width, (int) Math.round(image.width() * ratio)));
        int fittedHeight = Math.max(1, Math.min(height, (int) Math.round(image.height() * ratio)));
        int left = (width - fittedWidth) / 2;
        int top = (height - fittedHeight) / 2;
        Mat fitted = new Mat();
        Mat padded = new Mat();
        try {
            Imgproc.resize(source, fitted, new Size(fittedWidth, fittedHeight), 0, 0, openCvInterpolation());
            Core.copyMakeBorder(fitted, padded, top, height - fittedHeight - top, left, width - fittedWidth - left,
                    Core.BORDER_CONSTANT, new Scalar(padValue, padValue, padValue));
            byte[] pixels = toBytes(padded, width, height);
            return new Resized(pixels, new ImageTransform(image.width(), image.height(), width, height,
                    (double) fittedWidth / image.width(), (double) fittedHeight / image.height(), left, top));
        } finally {
            fitted.release();
            padded.release();
        }
    }

    private byte[] resizeToBytes(Mat source, int width, int height) {
        Mat resized = new Mat();
        try {
            Imgproc.resize(source, resized, new Size(width, height), 0, 0, openCvInterpolation());
            return toBytes(resized, width, height);
        } finally {
            resized.release();
        }
    }

    private static byte[] toBytes(Mat mat, int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        if (mat.isContinuous()) {
            mat.get(0, 0, pixels);
            return pixels;
        }
        Mat copy = mat.clone();
        try {
            copy.get(0, 0, pixels);
            return pixels;
        } finally {
            copy.release();
        }
    }

    private int openCvInterpolation() {
        Interpolation interpolation = preprocessing.interpolation();
        switch (interpolation) {
            case NEAREST:
                return Imgproc.INTER_NEAREST;
            case BICUBIC:
                return Imgproc.INTER_CUBIC;
            case AREA:
                return Imgproc.INTER_AREA;
            default:
                return Imgproc.INTER_LINEAR;
        }
    }

    /** Writes one resized image's normalised values at {@code offset}, in the input layout and colour order. */
    void writeValues(byte[] rgb, float[] target, int offset) {
        int width = input.width();
        int height = input.height();
        int plane = width * height;
        boolean bgr = preprocessing.colorOrder() == ColorOrder.BGR;
        boolean nchw = input.layout() == TensorLayout.NCHW;
        double scale = preprocessing.scale();
        for (int pixel = 0; pixel < plane; pixel++) {
            for (int channel = 0; channel < 3; channel++) {
                int sourceChannel = bgr ? 2 - channel : channel;
                double value = ((rgb[pixel * 3 + sourceChannel] & 0xFF) * scale - mean[channel]) / std[channel];
                int index = nchw ? offset + channel * plane + pixel : offset + pixel * 3 + channel;
                target[index] = (float) value;
            }
        }
    }

    /** A resized image: RGB bytes at the input size and the transform from the original. */
    record Resized(byte[] pixels, ImageTransform transform) {}

    /** A batch ready to become the input tensor. */
    record PreparedBatch(float[] values, long[] shape, List<ImageTransform> transforms) {}
}
