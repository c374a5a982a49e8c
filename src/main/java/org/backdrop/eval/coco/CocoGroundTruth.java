package org.backdrop.eval.coco;

import java.util.List;

/**
 * The ground truth of a COCO evaluation: images, categories and annotated objects, in file order.
 *
 * <p>Evaluation covers exactly these images and categories. Objects on other images or of other
 * categories are left out.
 */
public record CocoGroundTruth(List<CocoImage> images, List<CocoCategory> categories, List<GroundTruthObject> objects) {

    public CocoGroundTruth {
        images = List.copyOf(images);
        categories = List.copyOf(categories);
        objects = List.copyOf(objects);
    }
}
