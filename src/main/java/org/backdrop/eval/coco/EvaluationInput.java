package org.backdrop.eval.coco;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.backdrop.eval.EvaluationInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ground truth and detections arranged for evaluation. Images and categories are sorted by id.
 * Objects and detections are grouped into cells (one image and one category) in image-major order,
 * and each cell keeps file order. Arrays hold the per-object and per-detection values of matching.
 */
final class EvaluationInput {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationInput.class);

    /** Marks a detection whose image is not in the ground truth while cell keys are computed. */
    private static final long UNKNOWN_IMAGE = -1;
    /** Marks a detection whose category is not in the ground truth, which evaluation leaves out. */
    private static final long UNKNOWN_CATEGORY = -2;

    final CocoEvalParams params;
    final long[] imageIds;
    final int[] imageHeights;
    final int[] imageWidths;
    final long[] categoryIds;
    final String[] categoryNames;

    final GroundTruthObject[] objects;
    final double[] objectAreas;
    final boolean[] objectCrowd;
    final boolean[] objectIgnored;
    final boolean[] objectIdZero;
    /** {@code [x, y, width, height]} of object position i at {@code 4 * i}. */
    final double[] objectBoxes;

    final double[] detectionScores;
    final double[] detectionAreas;
    /** {@code [x, y, width, height]} of detection position i at {@code 4 * i}. */
    final double[] detectionBoxes;
    final InstanceMask[] detectionMasks;

    /** Per cell: image index, category index, and the ranges of objects and detections. */
    final int[] cellImage;
    final int[] cellCategory;
    final int[] cellObjectStart;
    final int[] cellObjectEnd;
    final int[] cellDetectionStart;
    final int[] cellDetectionEnd;

    private EvaluationInput(CocoGroundTruth groundTruth, CocoDetections detections, CocoEvalParams params, MaskGeometry masks) {
        this.params = params;

        long[] sortedImageIds = groundTruth.images().stream().mapToLong(CocoImage::id).sorted().distinct().toArray();
        imageIds = sortedImageIds;
        imageHeights = new int[sortedImageIds.length];
        imageWidths = new int[sortedImageIds.length];
        for (CocoImage image : groundTruth.images()) {
            int index = Arrays.binarySearch(sortedImageIds, image.id());
            imageHeights[index] = image.height();
            imageWidths[index] = image.width();
        }
        categoryIds = groundTruth.categories().stream().mapToLong(CocoCategory::id).sorted().distinct().toArray();
        categoryNames = new String[categoryIds.length];
        for (CocoCategory category : groundTruth.categories()) {
            categoryNames[Arrays.binarySearch(categoryIds, category.id())] = category.name();
        }
        if ((long) imageIds.length * Math.max(1, categoryIds.length) >= 1L << 32) {
            throw new EvaluationInputException(
                    imageIds.length + " images times " + categoryIds.length + " categories is too many to evaluate at once; split the images");
        }

        long[] objectKeys = objectCellKeys(groundTruth.objects());
        objects = new GroundTruthObject[objectKeys.length];
        objectAreas = new double[objectKeys.length];
        objectCrowd = new boolean[objectKeys.length];
        objectIgnored = new boolean[objectKeys.length];
        objectIdZero = new boolean[objectKeys.length];
        objectBoxes = new double[4 * objectKeys.length];
        fillObjects(groundTruth.objects(), objectKeys, masks);

        long[] detectionKeys = detectionCellKeys(detections);
        detectionScores = new double[detectionKeys.length];
        detectionAreas = new double[detectionKeys.length];
        detectionBoxes = new double[4 * detectionKeys.length];
        detectionMasks = new InstanceMask[detectionKeys.length];
        fillDetections(detections, detectionKeys, masks);

        int cellCount = countCells(objectKeys, detectionKeys);
        cellImage = new int[cellCount];
        cellCategory = new int[cellCount];
        cellObjectStart = new int[cellCount];
        cellObjectEnd = new int[cellCount];
        cellDetectionStart = new int[cellCount];
        cellDetectionEnd = new int[cellCount];
        fillCells(objectKeys, detectionKeys);
    }

    /**
     * Arranges the input.
     *
     * @throws EvaluationInputException if a detection lies on an image that the ground truth lacks,
     *     has a non-finite score or a negative box size, or if box evaluation meets an object without
     *     a box
     */
    static EvaluationInput prepare(CocoGroundTruth groundTruth, CocoDetections detections, CocoEvalParams params, MaskGeometry masks) {
        return new EvaluationInput(groundTruth, detections, params, masks);
    }

    int cellCount() {
        return cellImage.length;
    }

    int categoryCount() {
        return categoryIds.length;
    }

    private int categoryCountForKeys() {
        return Math.max(1, categoryIds.length);
    }

    /**
     * Returns the objects' cell keys, sorted, each packed with the object's list index. Objects of
     * unlisted images or categories are left out.
     */
    private long[] objectCellKeys(List<GroundTruthObject> all) {
        long[] packed = new long[all.size()];
        int count = 0;
        int leftOut = 0;
        for (int i = 0; i < all.size(); i++) {
            GroundTruthObject object = all.get(i);
            int image = Arrays.binarySearch(imageIds, object.imageId());
            int category = Arrays.binarySearch(categoryIds, object.categoryId());
            if (image < 0 || category < 0) {
                leftOut++;
                continue;
            }
            packed[count++] = pack((long) image * categoryCountForKeys() + category, i);
        }
        if (leftOut > 0) {
            LOG.info("{} ground-truth objects lie on images or have categories that the ground truth does not list; they are left out", leftOut);
        }
        return sortedPrefix(packed, count);
    }

    private long[] detectionCellKeys(CocoDetections all) {
        long[] packed = new long[all.size()];
        IntStream.range(0, all.size()).parallel().forEach(i -> {
            int image = Arrays.binarySearch(imageIds, all.imageId(i));
            int category = Arrays.binarySearch(categoryIds, all.categoryId(i));
            if (image < 0) {
                packed[i] = UNKNOWN_IMAGE;
            } else if (category < 0) {
                packed[i] = UNKNOWN_CATEGORY;
            } else {
                packed[i] = pack((long) image * categoryCountForKeys() + category, i);
            }
        });

        int count = 0;
        int leftOut = 0;
        for (int i = 0; i < packed.length; i++) {
            if (packed[i] == UNKNOWN_IMAGE) {
                throw new EvaluationInputException("detection [" + i + "] has image_id " + all.imageId(i)
                        + ", which is not an image of the ground truth; evaluate only detections on the ground truth's images");
            }
            if (packed[i] == UNKNOWN_CATEGORY) {
                leftOut++;
            } else {
                packed[count++] = packed[i];
            }
        }
        if (leftOut > 0) {
            LOG.info("{} detections have categories that the ground truth does not list; they are left out", leftOut);
        }
        return sortedPrefix(packed, count);
    }

    private static long[] sortedPrefix(long[] packed, int count) {
        long[] keys = Arrays.copyOf(packed, count);
        // Keys are distinct (each contains its list index), so the parallel sort gives the one sorted order.
        Arrays.parallelSort(keys);
        return keys;
    }

    private static long pack(long cellKey, int index) {
        return (cellKey << 31) | index;
    }

    private static long cellKey(long packed) {
        return packed >>> 31;
    }

    private static int listIndex(long packed) {
        return (int) (packed & 0x7fffffffL);
    }

    private void fillObjects(List<GroundTruthObject> all, long[] keys, MaskGeometry masks) {
        boolean boxes = params.iouType() == IouType.BBOX;
        int withoutArea = 0;
        for (int position = 0; position < keys.length; position++) {
            GroundTruthObject object = all.get(listIndex(keys[position]));
            int image = (int) (cellKey(keys[position]) / categoryCountForKeys());
            if (boxes && object.bbox() == null) {
                throw new EvaluationInputException("annotation " + object.id() + " has no 'bbox', which box evaluation needs");
            }
            if (!boxes && object.mask() == null) {
                throw new EvaluationInputException("annotation " + object.id() + " has no 'segmentation', which mask evaluation needs");
            }
            double area = object.area();
            if (Double.isNaN(area)) {
                withoutArea++;
                area = boxes ? object.bbox()[2] * object.bbox()[3] : masks.area(object.mask(), imageHeights[image], imageWidths[image]);
            }
            objects[position] = object;
            objectAreas[position] = area;
            objectCrowd[position] = object.crowd();
            objectIgnored[position] = object.crowd() || (params.honourIgnoreFlag() && object.ignore());
            objectIdZero[position] = object.id() == 0;
            if (object.bbox() != null) {
                System.arraycopy(object.bbox(), 0, objectBoxes, 4 * position, 4);
            }
        }
        if (withoutArea > 0) {
            LOG.warn("{} ground-truth objects have no 'area'; their {} area decides their area range", withoutArea, boxes ? "box" : "mask");
        }
    }

    /**
     * Fills detection values. As pycocotools' {@code loadRes} does, the first detection decides where
     * areas come from: when it has a box, a detection's area is its box's width times height, even for
     * mask evaluation; otherwise every area is the mask's pixel count. A detection without a box takes
     * the mask's bounding box, and one without a mask keeps its box area (pycocotools raises there).
     */
    private void fillDetections(CocoDetections all, long[] keys, MaskGeometry masks) {
        for (long key : keys) {
            validateDetection(all, listIndex(key));
        }
        boolean areaFromBox = all.size() > 0 && all.hasBox(0);
        IntStream.range(0, keys.length).parallel().forEach(position -> fillDetection(all, keys[position], position, areaFromBox, masks));
    }

    private static void validateDetection(CocoDetections all, int index) {
        double score = all.score(index);
        if (!Double.isFinite(score)) {
            throw new EvaluationInputException("detection [" + index + "] has score " + score + "; scores must be finite");
        }
        if (all.hasBox(index)) {
            if (!(all.boxValue(index, 2) >= 0) || !(all.boxValue(index, 3) >= 0)) {
                throw new EvaluationInputException("detection [" + index + "] has an invalid box " + Arrays.toString(all.box(index))
                        + "; boxes are [x, y, width, height] with width and height at least 0");
            }
        } else if (all.mask(index) == null) {
            throw new EvaluationInputException("detection [" + index + "] has neither a box nor a mask");
        }
    }

    private void fillDetection(CocoDetections all, long key, int position, boolean areaFromBox, MaskGeometry masks) {
        int index = listIndex(key);
        int image = (int) (cellKey(key) / categoryCountForKeys());
        InstanceMask mask = all.mask(index);
        int box = 4 * position;
        if (all.hasBox(index)) {
            all.copyBox(index, detectionBoxes, box);
        } else {
            System.arraycopy(masks.boundingBox(mask, imageHeights[image], imageWidths[image]), 0, detectionBoxes, box, 4);
        }
        if (mask == null && params.iouType() == IouType.SEGM) {
            mask = masks.boxPolygon(all.box(index));
        }

        detectionScores[position] = all.score(index);
        if ((areaFromBox && all.hasBox(index)) || mask == null) {
            detectionAreas[position] = detectionBoxes[box + 2] * detectionBoxes[box + 3];
        } else {
            detectionAreas[position] = masks.area(mask, imageHeights[image], imageWidths[image]);
        }
        detectionMasks[position] = params.iouType() == IouType.SEGM ? mask : null;
    }

    private static int countCells(long[] objectKeys, long[] detectionKeys) {
        int cells = 0;
        int o = 0;
        int d = 0;
        while (o < objectKeys.length || d < detectionKeys.length) {
            long key = nextKey(objectKeys, o, detectionKeys, d);
            while (o < objectKeys.length && cellKey(objectKeys[o]) == key) {
                o++;
            }
            while (d < detectionKeys.length && cellKey(detectionKeys[d]) == key) {
                d++;
            }
            cells++;
        }
        return cells;
    }

    private void fillCells(long[] objectKeys, long[] detectionKeys) {
        int cell = 0;
        int o = 0;
        int d = 0;
        while (o < objectKeys.length || d < detectionKeys.length) {
            long key = nextKey(objectKeys, o, detectionKeys, d);
            cellImage[cell] = (int) (key / categoryCountForKeys());
            cellCategory[cell] = (int) (key % categoryCountForKeys());
            cellObjectStart[cell] = o;
            while (o < objectKeys.length && cellKey(objectKeys[o]) == key) {
                o++;
            }
            cellObjectEnd[cell] = o;
            cellDetectionStart[cell] = d;
            while (d < detectionKeys.length && cellKey(detectionKeys[d]) == key) {
                d++;
            }
            cellDetectionEnd[cell] = d;
            cell++;
        }
    }

    private static long nextKey(long[] objectKeys, int o, long[] detectionKeys, int d) {
        long key = Long.MAX_VALUE;
        if (o < objectKeys.length) {
            key = cellKey(objectKeys[o]);
        }
        if (d < detectionKeys.length) {
            key = Math.min(key, cellKey(detectionKeys[d]));
        }
        return key;
    }
}
