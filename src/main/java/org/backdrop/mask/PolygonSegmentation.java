package org.backdrop.mask;

import java.util.List;

/**
 * One or more polygons in pixel coordinates, each part a flat {@code x0, y0, x1, y1, …} array as COCO
 * stores it. The object is the union of the parts.
 */
public record PolygonSegmentation(List<double[]> parts) implements Segmentation {

    public PolygonSegmentation {
        parts = List.copyOf(parts);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof PolygonSegmentation that) || that.parts.size() != parts.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!java.util.Arrays.equals(parts.get(i), that.parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 1;
        for (double[] part : parts) {
            hash = 31 * hash + java.util.Arrays.hashCode(part);
        }
        return hash;
    }
}
