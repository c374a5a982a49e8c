package org.backdrop.dataset.coco;

import java.util.List;
import org.backdrop.dataset.Category;

/**
 * The records {@link CocoParser} read from one COCO file, before image and category ids are linked.
 *
 * @param images every image record, readable or not
 * @param annotations the readable annotation records
 * @param categories the readable categories in file order, duplicates included
 * @param annotationProblems annotation records that could not be read
 * @param categoryProblems category records that could not be read, each as a full message
 * @param shortPolygonParts polygon parts with fewer than 3 points, which cover no pixels
 * @param firstShortPolygonAnnotation the id of the first annotation with such a part
 */
record CocoParse(
        CocoImages images,
        CocoAnnotations annotations,
        List<Category> categories,
        List<RecordProblem> annotationProblems,
        List<String> categoryProblems,
        long shortPolygonParts,
        long firstShortPolygonAnnotation) {

    /**
     * An annotation record that could not be read.
     *
     * @param record how to find the record, such as {@code annotation 17} or
     *     {@code the annotation record at line 9, column 3}
     * @param imageId the annotation's {@code image_id}, or null when it has none
     * @param reason what is wrong
     */
    record RecordProblem(String record, Long imageId, String reason) {}
}
