package org.backdrop.eval.detection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Category;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.Sample;
import org.backdrop.dataset.SampleImages;
import org.backdrop.eval.coco.CocoDetection;
import org.backdrop.image.RgbImage;
import org.backdrop.model.Detection;
import org.backdrop.model.Detector;
import org.backdrop.model.ModelException;

/**
 * Runs a detector over every sample of a dataset and returns COCO detections whose image ids follow
 * {@link DatasetGroundTruth} (sample position plus one). A detection's class is matched to the
 * dataset's category of the same name, ignoring case. Detections of classes the dataset lacks are
 * dropped, because COCO evaluation would drop them too.
 */
public final class DetectorRunner {

    /**
     * The detections of one dataset, or of one batch of its samples.
     *
     * @param detections every kept detection
     * @param unmatchedClasses model class names that name no category of the dataset
     * @param skipped samples whose image could not be read
     */
    public record Run(List<CocoDetection> detections, List<String> unmatchedClasses, List<InvalidSample> skipped) {}

    private DetectorRunner() {}

    /**
     * Detects objects in every sample, {@code detector.batchSize()} images per call.
     *
     * @throws ModelException if inference fails
     */
    public static Run run(Detector detector, Dataset dataset, SampleImages images, ProgressListener progress) throws ModelException {
        int total = dataset.samples().size();
        int batchSize = batchSize(detector);
        List<Run> batches = new ArrayList<>();
        for (int start = 0; start < total; start += batchSize) {
            if (progress.isCancelled()) {
                break;
            }
            int end = Math.min(total, start + batchSize);
            batches.add(detect(detector, dataset, images, start, end));
            progress.progress(end, total, "Detecting objects");
        }
        return merge(batches);
    }

    /** Returns the number of images per inference call: the detector's batch size, at least 1. */
    public static int batchSize(Detector detector) {
        return Math.max(1, detector.batchSize());
    }

    /**
     * Detects objects in samples {@code start} (inclusive) to {@code end} (exclusive) in one inference
     * call: the work every engine (local, Spark executors) does per batch. A sample whose image cannot be
     * read is skipped with the reason.
     *
     * @throws ModelException if inference fails
     */
    public static Run detect(Detector detector, Dataset dataset, SampleImages images, int start, int end) throws ModelException {
        Map<String, Integer> categoryByName = new HashMap<>();
        for (Category category : dataset.categories()) {
            categoryByName.putIfAbsent(category.name().toLowerCase(Locale.ROOT), category.id());
        }
        List<CocoDetection> detections = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        List<InvalidSample> skipped = new ArrayList<>();
        List<Sample> samples = dataset.samples();
        List<RgbImage> batch = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = start; i < end; i++) {
            try {
                batch.add(images.load(dataset, samples.get(i)));
                positions.add(i);
            } catch (IOException e) {
                skipped.add(new InvalidSample(samples.get(i).image().describe(), e.getMessage()));
            }
        }
        List<List<Detection>> found = batch.isEmpty() ? List.of() : detector.detect(batch);
        for (int b = 0; b < found.size(); b++) {
            long imageId = positions.get(b) + 1L;
            for (Detection detection : found.get(b)) {
                Integer categoryId = categoryByName.get(detection.className().toLowerCase(Locale.ROOT));
                if (categoryId == null) {
                    if (!unmatched.contains(detection.className())) {
                        unmatched.add(detection.className());
                    }
                    continue;
                }
                detections.add(new CocoDetection(imageId, categoryId, detection.score(), detection.box().toCoco(), null));
            }
        }
        return new Run(detections, unmatched, skipped);
    }

    /**
     * Joins the runs of consecutive batches, in order, into the run a single pass over them gives: the
     * detections and skipped samples one after the other, each unmatched class once, where it first
     * appeared.
     */
    public static Run merge(List<Run> parts) {
        List<CocoDetection> detections = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        List<InvalidSample> skipped = new ArrayList<>();
        for (Run part : parts) {
            detections.addAll(part.detections());
            for (String name : part.unmatchedClasses()) {
                if (!unmatched.contains(name)) {
                    unmatched.add(name);
                }
            }
            skipped.addAll(part.skipped());
        }
        return new Run(detections, unmatched, skipped);
    }
}
