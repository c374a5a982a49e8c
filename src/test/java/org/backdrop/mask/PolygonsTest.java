package org.backdrop.mask;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Polygon rasterising. The expected masks are worked out by hand: a pixel is foreground when its
 * centre lies inside the polygon, and the shapes keep every pixel centre at least 0.25 px from an edge,
 * where the 5x grid's rounding cannot change the result. Pixel-exact edge cases come from pycocotools'
 * own results as stated in the comments.
 */
class PolygonsTest {

    /** Triangle (0,0), (10,0), (0,5): column x contains the rows whose centre lies above y = 5 - x/2. */
    private static final double[] TRIANGLE = {0, 0, 10, 0, 0, 5};

    /*
     * Rows per column in a 6x10 image: 5, 4, 4, 3, 3, 2, 2, 1, 1, 0 (area 25, the triangle's area).
     * Each column starts at row 0, so the runs alternate foreground n and background 6 - n.
     */
    private static final int[] TRIANGLE_COUNTS = {0, 5, 1, 4, 2, 4, 2, 3, 3, 3, 3, 2, 4, 2, 4, 1, 5, 1, 11};

    @Test
    void triangleCoversCentresInside() {
        assertArrayEquals(TRIANGLE_COUNTS, Polygons.rasterize(TRIANGLE, 6, 10).counts());
    }

    @Test
    void triangleInOtherOrientation() {
        double[] clockwise = {0, 0, 0, 5, 10, 0};

        assertArrayEquals(TRIANGLE_COUNTS, Polygons.rasterize(clockwise, 6, 10).counts());
    }

    @Test
    void integerSquareCoversItsPixels() {
        // pycocotools gives 81 px and box [0, 0, 9, 9] for this square.
        Rle rle = Polygons.rasterize(new double[] {0, 0, 0, 9, 9, 9, 9, 0}, 20, 20);

        assertEquals(81, rle.area());
        assertArrayEquals(new double[] {0, 0, 9, 9}, rle.toBbox());
    }

    @Test
    void unitSquareIsOnePixel() {
        Rle rle = Polygons.rasterize(new double[] {0, 0, 1, 0, 1, 1, 0, 1}, 1, 1);

        assertArrayEquals(new int[] {0, 1}, rle.counts());
    }

    @Test
    void clipsAtTopAndLeft() {
        Rle rle = Polygons.rasterize(new double[] {-5, -5, 3, -5, 3, 3, -5, 3}, 10, 10);

        assertEquals(9, rle.area());
        assertArrayEquals(new double[] {0, 0, 3, 3}, rle.toBbox());
    }

    @Test
    void clipsAtBottomAndRight() {
        // Columns 7-9 and rows 8-9 remain of the rectangle from (7, 8) to (15, 15).
        Rle rle = Polygons.rasterize(new double[] {7, 8, 15, 8, 15, 15, 7, 15}, 10, 10);

        assertArrayEquals(new int[] {78, 2, 8, 2, 8, 2}, rle.counts());
    }

    @Test
    void polygonOutsideImageIsEmpty() {
        Rle rle = Polygons.rasterize(new double[] {20, 20, 30, 20, 30, 30}, 10, 10);

        assertArrayEquals(new int[] {100}, rle.counts());
    }

    @Test
    void slitPolygonKeepsItsHole() {
        // Square 0..10 with a 3..7 hole, joined to the outside by a zero-width slit along y = 5.
        double[] frame = {0, 0, 10, 0, 10, 10, 0, 10, 0, 5, 3, 5, 3, 7, 7, 7, 7, 3, 3, 3, 3, 5, 0, 5};

        byte[] pixels = Polygons.rasterize(frame, 10, 10).toRowMajor();

        assertEquals(100 - 16, sum(pixels));
        assertEquals(0, pixels[4 * 10 + 4], "pixel in the hole");
        assertEquals(1, pixels[5 * 10 + 1], "pixel on the slit");
        assertEquals(1, pixels[1 * 10 + 1], "pixel in the frame");
    }

