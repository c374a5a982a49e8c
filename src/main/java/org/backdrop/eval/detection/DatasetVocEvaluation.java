package org.backdrop.eval.detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.Annotation;
import org.backdrop.dataset.BoundingBox;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.eval.EvaluationInputException;
import org.backdrop.eval.coco.CocoDetection;
import org.backdrop.eval.voc.VocDetection;
import org.backdrop.eval.voc.VocEvaluation;
import org.backdrop.eval.voc.VocEvaluator;
import org.backdrop.eval.voc.VocMetric;
import org.backdrop.eval.voc.VocObject;

/**
 * PASCAL VOC AP of detections on a Backdrop dataset, with the rules of {@link VocEvaluator}.
 *
 * <p>Boxes go back to VOC's 1-based inclusive corners ({@link BoundingBox#toVoc}): the annotations of
 * a VOC dataset come back as their file has them, and a detection's continuous box {@code [x, x + w)}
 * becomes {@code xmin = x + 1, xmax = x + w}, the conversion py-faster-rcnn applies when it writes its
 * results files. Difficult objects stay difficult, crowd regions count as difficult, and classes are
 * the dataset's category names.
 */
public final class DatasetVocEvaluation {

    private DatasetVocEvaluation() {}

    /**
     * Evaluates detections whose image ids follow {@link DatasetGroundTruth} (sample position plus one).
     *
     * @param iouThreshold the IoU that a match must exceed, 0.5 in VOC
     * @throws EvaluationInputException if a detection names an image or category the dataset lacks
     */
    public static VocEvaluation evaluate(Dataset dataset, List<CocoDetection> detections, double iouThreshold, VocMetric metric) {
        Map<Integer, String> classNames = new HashMap<>();
        for (Category category : dataset.categories()) {
            classNames.put(category.id(), category.name());
        }

        Map<String, List<VocObject>> objects = new LinkedHashMap<>();
        List<Sample> samples = dataset.samples();
        for (Sample sample : samples) {
            List<VocObject> ofImage = new ArrayList<>();
            for (Annotation annotation : sample.annotations()) {
                double[] corners = annotation.box().toVoc();
                ofImage.add(new VocObject(className(classNames, annotation.categoryId()), corners[0], corners[1], corners[2], corners[3],
                        annotation.difficult() || annotation.crowd()));
            }
            objects.put(sample.id(), ofImage);
        }

        Map<String, List<VocDetection>> byClass = new LinkedHashMap<>();
        for (CocoDetection detection : detections) {
            long position = detection.imageId() - 1;
            if (position < 0 || position >= samples.size()) {
                throw new EvaluationInputException("a detection lies on image " + detection.imageId() + ", but the dataset "
                        + dataset.root() + " has images 1 to " + samples.size());
            }
            double[] box = detection.bbox();
            double[] corners = new BoundingBox(box[0], box[1], box[2], box[3]).toVoc();
            byClass.computeIfAbsent(className(classNames, Math.toIntExact(detection.categoryId())), name -> new ArrayList<>())
                    .add(new VocDetection(samples.get((int) position).id(), detection.score(), corners[0], corners[1], corners[2], corners[3]));
        }
        return VocEvaluator.evaluate(objects, byClass, null, iouThreshold, metric);
    }

    private static String className(Map<Integer, String> classNames, int categoryId) {
        String name = classNames.get(categoryId);
        if (name == null) {
            throw new EvaluationInputException("category id " + categoryId + " is not a category of the dataset");
        }
        return name;
    }
}
