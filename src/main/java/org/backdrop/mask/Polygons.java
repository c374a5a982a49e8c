package org.backdrop.mask;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rasterises COCO polygons to masks exactly as pycocotools does ({@code rleFrPoly} in
 * {@code maskApi.c}), so areas and mask IoUs match COCOeval to the pixel.
 *
 * <p>The rasteriser scales the polygon by 5, walks its edges on that grid, and keeps one boundary point
 * per pixel column where an edge crosses the column's centre. A pixel is foreground when its centre
 * lies inside the polygon, up to the rounding to that grid. With integer corners an
 * axis-aligned rectangle from {@code (x0, y0)} to {@code (x1, y1)} covers columns {@code x0..x1-1} and
 * rows {@code y0..y1-1}. Parts of the polygon outside the image are clipped.
 */
public final class Polygons {

    private static final Logger LOG = LoggerFactory.getLogger(Polygons.class);

    private static final double SCALE = 5;
    /**
     * Largest accepted coordinate magnitude in pixels. Scaled by 5, the differences between such
     * coordinates still fit in an {@code int}, as the C code's arithmetic assumes.
     */
    static final double MAX_COORDINATE = 10_000_000;

    private Polygons() {}

    /**
     * Rasterises one polygon.
     *
     * <p>A polygon with fewer than 3 points encloses nothing. It gives an empty mask and a WARN log
     * line, and is never read as a box.
     *
     * @param xy the polygon as COCO stores it: {@code x0, y0, x1, y1, …} in pixels, where {@code (0, 0)}
     *     is the top-left corner of the top-left pixel; the polygon is closed implicitly
     * @param height the mask height in pixels
     * @param width the mask width in pixels
     * @return the mask; the empty mask of that size for fewer than 3 points
     * @throws IllegalArgumentException if {@code xy} has an odd length, a coordinate is not finite or
     *     larger in magnitude than 10,000,000, or a size is negative
     */
    public static Rle rasterize(double[] xy, int height, int width) {
        requireValidSize(height, width);
        requireValidCoordinates(xy);
        int pointCount = xy.length / 2;
        if (pointCount < 3) {
            LOG.warn("polygon part with {} points ({} coordinates) encloses no area, so it adds nothing to the mask", pointCount, xy.length);
            return empty(height, width);
        }
        if (height == 0 || width == 0) {
            return empty(height, width);
        }
        int[] boundaries = columnBoundaries(xy, pointCount, height, width);
        return new Rle(height, width, runsFromBoundaries(boundaries, height, width));
    }

    /**
     * Rasterises a polygon of several parts as their union, as pycocotools does for a COCO
     * {@code segmentation} list ({@code frPyObjects} and then {@code merge}). A part that touches or
     * overlaps another never cuts a hole. Only a single self-touching part can have one.
     *
     * <p>The result does not depend on the order of the parts. Parts with fewer than 3 points add
     * nothing (each logs a WARN line), unlike pycocotools, which reads a first part of 2 points as a
     * box. An empty list gives the empty mask.
     *
     * @param parts the parts, each as for {@link #rasterize(double[], int, int)}
     * @param height the mask height in pixels
     * @param width the mask width in pixels
     * @throws IllegalArgumentException as {@link #rasterize(double[], int, int)}, for any part
     */
    public static Rle rasterize(List<double[]> parts, int height, int width) {
        requireValidSize(height, width);
        List<Rle> masks = new ArrayList<>(parts.size());
        for (double[] part : parts) {
            masks.add(rasterize(part, height, width));
        }
        if (masks.isEmpty()) {
            return empty(height, width);
        }
        return Rle.merge(masks, false);
    }

