package org.backdrop.background;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.backdrop.image.RgbImage;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

class ResizingTest {

    @Test
    void landscapeCoverSizeKeepsAspect() {
        // 640x400 to 32x32: factor max(32 / 640, 32 / 400) = 0.08, 640 * 0.08 = 51.2 rounds to 51.
        assertArrayEquals(new int[] {51, 32}, Resizing.coverSize(640, 400, 32, 32));
    }

    @Test
    void portraitCoverSizeKeepsAspect() {
        assertArrayEquals(new int[] {32, 51}, Resizing.coverSize(400, 640, 32, 32));
    }

    @Test
    void coverCropTakesCentreColumns() {
        // Pixel (x, y) is (10x, 20y, 0). Halving averages 2x2 blocks: column j gets 20j + 5, row i 40i + 10.
        // The 4x2 result is cropped from column (4 - 2) / 2 = 1.
        RgbImage photo = gradient(8, 4);

        RgbImage out = Resizing.coverAndCenterCrop(photo, 2, 2);

        assertArrayEquals(new int[] {25, 10, 0}, out.rgb(0, 0));
        assertArrayEquals(new int[] {45, 10, 0}, out.rgb(1, 0));
        assertArrayEquals(new int[] {25, 50, 0}, out.rgb(0, 1));
        assertArrayEquals(new int[] {45, 50, 0}, out.rgb(1, 1));
    }

    @Test
    void sameSizeIsReturnedUnchanged() {
        RgbImage photo = gradient(3, 3);

        assertEquals(photo, Resizing.coverAndCenterCrop(photo, 3, 3));
    }

    @Test
    void realPhotoCropMatchesHandGeometry() {
        Path file = SharedData.fixture("backgrounds/mate_Dune.jpg");
        RgbImage photo = PhotoLibrary.read(file);
        assertEquals(640, photo.width());
        assertEquals(400, photo.height());

        RgbImage out = Resizing.coverAndCenterCrop(photo, 100, 100);

        // Factor max(100 / 640, 100 / 400) = 0.25 gives 160x100; the crop starts at column (160 - 100) / 2 = 30.
        assertArrayEquals(areaResizedThenCropped(photo, 160, 100, 30), out.pixels());
    }

    private static byte[] areaResizedThenCropped(RgbImage photo, int width, int height, int cropX) {
        Mat source = Mats.fromImage(photo);
        Mat resized = new Mat();
        Mat cropped = new Mat();
        try {
            Imgproc.resize(source, resized, new Size(width, height), 0, 0, Imgproc.INTER_AREA);
            resized.submat(new Rect(cropX, 0, height, height)).copyTo(cropped);
            byte[] pixels = new byte[height * height * 3];
            cropped.get(0, 0, pixels);
            return pixels;
        } finally {
            source.release();
            resized.release();
            cropped.release();
        }
    }

    private static RgbImage gradient(int width, int height) {
        byte[] pixels = new byte[width * height * 3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int offset = (y * width + x) * 3;
                pixels[offset] = (byte) (10 * x);
                pixels[offset + 1] = (byte) (20 * y);
            }
        }
        return new RgbImage(width, height, pixels);
    }
}