    @Test
    void twoPointPartIsEmpty() {
        Rle rle = Polygons.rasterize(new double[] {2, 2, 10, 2}, 20, 20);

        assertArrayEquals(new int[] {400}, rle.counts());
    }

    @Test
    void emptyPartIsEmpty() {
        assertArrayEquals(new int[] {400}, Polygons.rasterize(new double[0], 20, 20).counts());
    }

    @Test
    void oddCoordinateCountIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Polygons.rasterize(new double[] {0, 0, 5, 0, 5}, 10, 10));
    }

    @Test
    void nonFiniteCoordinateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Polygons.rasterize(new double[] {0, 0, Double.NaN, 0, 5, 5}, 10, 10));
    }

    @Test
    void hugeCoordinateIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> Polygons.rasterize(new double[] {0, 0, 1e9, 0, 5, 5}, 10, 10));
    }

    @Test
    void touchingPartsJoinWithoutGap() {
        List<double[]> parts = List.of(new double[] {0, 0, 5, 0, 5, 5, 0, 5}, new double[] {5, 0, 10, 0, 10, 5, 5, 5});

        Rle rle = Polygons.rasterize(parts, 10, 10);

        assertEquals(50, rle.area());
        assertArrayEquals(new double[] {0, 0, 10, 5}, rle.toBbox());
    }

    @Test
    void overlappingPartsFormUnion() {
        List<double[]> parts = List.of(new double[] {0, 0, 6, 0, 6, 6, 0, 6}, new double[] {3, 3, 9, 3, 9, 9, 3, 9});

        assertEquals(36 + 36 - 9, Polygons.rasterize(parts, 10, 10).area());
    }

    @Test
    void nestedPartCutsNoHole() {
        List<double[]> parts = List.of(new double[] {0, 0, 8, 0, 8, 8, 0, 8}, new double[] {2, 2, 6, 2, 6, 6, 2, 6});

        assertEquals(64, Polygons.rasterize(parts, 10, 10).area());
    }

    @Test
    void partOrderDoesNotMatter() {
        double[] square = {0, 0, 6, 0, 6, 6, 0, 6};
        double[] line = {2, 2, 10, 2};

        Rle forward = Polygons.rasterize(List.of(square, line, TRIANGLE), 10, 10);
        Rle backward = Polygons.rasterize(List.of(TRIANGLE, line, square), 10, 10);

        assertEquals(forward, backward);
    }

    @Test
    void twoPointFirstPartIsNotBox() {
        // pycocotools would read a first part of 4 numbers as a box; here it adds nothing.
        List<double[]> parts = List.of(new double[] {2, 2, 10, 2}, new double[] {0, 0, 0, 9, 9, 9, 9, 0});

        assertEquals(81, Polygons.rasterize(parts, 20, 20).area());
    }

    @Test
    void noPartsGiveEmptyMask() {
        assertArrayEquals(new int[] {12}, Polygons.rasterize(List.of(), 3, 4).counts());
    }

    @Test
    void zeroSizeImageGivesZeroSizeMask() {
        Rle rle = Polygons.rasterize(TRIANGLE, 0, 10);

        assertEquals(0, rle.area());
        assertEquals(0, rle.height());
    }

    @Test
    void boxCoversItsPixels() {
        Rle rle = Rle.fromBox(new double[] {1, 2, 3, 4}, 10, 10);

        assertEquals(12, rle.area());
        assertArrayEquals(new double[] {1, 2, 3, 4}, rle.toBbox());
    }

    @Test
    void boxNeedsFourValues() {
        assertThrows(IllegalArgumentException.class, () -> Rle.fromBox(new double[] {1, 2, 3}, 10, 10));
    }

    private static int sum(byte[] pixels) {
        int sum = 0;
        for (byte pixel : pixels) {
            sum += pixel;
        }
        return sum;
    }
}
