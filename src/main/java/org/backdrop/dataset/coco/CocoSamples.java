package org.backdrop.dataset.coco;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.ImageRef;
import org.backdrop.dataset.Sample;

/**
 * The samples of a COCO dataset as a read-only view over the compact tables: {@link #get} builds
 * each {@link Sample}, with its annotations, polygons and masks, when it is asked for, and keeps
 * nothing. Calling {@code get} twice returns equal, separate records. Safe for concurrent reads.
 */
final class CocoSamples extends AbstractList<Sample> implements RandomAccess {

    private final CocoImages images;
    private final CocoAnnotations annotations;
    private final int[] sampleRows;
    private final int[] annotationStarts;
    private final int[] annotationOrder;

    /**
     * @param sampleRows the image rows that are samples, in file order
     * @param annotationStarts for image row {@code r}, the annotations are
     *     {@code annotationOrder[annotationStarts[r]]} up to, not including,
     *     {@code annotationOrder[annotationStarts[r + 1]]}
     * @param annotationOrder annotation rows grouped by image
     */
    CocoSamples(CocoImages images, CocoAnnotations annotations, int[] sampleRows, int[] annotationStarts, int[] annotationOrder) {
        this.images = images;
        this.annotations = annotations;
        this.sampleRows = sampleRows;
        this.annotationStarts = annotationStarts;
        this.annotationOrder = annotationOrder;
    }

    @Override
    public Sample get(int index) {
        int row = sampleRows[index];
        int first = annotationStarts[row];
        int end = annotationStarts[row + 1];
        Annotation[] objects = new Annotation[end - first];
        for (int k = first; k < end; k++) {
            objects[k - first] = annotations.annotation(annotationOrder[k]);
        }
        ImageRef image = new ImageRef.File(images.fileName(row).replace('\\', '/'));
        return new Sample(Long.toString(images.id(row)), image, images.width(row), images.height(row), List.of(), List.of(objects));
    }

    @Override
    public int size() {
        return sampleRows.length;
    }

    /** Returns the number of annotations over all samples, without building any record. */
    int annotationCount() {
        return annotationOrder.length;
    }
}
