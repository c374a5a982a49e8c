package org.backdrop.eval.coco;

import java.util.Arrays;
import java.util.List;

/**
 * The detections of a COCO results file, in file order, stored in columns so that half a million of
 * them cost a few arrays rather than a million small objects. {@link #get(int)} returns one as a
 * {@link CocoDetection}.
 */
public final class CocoDetections {

    private final long[] imageIds;
    private final long[] categoryIds;
    private final double[] scores;
    /** {@code [x, y, width, height]} of detection i at {@code 4 * i}; NaN x when it has no box. */
    private final double[] boxes;
    private final InstanceMask[] masks;
    private final int size;

    private CocoDetections(Builder builder) {
        size = builder.size;
        imageIds = Arrays.copyOf(builder.imageIds, size);
        categoryIds = Arrays.copyOf(builder.categoryIds, size);
        scores = Arrays.copyOf(builder.scores, size);
        boxes = Arrays.copyOf(builder.boxes, 4 * size);
        masks = builder.anyMask ? Arrays.copyOf(builder.masks, size) : null;
    }

    /** Returns the detections of {@code list}, in list order. */
    public static CocoDetections of(List<CocoDetection> list) {
        Builder builder = new Builder();
        for (CocoDetection detection : list) {
            builder.add(detection.imageId(), detection.categoryId(), detection.score(), detection.bbox(), detection.mask());
        }
        return builder.build();
    }

    /** Returns the number of detections. */
    public int size() {
        return size;
    }

    /** Returns detection {@code index} as a record. */
    public CocoDetection get(int index) {
        return new CocoDetection(imageId(index), categoryId(index), score(index), box(index), mask(index));
    }

    long imageId(int index) {
        return imageIds[index];
    }

    long categoryId(int index) {
        return categoryIds[index];
    }

    double score(int index) {
        return scores[index];
    }

    boolean hasBox(int index) {
        return !Double.isNaN(boxes[4 * index]);
    }

    /** Returns a copy of the box, or null when the detection has none. */
    double[] box(int index) {
        return hasBox(index) ? Arrays.copyOfRange(boxes, 4 * index, 4 * index + 4) : null;
    }

    /** Returns value {@code component} (0 x, 1 y, 2 width, 3 height) of the box; NaN x when there is none. */
    double boxValue(int index, int component) {
        return boxes[4 * index + component];
    }

    /** Copies the box's four values into {@code target} at {@code offset}. */
    void copyBox(int index, double[] target, int offset) {
        System.arraycopy(boxes, 4 * index, target, offset, 4);
    }

    InstanceMask mask(int index) {
        return masks == null ? null : masks[index];
    }

    /** Collects detections in file order. */
    public static final class Builder {

        private long[] imageIds = new long[1024];
        private long[] categoryIds = new long[1024];
        private double[] scores = new double[1024];
        private double[] boxes = new double[4096];
        private InstanceMask[] masks = new InstanceMask[1024];
        private boolean anyMask;
        private int size;

        /**
         * Adds a detection.
         *
         * @param bbox {@code [x, y, width, height]}, or null when the detection has no box
         * @param mask the instance mask, or null
         */
        public Builder add(long imageId, long categoryId, double score, double[] bbox, InstanceMask mask) {
            if (size == imageIds.length) {
                int capacity = size * 2;
                imageIds = Arrays.copyOf(imageIds, capacity);
                categoryIds = Arrays.copyOf(categoryIds, capacity);
                scores = Arrays.copyOf(scores, capacity);
                boxes = Arrays.copyOf(boxes, 4 * capacity);
                masks = Arrays.copyOf(masks, capacity);
            }
            imageIds[size] = imageId;
            categoryIds[size] = categoryId;
            scores[size] = score;
            if (bbox != null) {
                System.arraycopy(bbox, 0, boxes, 4 * size, 4);
            } else {
                boxes[4 * size] = Double.NaN;
            }
            masks[size] = mask;
            anyMask |= mask != null;
            size++;
            return this;
        }

        /** Returns the number of detections added so far. */
        public int size() {
            return size;
        }

        /** Appends the detections of {@code other}, in order. */
        public Builder addAll(Builder other) {
            double[] box = new double[4];
            for (int i = 0; i < other.size; i++) {
                boolean hasBox = other.hasBox(i);
                if (hasBox) {
                    System.arraycopy(other.boxes, 4 * i, box, 0, 4);
                }
                add(other.imageIds[i], other.categoryIds[i], other.scores[i], hasBox ? box : null, other.masks[i]);
            }
            return this;
        }

        /** Returns whether detection {@code index} has a box. */
        public boolean hasBox(int index) {
            return !Double.isNaN(boxes[4 * index]);
        }

        public CocoDetections build() {
            return new CocoDetections(this);
        }
    }
}
