package org.backdrop.eval.coco;

import java.util.Arrays;
import java.util.List;

/**
 * Settings of a COCO evaluation. {@link #defaults(IouType)} gives pycocotools' defaults.
 *
 * @param iouType boxes or masks
 * @param iouThresholds IoU thresholds in [0, 1]; a detection matches an object when IoU is at least
 *     the threshold (thresholds of 1 are taken as {@code 1 - 1e-10}, as pycocotools does)
 * @param recallThresholds recall thresholds in [0, 1], ascending, at which precision is sampled
 * @param maxDetections the numbers of top-scoring detections per image and category that count;
 *     stored ascending without repeats, and only the largest goes into matching
 * @param areaRanges object area ranges; the summary looks up {@code all}, {@code small},
 *     {@code medium} and {@code large} by label
 * @param honourIgnoreFlag when true, an object whose {@code ignore} field is set is ignored like a
 *     crowd region; when false (pycocotools) only {@code iscrowd} decides
 * @param pycocotoolsCompatible when true, the summary reproduces pycocotools' faults: the first AP
 *     is -1 unless 100 is among {@code maxDetections}, and a matched object with annotation id 0
 *     counts as no match
 */
public record CocoEvalParams(
        IouType iouType,
        double[] iouThresholds,
        double[] recallThresholds,
        int[] maxDetections,
        List<AreaRange> areaRanges,
        boolean honourIgnoreFlag,
        boolean pycocotoolsCompatible) {

    /**
     * Validates and copies the settings.
     *
     * @throws IllegalArgumentException if a list is empty, a threshold lies outside [0, 1], recall
     *     thresholds are not ascending or a maximum number of detections is not positive
     */
    public CocoEvalParams {
        if (iouType == null) {
            throw new IllegalArgumentException("the IoU type is missing; use BBOX or SEGM");
        }
        iouThresholds = checkedThresholds(iouThresholds, "IoU");
        recallThresholds = checkedThresholds(recallThresholds, "recall");
        for (int i = 1; i < recallThresholds.length; i++) {
            if (recallThresholds[i] < recallThresholds[i - 1]) {
                throw new IllegalArgumentException("recall thresholds must be ascending, got " + Arrays.toString(recallThresholds));
            }
        }
        if (maxDetections == null || maxDetections.length == 0) {
            throw new IllegalArgumentException("at least one maximum number of detections is needed, such as 100");
        }
        maxDetections = Arrays.stream(maxDetections).sorted().distinct().toArray();
        if (maxDetections[0] <= 0) {
            throw new IllegalArgumentException("maximum numbers of detections must be positive, got " + Arrays.toString(maxDetections));
        }
        if (areaRanges == null || areaRanges.isEmpty()) {
            throw new IllegalArgumentException("at least one area range is needed, such as AreaRange.COCO");
        }
        areaRanges = List.copyOf(areaRanges);
        if (areaRanges.stream().map(AreaRange::label).distinct().count() != areaRanges.size()) {
            throw new IllegalArgumentException("area range labels must differ, got " + areaRanges);
        }
    }

    /**
     * Returns pycocotools' defaults: IoU thresholds 0.50 to 0.95 in steps of 0.05, recall thresholds 0
     * to 1 in steps of 0.01 (both as {@code numpy.linspace} computes them), maxDets 1, 10 and 100, COCO's
     * area ranges, {@code ignore} overwritten by {@code iscrowd}, and pycocotools' summary faults fixed.
     */
    public static CocoEvalParams defaults(IouType iouType) {
        return new CocoEvalParams(
                iouType, linspace(0.5, 0.95, 10), linspace(0.0, 1.0, 101), new int[] {1, 10, 100}, AreaRange.COCO, false, false);
    }

    /**
     * Returns {@code count} evenly spaced values from {@code start} to {@code stop}, bit for bit as
     * {@code numpy.linspace}: value i is {@code i * step + start} and the last is {@code stop}.
     */
    public static double[] linspace(double start, double stop, int count) {
        double[] values = new double[count];
        if (count == 0) {
            return values;
        }
        double step = count > 1 ? (stop - start) / (count - 1) : 0.0;
        for (int i = 0; i < count; i++) {
            values[i] = i * step + start;
        }
        if (count > 1) {
            values[count - 1] = stop;
        }
        return values;
    }

    /** Returns these settings with other IoU thresholds. */
    public CocoEvalParams withIouThresholds(double[] thresholds) {
        return new CocoEvalParams(iouType, thresholds, recallThresholds, maxDetections, areaRanges, honourIgnoreFlag, pycocotoolsCompatible);
    }

    /** Returns these settings with other maximum numbers of detections per image and category. */
    public CocoEvalParams withMaxDetections(int[] maxDets) {
        return new CocoEvalParams(iouType, iouThresholds, recallThresholds, maxDets, areaRanges, honourIgnoreFlag, pycocotoolsCompatible);
    }

    /** Returns these settings with the {@code ignore} field honoured or not. */
    public CocoEvalParams withHonourIgnoreFlag(boolean honour) {
        return new CocoEvalParams(iouType, iouThresholds, recallThresholds, maxDetections, areaRanges, honour, pycocotoolsCompatible);
    }

    /** Returns these settings with pycocotools' summary faults reproduced or fixed. */
    public CocoEvalParams withPycocotoolsCompatible(boolean compatible) {
        return new CocoEvalParams(iouType, iouThresholds, recallThresholds, maxDetections, areaRanges, honourIgnoreFlag, compatible);
    }

    /** Returns a copy of the IoU thresholds. */
    @Override
    public double[] iouThresholds() {
        return iouThresholds.clone();
    }

    /** Returns a copy of the recall thresholds. */
    @Override
    public double[] recallThresholds() {
        return recallThresholds.clone();
    }

    /** Returns a copy of the maximum numbers of detections, ascending. */
    @Override
    public int[] maxDetections() {
        return maxDetections.clone();
    }

    int iouThresholdCount() {
        return iouThresholds.length;
    }

    double iouThreshold(int index) {
        return iouThresholds[index];
    }

    int recallThresholdCount() {
        return recallThresholds.length;
    }

    double recallThreshold(int index) {
        return recallThresholds[index];
    }

    int maxDetectionCount() {
        return maxDetections.length;
    }

    int maxDetection(int index) {
        return maxDetections[index];
    }

    int largestMaxDetection() {
        return maxDetections[maxDetections.length - 1];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CocoEvalParams that
                && iouType == that.iouType
                && Arrays.equals(iouThresholds, that.iouThresholds)
                && Arrays.equals(recallThresholds, that.recallThresholds)
                && Arrays.equals(maxDetections, that.maxDetections)
                && areaRanges.equals(that.areaRanges)
                && honourIgnoreFlag == that.honourIgnoreFlag
                && pycocotoolsCompatible == that.pycocotoolsCompatible;
    }

    @Override
    public int hashCode() {
        int hash = iouType.hashCode();
        hash = 31 * hash + Arrays.hashCode(iouThresholds);
        hash = 31 * hash + Arrays.hashCode(recallThresholds);
        hash = 31 * hash + Arrays.hashCode(maxDetections);
        hash = 31 * hash + areaRanges.hashCode();
        hash = 31 * hash + Boolean.hashCode(honourIgnoreFlag);
        return 31 * hash + Boolean.hashCode(pycocotoolsCompatible);
    }

    @Override
    public String toString() {
        return "CocoEvalParams[" + iouType.cocoName() + ", iouThresholds=" + Arrays.toString(iouThresholds)
                + ", maxDetections=" + Arrays.toString(maxDetections) + ", areaRanges=" + areaRanges
                + ", honourIgnoreFlag=" + honourIgnoreFlag + ", pycocotoolsCompatible=" + pycocotoolsCompatible + "]";
    }

    private static double[] checkedThresholds(double[] thresholds, String kind) {
        if (thresholds == null || thresholds.length == 0) {
            throw new IllegalArgumentException("at least one " + kind + " threshold is needed");
        }
        for (double threshold : thresholds) {
            if (!(threshold >= 0 && threshold <= 1)) {
                throw new IllegalArgumentException("invalid " + kind + " threshold " + threshold + ": thresholds lie in [0, 1]");
            }
        }
        return thresholds.clone();
    }
}
