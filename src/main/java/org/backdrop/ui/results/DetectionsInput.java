package org.backdrop.ui.results;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A COCO results file: one detector's detections on one variant.
 *
 * @param detector the row name in the table, the same for every variant of one detector
 * @param variant the name of the variant the detections were made on
 * @param file a JSON list of {@code {image_id, category_id, bbox, score}}
 */
public record DetectionsInput(String detector, String variant, Path file) {

    public DetectionsInput {
        Objects.requireNonNull(detector, "detector");
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(file, "file");
    }
}
