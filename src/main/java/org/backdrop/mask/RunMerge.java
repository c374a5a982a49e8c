package org.backdrop.mask;

import java.util.Arrays;
import java.util.List;

/** Union and intersection of masks by walking their runs, as {@code rleMerge} in pycocotools' {@code maskApi.c}. */
final class RunMerge {

    private RunMerge() {}

    static Rle merge(List<Rle> masks, boolean intersect) {
        if (masks.isEmpty()) {
            throw new IllegalArgumentException("cannot merge an empty list of masks, because the result's size comes from the masks; "
                    + "pass at least one mask, an empty one of the image size if there is nothing to merge");
        }
        Rle first = masks.get(0);
        for (Rle mask : masks) {
            MaskSizes.requireSameSize(first, mask, "merge");
        }
        if (masks.size() == 1 || (long) first.height() * first.width() == 0) {
            return first;
        }
        int[] merged = first.runsView();
        for (int i = 1; i < masks.size(); i++) {
            merged = mergeTwo(merged, masks.get(i).runsView(), intersect);
        }
        return new Rle(first.height(), first.width(), merged);
    }

    /** Merges two run lists of the same mask size, neither empty. */
    private static int[] mergeTwo(int[] a, int[] b, boolean intersect) {
        int[] merged = new int[a.length + b.length + 1];
        int mergedCount = 0;
        long remainingA = a[0];
        long remainingB = b[0];
        int nextA = 1;
        int nextB = 1;
        boolean foregroundA = false;
        boolean foregroundB = false;
        boolean foreground = false;
        long pending = 0;
        long remainingTotal = 1;
        while (remainingTotal > 0) {
            long step = Math.min(remainingA, remainingB);
            pending += step;

            remainingA -= step;
            if (remainingA == 0 && nextA < a.length) {
                remainingA = a[nextA++];
                foregroundA = !foregroundA;
            }
            remainingB -= step;
            if (remainingB == 0 && nextB < b.length) {
                remainingB = b[nextB++];
                foregroundB = !foregroundB;
            }
            remainingTotal = remainingA + remainingB;

            boolean previous = foreground;
            foreground = intersect ? foregroundA && foregroundB : foregroundA || foregroundB;
            if (foreground != previous || remainingTotal == 0) {
                merged[mergedCount++] = (int) pending;
                pending = 0;
            }
        }
        return Arrays.copyOf(merged, mergedCount);
    }
}
