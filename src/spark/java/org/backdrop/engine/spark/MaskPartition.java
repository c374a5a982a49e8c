package org.backdrop.engine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.backdrop.dataset.DatasetException;
import org.backdrop.mask.Rle;
import org.backdrop.model.ModelException;
import org.backdrop.segment.MaskJob;
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MaskResult;

/**
 * The task that computes the masks of one partition of samples on an executor with
 * {@link MaskPlan#computeOne}, the function local runs call. The job is opened once per executor JVM
 * (see {@link ExecutorJobs#open}): the dataset is read and the mask source (an ONNX model, loaded from
 * the copy Spark shipped to the executor) is made on the first task and kept for the others. Failures
 * are retried as for {@link RenderPartition}.
 */
final class MaskPartition implements FlatMapFunction<Iterator<Integer>, MaskPartition.Outcome> {

    private static final long serialVersionUID = 1L;

    /** One sample's mask as compressed RLE, or the reason it has none. */
    record Outcome(int index, int height, int width, String counts, String reason) implements Serializable {

        private static final long serialVersionUID = 1L;

        MaskResult toResult() {
            return reason != null ? new MaskResult.Rejected(reason) : new MaskResult.Found(Rle.fromCompressedString(counts, height, width));
        }
    }

    private final Broadcast<MaskJob> job;
    private final int maxFailures;
    private final String failSample;

    MaskPartition(Broadcast<MaskJob> job, int maxFailures, String failSample) {
        this.job = job;
        this.maxFailures = maxFailures;
        this.failSample = failSample;
    }

    @Override
    public Iterator<Outcome> call(Iterator<Integer> indices) throws DatasetException, ModelException {
        MaskJob shipped = job.value();
        // Mask sources are safe to call from several threads (local runs share one), so tasks do not take turns.
        MaskJob.Opened opened = ExecutorJobs.open(shipped.key(), shipped::open);
        boolean lastAttempt = ExecutorJobs.lastAttempt(maxFailures);
        List<Outcome> outcomes = new ArrayList<>();
        while (indices.hasNext()) {
            int index = indices.next();
            MaskResult result;
            try {
                ExecutorJobs.failIfInjected(failSample, shipped.sampleId(index));
                result = opened.compute(index);
            } catch (RuntimeException e) {
                if (!lastAttempt) {
                    throw e;
                }
                result = new MaskResult.Rejected(ExecutorJobs.failedReason(maxFailures, e));
            }
            if (result instanceof MaskResult.Found found) {
                Rle mask = found.mask();
                outcomes.add(new Outcome(index, mask.height(), mask.width(), mask.toCompressedString(), null));
            } else {
                outcomes.add(new Outcome(index, 0, 0, null, ((MaskResult.Rejected) result).reason()));
            }
        }
        return outcomes.iterator();
    }
}
