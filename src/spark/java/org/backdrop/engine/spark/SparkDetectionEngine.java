package org.backdrop.engine.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.backdrop.ProgressListener;
import org.backdrop.eval.detection.DetectionEngine;
import org.backdrop.eval.detection.DetectionJob;
import org.backdrop.eval.detection.DetectorRunner;

/**
 * Runs a detector's batches as a Spark job: each executor detects whole batches, the same batches a
 * local run forms, so every image meets the model in the same batch. The model is shipped to each
 * executor once with {@link JavaSparkContext#addFile} and loaded there once.
 */
final class SparkDetectionEngine implements DetectionEngine {

    /** Batches per task. Detectors often take one image per call, so a task runs several calls. */
    static final int BATCHES_PER_TASK = 16;

    private final JavaSparkContext context;
    private final int maxFailures;

    SparkDetectionEngine(JavaSparkContext context, int maxFailures) {
        this.context = context;
        this.maxFailures = maxFailures;
    }

    @Override
    public List<DetectorRunner.Run> detect(DetectionJob job, ProgressListener progress) throws IOException {
        int batches = job.batches();
        if (batches == 0) {
            return List.of();
        }
        ExecutorJobs.ship(context, job.files());
        Broadcast<DetectionJob> shipped = context.broadcast(job);
        int partitions = ExecutorJobs.partitions(context, batches, BATCHES_PER_TASK);
        String failSample = System.getProperty(RenderPartition.FAIL_SAMPLE_PROPERTY);
        progress.progress(0, batches, "Detecting objects on Spark");
        List<DetectPartition.Outcome> outcomes;
        try {
            outcomes = context.parallelize(IntStream.range(0, batches).boxed().toList(), partitions)
                    .mapPartitions(new DetectPartition(shipped, maxFailures, failSample))
                    .collect();
        } catch (RuntimeException e) {
            throw new IOException("the Spark job detecting objects failed: " + e.getMessage(), e);
        } finally {
            shipped.destroy();
        }
        DetectorRunner.Run[] runs = new DetectorRunner.Run[batches];
        outcomes.forEach(outcome -> runs[outcome.batch()] = outcome.toRun());
        progress.progress(batches, batches, "Detecting objects on Spark");
        return new ArrayList<>(Arrays.asList(runs));
    }
}
