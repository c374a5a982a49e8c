package org.backdrop.mask;

import java.util.List;

/**
 * Intersection over union of masks and of boxes, computed as pycocotools' {@code rleIou} and
 * {@code bbIou} ({@code maskApi.c}) compute them, with the same operations in the same order, so the
 * doubles are bit-identical to COCOeval's.
 *
 * <p>For a crowd ground truth the denominator is the detection's area instead of the union, so a
 * detection inside a crowd region scores 1.
 */
public final class MaskIou {

    private MaskIou() {}

    /**
     * Computes the IoU of every detection mask with every ground-truth mask.
     *
     * <p>Pairs whose bounding boxes do not overlap get 0 without looking at the masks. Other pairs are
     * computed by walking both run lists once, without decoding to pixels. A pair of empty masks gets 0.
     *
     * @param dt the detection masks
     * @param gt the ground-truth masks
     * @param crowd for each ground truth, whether it is a crowd region ({@code iscrowd = 1})
     * @return {@code iou[d][g]} in 0..1; an array of {@code dt.size()} empty rows when {@code gt} is
     *     empty
     * @throws IllegalArgumentException if {@code crowd.length != gt.size()} or the masks do not all have
     *     the same size (the message names both sizes)
     */
    public static double[][] iou(List<Rle> dt, List<Rle> gt, boolean[] crowd) {
        requireCrowdFlags(gt.size(), crowd);
        requireOneSize(dt, gt);

        double[][] dtBoxes = boxes(dt);
        double[][] gtBoxes = boxes(gt);
        double[][] result = boxIou(dtBoxes, gtBoxes, crowd);

        for (int d = 0; d < dt.size(); d++) {
            int[] dtRuns = dt.get(d).runsView();
            long dtArea = dt.get(d).area();
            double[] row = result[d];
            for (int g = 0; g < row.length; g++) {
                if (row[g] > 0) {
                    row[g] = runIou(dtRuns, gt.get(g).runsView(), crowd[g], dtArea);
                }
            }
        }
        return result;
    }

    /**
     * Computes the IoU of every detection box with every ground-truth box, boxes as COCO's
     * {@code [x, y, width, height]} in pixels. Boxes that only touch, and boxes of zero width or height,
     * get 0.
     *
     * @param dt the detection boxes
     * @param gt the ground-truth boxes
     * @param crowd for each ground truth, whether it is a crowd region ({@code iscrowd = 1})
     * @return {@code iou[d][g]}; an array of {@code dt.length} empty rows when {@code gt} is empty
     * @throws IllegalArgumentException if a box does not have 4 values or
     *     {@code crowd.length != gt.length}
     */
    public static double[][] boxIou(double[][] dt, double[][] gt, boolean[] crowd) {
        requireCrowdFlags(gt.length, crowd);
        requireBoxes(dt, "detection");
        requireBoxes(gt, "ground-truth");

        double[] gtAreas = new double[gt.length];
        for (int g = 0; g < gt.length; g++) {
            gtAreas[g] = gt[g][2] * gt[g][3];
        }
        double[][] result = new double[dt.length][gt.length];
        for (int d = 0; d < dt.length; d++) {
            double[] box = dt[d];
            double dtArea = box[2] * box[3];
            for (int g = 0; g < gt.length; g++) {
                double[] other = gt[g];
                double overlapWidth = Math.min(box[2] + box[0], other[2] + other[0]) - Math.max(box[0], other[0]);
                if (overlapWidth <= 0) {
                    continue;
                }
                double overlapHeight = Math.min(box[3] + box[1], other[3] + other[1]) - Math.max(box[1], other[1]);
                if (overlapHeight <= 0) {
                    continue;
                }
                double intersection = overlapWidth * overlapHeight;
                double union = crowd[g] ? dtArea : dtArea + gtAreas[g] - intersection;
                result[d][g] = intersection / union;
            }
        }
        return result;
    }

    /** Walks two run lists of one mask size together, counting intersection and union pixels. */
    private static double runIou(int[] dtRuns, int[] gtRuns, boolean crowd, long dtArea) {
        long remainingDt = dtRuns[0];
        long remainingGt = gtRuns[0];
        int nextDt = 1;
        int nextGt = 1;
        boolean foregroundDt = false;
        boolean foregroundGt = false;
        long intersection = 0;
        long union = 0;
        long remainingTotal = 1;
        while (remainingTotal > 0) {
            long step = Math.min(remainingDt, remainingGt);
            if (foregroundDt || foregroundGt) {
                union += step;
                if (foregroundDt && foregroundGt) {
                    intersection += step;
                }
            }

            remainingDt -= step;
            if (remainingDt == 0 && nextDt < dtRuns.length) {
                remainingDt = dtRuns[nextDt++];
                foregroundDt = !foregroundDt;
            }
            remainingGt -= step;
            if (remainingGt == 0 && nextGt < gtRuns.length) {
                remainingGt = gtRuns[nextGt++];
                foregroundGt = !foregroundGt;
            }
            remainingTotal = remainingDt + remainingGt;
        }
        if (intersection == 0) {
            union = 1;
        } else if (crowd) {
            union = dtArea;
        }
        return (double) intersection / (double) union;
    }

    private static double[][] boxes(List<Rle> masks) {
        double[][] boxes = new double[masks.size()][];
        for (int i = 0; i < boxes.length; i++) {
            boxes[i] = masks.get(i).toBbox();
        }
        return boxes;
    }

    private static void requireOneSize(List<Rle> dt, List<Rle> gt) {
        Rle first = !dt.isEmpty() ? dt.get(0) : !gt.isEmpty() ? gt.get(0) : null;
        if (first == null) {
            return;
        }
        for (Rle mask : dt) {
            MaskSizes.requireSameSize(first, mask, "compute the IoU of");
        }
        for (Rle mask : gt) {
            MaskSizes.requireSameSize(first, mask, "compute the IoU of");
        }
    }

    private static void requireCrowdFlags(int groundTruthCount, boolean[] crowd) {
        if (crowd.length != groundTruthCount) {
            throw new IllegalArgumentException("got " + crowd.length + " crowd flags for " + groundTruthCount
                    + " ground truths; pass one flag per ground truth");
        }
    }

    private static void requireBoxes(double[][] boxes, String kind) {
        for (int i = 0; i < boxes.length; i++) {
            if (boxes[i].length != 4) {
                throw new IllegalArgumentException(kind + " box " + i + " has " + boxes[i].length
                        + " values, but a box needs 4: [x, y, width, height]");
            }
        }
    }
}
