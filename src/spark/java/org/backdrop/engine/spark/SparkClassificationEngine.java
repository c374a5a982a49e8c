package org.backdrop.engine.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.backdrop.ProgressListener;
import org.backdrop.eval.classification.ClassificationEngine;
import org.backdrop.eval.classification.ClassificationJob;
import org.backdrop.eval.classification.ClassifierRunner;

/**
 * Runs a classifier's batches as a Spark job: each executor classifies whole batches, the same batches
 * a local run forms, so every image meets the model in the same batch. The model is shipped to each
 * executor once with {@link JavaSparkContext#addFile} and loaded there once; its spec travels inside the job.
 */
final class SparkClassificationEngine implements ClassificationEngine {

    /** Batches per task. */
    static final int BATCHES_PER_TASK = 4;

    private final JavaSparkContext context;
    private final int maxFailures;

    SparkClassificationEngine(JavaSparkContext context, int maxFailures) {
        this.context = context;
        this.maxFailures = maxFailures;
    }

    @Override
    public List<ClassifierRunner.BatchResult> classify(ClassificationJob job, ProgressListener progress) throws IOException {
        int batches = job.batches();
        if (batches == 0) {
            return List.of();
        }
        ExecutorJobs.ship(context, job.files());
        Broadcast<ClassificationJob> shipped = context.broadcast(job);
        int partitions = ExecutorJobs.partitions(context, batches, BATCHES_PER_TASK);
        progress.progress(0, batches, "Classifying on Spark");
        List<ClassifyPartition.Outcome> outcomes;
        try {
            outcomes = context.parallelize(IntStream.range(0, batches).boxed().toList(), partitions)
                    .mapPartitions(new ClassifyPartition(shipped, maxFailures))
                    .collect();
        } catch (RuntimeException e) {
            throw new IOException("the Spark job classifying images failed: " + e.getMessage(), e);
        } finally {
            shipped.destroy();
        }
        ClassifierRunner.BatchResult[] results = new ClassifierRunner.BatchResult[batches];
        outcomes.forEach(outcome -> results[outcome.batch()] = outcome.toResult());
        progress.progress(batches, batches, "Classifying on Spark");
        return new ArrayList<>(Arrays.asList(results));
    }
}
