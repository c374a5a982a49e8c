package org.backdrop.eval.detection;

import java.util.ArrayList;
import java.util.List;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.eval.coco.CocoCategory;
import org.backdrop.eval.coco.CocoGroundTruth;
import org.backdrop.eval.coco.CocoImage;
import org.backdrop.eval.coco.GroundTruthObject;

/**
 * Turns a dataset's annotations into COCO ground truth for box evaluation. Image ids are the sample's
 * position plus one, so that every layout (VOC file stems, CIFAR records) gets numeric ids. An object's
 * area is its {@code area} field when the dataset has one, else its box area. VOC's difficult objects
 * become ignored objects, which only count when evaluation honours the ignore flag.
 */
public final class DatasetGroundTruth {

    private DatasetGroundTruth() {}

    /** Returns the ground truth of {@code dataset}; image {@code i + 1} is sample {@code i}. */
    public static CocoGroundTruth of(Dataset dataset) {
        List<CocoImage> images = new ArrayList<>();
        List<GroundTruthObject> objects = new ArrayList<>();
        List<Sample> samples = dataset.samples();
        long nextObjectId = 1;
        for (int i = 0; i < samples.size(); i++) {
            Sample sample = samples.get(i);
            long imageId = i + 1L;
            images.add(new CocoImage(imageId, sample.width(), sample.height()));
            for (Annotation annotation : sample.annotations()) {
                double area = Double.isNaN(annotation.area()) ? annotation.box().area() : annotation.area();
                objects.add(new GroundTruthObject(nextObjectId++, imageId, annotation.categoryId(), annotation.box().toCoco(), area,
                        annotation.crowd(), annotation.difficult(), null));
            }
        }
        List<CocoCategory> categories = new ArrayList<>();
        for (Category category : dataset.categories()) {
            categories.add(new CocoCategory(category.id(), category.name()));
        }
        return new CocoGroundTruth(images, categories, objects);
    }
}
