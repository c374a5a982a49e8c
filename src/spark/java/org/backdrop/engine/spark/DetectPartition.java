package org.backdrop.engine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.eval.coco.CocoDetection;
import org.backdrop.eval.detection.DetectionJob;
import org.backdrop.eval.detection.DetectorRunner;
import org.backdrop.model.ModelException;

/**
 * The task that runs a detector on one partition of batches on an executor with
 * {@link DetectorRunner#detect}, the function local runs call. The job is opened once per executor JVM
 * (see {@link ExecutorJobs#open}). A batch that fails is retried by Spark. In the last attempt its
 * images are run one at a time, so only the samples that fail on their own are listed as skipped.
 */
final class DetectPartition implements FlatMapFunction<Iterator<Integer>, DetectPartition.Outcome> {

    private static final long serialVersionUID = 1L;

    /** One batch's run, in a form Spark can send back to the driver. */
    record Outcome(int batch, long[] imageIds, long[] categoryIds, double[] scores, double[][] boxes, String[] unmatchedClasses,
            String[] skippedFiles, String[] skippedReasons) implements Serializable {

        private static final long serialVersionUID = 1L;

        static Outcome of(int batch, DetectorRunner.Run run) {
            List<CocoDetection> detections = run.detections();
            List<InvalidSample> skipped = run.skipped();
            return new Outcome(batch,
                    detections.stream().mapToLong(CocoDetection::imageId).toArray(),
                    detections.stream().mapToLong(CocoDetection::categoryId).toArray(),
                    detections.stream().mapToDouble(CocoDetection::score).toArray(),
                    detections.stream().map(CocoDetection::bbox).toArray(double[][]::new),
                    run.unmatchedClasses().toArray(String[]::new),
                    skipped.stream().map(InvalidSample::file).toArray(String[]::new),
                    skipped.stream().map(InvalidSample::reason).toArray(String[]::new));
        }

        DetectorRunner.Run toRun() {
            List<CocoDetection> detections = new ArrayList<>();
            for (int i = 0; i < imageIds.length; i++) {
                detections.add(new CocoDetection(imageIds[i], categoryIds[i], scores[i], boxes[i], null));
            }
            List<InvalidSample> skipped = new ArrayList<>();
            for (int i = 0; i < skippedFiles.length; i++) {
                skipped.add(new InvalidSample(skippedFiles[i], skippedReasons[i]));
            }
            return new DetectorRunner.Run(detections, List.of(unmatchedClasses), skipped);
        }
    }

    private final Broadcast<DetectionJob> job;
    private final int maxFailures;
    private final String failSample;

    DetectPartition(Broadcast<DetectionJob> job, int maxFailures, String failSample) {
        this.job = job;
        this.maxFailures = maxFailures;
        this.failSample = failSample;
    }

    @Override
    public Iterator<Outcome> call(Iterator<Integer> batches) throws DatasetException, ModelException {
        DetectionJob shipped = job.value();
        DetectionJob.Opened detector = ExecutorJobs.open(shipped.key(), shipped::open);
        boolean lastAttempt = ExecutorJobs.lastAttempt(maxFailures);
        List<Outcome> outcomes = new ArrayList<>();
        while (batches.hasNext()) {
            int batch = batches.next();
            int start = shipped.batchStart(batch);
            int end = shipped.batchEnd(batch);
            DetectorRunner.Run run;
            // One detector per JVM, and one inference at a time on it.
            synchronized (detector) {
                try {
                    run = detect(shipped, detector, start, end);
                } catch (ModelException | RuntimeException e) {
                    if (!lastAttempt) {
                        throw e;
                    }
                    run = end - start == 1 ? detector.failed(start, ExecutorJobs.failedReason(maxFailures, e)) : oneByOne(shipped, detector, start, end);
                }
            }
            outcomes.add(Outcome.of(batch, run));
        }
        return outcomes.iterator();
    }

    private DetectorRunner.Run detect(DetectionJob shipped, DetectionJob.Opened detector, int start, int end) throws ModelException {
        if (failSample != null) {
            for (int position = start; position < end; position++) {
                ExecutorJobs.failIfInjected(failSample, shipped.sampleId(position));
            }
        }
        return detector.detect(start, end);
    }

    /** Runs a batch that failed in its last attempt one image at a time, skipping only the images that fail alone. */
    private DetectorRunner.Run oneByOne(DetectionJob shipped, DetectionJob.Opened detector, int start, int end) {
        List<DetectorRunner.Run> parts = new ArrayList<>();
        for (int position = start; position < end; position++) {
            try {
                parts.add(detect(shipped, detector, position, position + 1));
            } catch (ModelException | RuntimeException e) {
                parts.add(detector.failed(position, ExecutorJobs.failedReason(maxFailures, e)));
            }
        }
        return DetectorRunner.merge(parts);
    }
}
