package org.backdrop.eval.coco;

import java.util.List;

/**
 * A range of object areas in square pixels; both ends belong to the range. The summary looks ranges
 * up by label ({@code all}, {@code small}, {@code medium}, {@code large}).
 */
public record AreaRange(String label, double min, double max) {

    /** COCO's ranges: all [0, 1e10], small [0, 32²], medium [32², 96²], large [96², 1e10]. */
    public static final List<AreaRange> COCO = List.of(
            new AreaRange("all", 0, 1e10),
            new AreaRange("small", 0, 32 * 32),
            new AreaRange("medium", 32 * 32, 96 * 96),
            new AreaRange("large", 96 * 96, 1e10));

    public AreaRange {
        if (label == null || label.isEmpty()) {
            throw new IllegalArgumentException("an area range needs a label");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("invalid area range " + label + ": min " + min + " is not at most max " + max);
        }
    }

    /** Returns whether {@code area} lies outside the range. */
    public boolean excludes(double area) {
        return area < min || area > max;
    }
}