    private static void requireValidSize(int height, int width) {
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("invalid mask size " + height + "x" + width + " (height x width): sizes must not be negative");
        }
        if ((long) height * width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("mask size " + height + "x" + width + " (height x width) has more than "
                    + Integer.MAX_VALUE + " pixels, which RLE counts cannot hold");
        }
    }

    private static void requireValidCoordinates(double[] xy) {
        if (xy.length % 2 != 0) {
            throw new IllegalArgumentException("invalid polygon: " + xy.length + " coordinates, but a polygon needs x, y pairs");
        }
        for (int i = 0; i < xy.length; i++) {
            if (!Double.isFinite(xy[i]) || Math.abs(xy[i]) > MAX_COORDINATE) {
                throw new IllegalArgumentException("invalid polygon coordinate " + xy[i] + " at index " + i
                        + ": coordinates must be finite numbers within ±" + (long) MAX_COORDINATE + " pixels");
            }
        }
    }

    private static Rle empty(int height, int width) {
        return new Rle(height, width, new int[] {height * width});
    }

    /**
     * Walks the polygon's edges on the 5x grid and returns the column-major pixel index
     * {@code x * height + y} of each boundary point: the first pixel of column {@code x} at or below
     * the place where an edge crosses the column's centre.
     */
    private static int[] columnBoundaries(double[] xy, int pointCount, int height, int width) {
        int[] gridX = new int[pointCount + 1];
        int[] gridY = new int[pointCount + 1];
        for (int j = 0; j < pointCount; j++) {
            // (int) truncates toward zero, as the C cast does, so negative values round differently.
            gridX[j] = (int) (SCALE * xy[2 * j] + .5);
            gridY[j] = (int) (SCALE * xy[2 * j + 1] + .5);
        }
        gridX[pointCount] = gridX[0];
        gridY[pointCount] = gridY[0];

        BoundaryCollector collector = new BoundaryCollector(height, width);
        for (int j = 0; j < pointCount; j++) {
            walkEdge(gridX[j], gridY[j], gridX[j + 1], gridY[j + 1], collector);
        }
        return collector.boundaries();
    }

    /**
     * Visits the grid points of one edge, both ends included, stepping by 1 along the longer axis. The
     * edge is always computed from its left (or top) end, so rounding does not depend on its direction,
     * but the points are visited from the start to the end.
     */
    private static void walkEdge(int startX, int startY, int endX, int endY, BoundaryCollector collector) {
        int dx = Math.abs(endX - startX);
        int dy = Math.abs(startY - endY);
        boolean alongX = dx >= dy;
        boolean flip = (alongX && startX > endX) || (!alongX && startY > endY);
        int xs = flip ? endX : startX;
        int xe = flip ? startX : endX;
        int ys = flip ? endY : startY;
        int ye = flip ? startY : endY;
        // A zero-length edge gives 0/0 = NaN here, and C and Java convert NaN to different ints. Its
        // single point shares its neighbours' grid column, or lies left of the image, so its y never
        // reaches a boundary.
        double slope = alongX ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
        if (alongX) {
            for (int d = 0; d <= dx; d++) {
                int t = flip ? dx - d : d;
                collector.accept(t + xs, (int) (ys + slope * t + .5));
            }
        } else {
            for (int d = 0; d <= dy; d++) {
                int t = flip ? dy - d : d;
                collector.accept((int) (xs + slope * t + .5), t + ys);
            }
        }
    }

    /**
     * Turns the sorted boundary indices into runs: the pixels between two consecutive boundaries form
     * one run, and boundaries at the same index cancel in pairs.
     */
    private static int[] runsFromBoundaries(int[] boundaries, int height, int width) {
        int[] positions = Arrays.copyOf(boundaries, boundaries.length + 1);
        positions[boundaries.length] = height * width;
        Arrays.sort(positions);
        int[] gaps = new int[positions.length];
        int previous = 0;
        for (int j = 0; j < positions.length; j++) {
            gaps[j] = positions[j] - previous;
            previous = positions[j];
        }

        int[] runs = new int[gaps.length];
        int runCount = 0;
        int j = 0;
        runs[runCount++] = gaps[j++];
        while (j < gaps.length) {
            if (gaps[j] > 0) {
                runs[runCount++] = gaps[j++];
            } else {
                // Two boundaries at one index: skip both and add the following gap to the last run.
                j++;
                if (j < gaps.length) {
                    runs[runCount - 1] += gaps[j++];
                }
            }
        }
        return Arrays.copyOf(runs, runCount);
    }

    /**
     * Keeps the boundary points of a walk: wherever two consecutive grid points lie in different grid
     * columns and the step crosses the centre of a pixel column inside the image.
     */
    private static final class BoundaryCollector {

        private final int height;
        private final int width;
        private int[] boundaries = new int[64];
        private int count;
        private boolean started;
        private int previousX;
        private int previousY;

        BoundaryCollector(int height, int width) {
            this.height = height;
            this.width = width;
        }

        void accept(int x, int y) {
            if (started && x != previousX) {
                addIfCentreCrossed(x, y);
            }
            started = true;
            previousX = x;
            previousY = y;
        }

        private void addIfCentreCrossed(int x, int y) {
            double column = x < previousX ? x : x - 1;
            column = (column + .5) / SCALE - .5;
            if (Math.floor(column) != column || column < 0 || column > width - 1) {
                return;
            }
            double row = Math.min(y, previousY);
            row = (row + .5) / SCALE - .5;
            if (row < 0) {
                row = 0;
            } else if (row > height) {
                row = height;
            }
            row = Math.ceil(row);
            if (count == boundaries.length) {
                boundaries = Arrays.copyOf(boundaries, count * 2);
            }
            boundaries[count++] = (int) column * height + (int) row;
        }

        int[] boundaries() {
            return Arrays.copyOf(boundaries, count);
        }
    }
}
