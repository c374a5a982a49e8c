package org.backdrop.dataset.coco;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.mask.PolygonSegmentation;
import org.backdrop.mask.Rle;
import org.backdrop.mask.RleSegmentation;
import org.backdrop.mask.Segmentation;

/**
 * The readable {@code annotations} records of a COCO file as parallel primitive arrays, in file order,
 * with every segmentation packed into one {@link IntChunks} store. {@link #annotation} builds the
 * record for one row on demand.
 *
 * <p>Each segmentation is a run of ints in the store, starting at {@link #segmentStarts}:
 * <ul>
 *   <li>polygons in hundredths: part count, the length of each part, then the coordinates times 100;
 *   <li>polygons as doubles: part count, part lengths, then each coordinate's 64 bits as two ints;
 *   <li>RLE: height, width, the number of counts, then the counts.
 * </ul>
 */
final class CocoAnnotations {

    private static final byte NONE = 0;
    private static final byte POLYGONS_CENTI = 1;
    private static final byte POLYGONS_EXACT = 2;
    private static final byte RLE_LIST = 3;
    private static final byte RLE_STRING = 4;
    private static final byte KIND_MASK = 7;
    private static final byte CROWD = 8;

    private long[] ids = new long[256];
    private long[] imageIds = new long[256];
    private int[] categoryIds = new int[256];
    private double[] boxes = new double[4 * 256];
    private double[] areas = new double[256];
    private byte[] flags = new byte[256];
    private long[] segmentStarts = new long[256];
    private int size;
    private final IntChunks segments = new IntChunks();

    /**
     * Appends an annotation and copies its segmentation out of {@code segmentation}.
     *
     * @param box {@code [x, y, width, height]}
     * @param area the {@code area} field, or NaN when absent
     */
    void add(long id, long imageId, int categoryId, double[] box, double area, boolean crowd, SegmentationBuffer segmentation) {
        if (size == ids.length) {
            grow();
        }
        ids[size] = id;
        imageIds[size] = imageId;
        categoryIds[size] = categoryId;
        System.arraycopy(box, 0, boxes, 4 * size, 4);
        areas[size] = area;
        segmentStarts[size] = segments.size();
        byte kind = storeSegmentation(segmentation);
        flags[size] = (byte) (kind | (crowd ? CROWD : 0));
        size++;
    }

    /** Shrinks the arrays to their used length, once parsing is over. */
    void trim() {
        resize(size);
        segments.trim();
    }

    int size() {
        return size;
    }

    long id(int index) {
        return ids[index];
    }

    long imageId(int index) {
        return imageIds[index];
    }

    int categoryId(int index) {
        return categoryIds[index];
    }

    /** Returns true when row {@code index} has an RLE segmentation, whose size {@link #rleHeight} gives. */
    boolean hasRle(int index) {
        int kind = flags[index] & KIND_MASK;
        return kind == RLE_LIST || kind == RLE_STRING;
    }

    int rleHeight(int index) {
        return segments.get(segmentStarts[index]);
    }

    int rleWidth(int index) {
        return segments.get(segmentStarts[index] + 1);
    }

    /** Builds the record of row {@code index}. */
    Annotation annotation(int index) {
        int base = 4 * index;
        BoundingBox box = new BoundingBox(boxes[base], boxes[base + 1], boxes[base + 2], boxes[base + 3]);
        boolean crowd = (flags[index] & CROWD) != 0;
        return new Annotation(ids[index], categoryIds[index], box, segmentation(index), crowd, areas[index], false, false, Map.of());
    }

    private Segmentation segmentation(int index) {
        long position = segmentStarts[index];
        return switch (flags[index] & KIND_MASK) {
            case POLYGONS_CENTI -> polygons(position, false);
            case POLYGONS_EXACT -> polygons(position, true);
            case RLE_LIST -> rle(position, false);
            case RLE_STRING -> rle(position, true);
            default -> null;
        };
    }

    private PolygonSegmentation polygons(long position, boolean exact) {
        int partCount = segments.get(position++);
        long coordinate = position + partCount;
        List<double[]> parts = new ArrayList<>(partCount);
        for (int part = 0; part < partCount; part++) {
            double[] values = new double[segments.get(position + part)];
            for (int i = 0; i < values.length; i++) {
                if (exact) {
                    long bits = ((long) segments.get(coordinate) << 32) | (segments.get(coordinate + 1) & 0xFFFFFFFFL);
                    values[i] = Double.longBitsToDouble(bits);
                    coordinate += 2;
                } else {
                    values[i] = segments.get(coordinate++) / 100.0;
                }
            }
            parts.add(values);
        }
        return new PolygonSegmentation(parts);
    }

    private RleSegmentation rle(long position, boolean compressed) {
        int height = segments.get(position);
        int width = segments.get(position + 1);
        int[] counts = new int[segments.get(position + 2)];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = segments.get(position + 3 + i);
        }
        return new RleSegmentation(new Rle(height, width, counts), compressed);
    }

    private byte storeSegmentation(SegmentationBuffer segmentation) {
        switch (segmentation.kind()) {
            case POLYGONS -> {
                segments.add(segmentation.partCount());
                segments.addAll(segmentation.partLengths(), segmentation.partCount());
                if (segmentation.needsExact()) {
                    for (int i = 0; i < segmentation.coordinateCount(); i++) {
                        long bits = Double.doubleToRawLongBits(segmentation.exactCoordinate(i));
                        segments.add((int) (bits >>> 32));
                        segments.add((int) bits);
                    }
                    return POLYGONS_EXACT;
                }
                segments.addAll(segmentation.centiCoordinates(), segmentation.coordinateCount());
                return POLYGONS_CENTI;
            }
            case RLE -> {
                segments.add(segmentation.rleHeight());
                segments.add(segmentation.rleWidth());
                segments.add(segmentation.countLength());
                segments.addAll(segmentation.countsArray(), segmentation.countLength());
                return segmentation.compressed() ? RLE_STRING : RLE_LIST;
            }
            default -> {
                return NONE;
            }
        }
    }

    private void grow() {
        resize(Math.max(256, size + (size >> 1)));
    }

    private void resize(int capacity) {
        ids = Arrays.copyOf(ids, capacity);
        imageIds = Arrays.copyOf(imageIds, capacity);
        categoryIds = Arrays.copyOf(categoryIds, capacity);
        boxes = Arrays.copyOf(boxes, 4 * capacity);
        areas = Arrays.copyOf(areas, capacity);
        flags = Arrays.copyOf(flags, capacity);
        segmentStarts = Arrays.copyOf(segmentStarts, capacity);
    }
}
