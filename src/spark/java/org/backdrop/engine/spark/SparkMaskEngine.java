package org.backdrop.engine.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.backdrop.ProgressListener;
import org.backdrop.segment.MaskEngine;
import org.backdrop.segment.MaskJob;
import org.backdrop.segment.MaskResult;

/**
 * Computes masks as a Spark job: samples are split into partitions, each executor computes its
 * partitions' masks, and the driver collects them as compressed RLE in sample order. A model file is
 * shipped to each executor once with {@link JavaSparkContext#addFile}, and loaded there once.
 */
final class SparkMaskEngine implements MaskEngine {

    /** Samples per task; masks from models take longer per sample than augmentation. */
    static final int SAMPLES_PER_TASK = 64;

    private final JavaSparkContext context;
    private final int maxFailures;

    SparkMaskEngine(JavaSparkContext context, int maxFailures) {
        this.context = context;
        this.maxFailures = maxFailures;
    }

    @Override
    public List<MaskResult> compute(MaskJob job, ProgressListener progress) throws IOException {
        ExecutorJobs.ship(context, job.files());
        Broadcast<MaskJob> shipped = context.broadcast(job);
        int size = job.size();
        if (size == 0) {
            return List.of();
        }
        int partitions = ExecutorJobs.partitions(context, size, SAMPLES_PER_TASK);
        List<Integer> indices = IntStream.range(0, size).boxed().toList();
        String failSample = System.getProperty(RenderPartition.FAIL_SAMPLE_PROPERTY);
        progress.progress(0, size, "Computing masks on Spark");
        List<MaskPartition.Outcome> outcomes;
        try {
            outcomes = context.parallelize(indices, partitions).mapPartitions(new MaskPartition(shipped, maxFailures, failSample)).collect();
        } catch (RuntimeException e) {
            throw new IOException("the Spark job computing masks failed: " + e.getMessage(), e);
        } finally {
            shipped.destroy();
        }
        MaskResult[] results = new MaskResult[size];
        for (MaskPartition.Outcome outcome : outcomes) {
            results[outcome.index()] = outcome.toResult();
        }
        progress.progress(size, size, "Computing masks on Spark");
        return new ArrayList<>(Arrays.asList(results));
    }
}
