package org.backdrop.engine.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.backdrop.augment.AugmentPlan;
import org.backdrop.augment.SampleRender;
import org.backdrop.background.BackgroundUnavailableException;
import org.backdrop.dataset.DatasetException;
import org.backdrop.image.ImageEncoder;
import org.backdrop.model.ModelException;

/**
 * The task that renders one partition of a variant's samples on an executor, with
 * {@link SampleRender}, the function a local run calls, and stages each result through Hadoop's
 * FileSystem API (see {@link StagedSample}).
 *
 * <p>A sample whose background the method cannot make, or whose pixels cannot be read, is recorded
 * with the same reason a local run gives. Any other failure fails the task, so that Spark retries it;
 * samples the failed attempt finished are kept. On the last attempt Spark allows, the failing sample
 * is reported as skipped with its reason instead, so the rest of the job completes.
 */
final class RenderPartition implements FlatMapFunction<Iterator<Integer>, StagedSample> {

    private static final long serialVersionUID = 1L;

    /**
     * A sample id that fails on purpose in every attempt, for tests of retries and skipping. It is read on
     * the driver from this system property and travels with the task; nothing sets it outside tests.
     */
    static final String FAIL_SAMPLE_PROPERTY = "backdrop.spark.test.failSample";

    private final Broadcast<AugmentPlan> plan;
    private final int variant;
    private final String folder;
    private final int maxFailures;
    private final String failSample;

    RenderPartition(Broadcast<AugmentPlan> plan, int variant, String folder, int maxFailures, String failSample) {
        this.plan = plan;
        this.variant = variant;
        this.folder = folder;
        this.maxFailures = maxFailures;
        this.failSample = failSample;
    }

    @Override
    public Iterator<StagedSample> call(Iterator<Integer> indices) throws IOException, DatasetException, ModelException {
        AugmentPlan shipped = plan.value();
        // A plan opened in this JVM reads the dataset, rebuilds the sample pool and loads the native
        // libraries once for every task of the executor.
        AugmentPlan.Opened opened = ExecutorJobs.open(shipped.key(), localFile -> shipped.open());
        Path work = new Path(folder);
        FileSystem fs = work.getFileSystem(HadoopPaths.configuration());
        // Hadoop's local file system writes a .crc file beside each file by default. The record's SHA-256
        // already verifies each staged PNG, so the extra file per write is left out.
        fs.setWriteChecksum(false);
        fs.setVerifyChecksum(false);
        boolean lastAttempt = ExecutorJobs.lastAttempt(maxFailures);
        List<StagedSample> results = new ArrayList<>();
        while (indices.hasNext()) {
            int index = indices.next();
            String sampleId = shipped.sampleId(index);
            Optional<StagedSample> done = StagedSample.readVerified(fs, work, index, sampleId);
            if (done.isPresent()) {
                results.add(done.get());
                continue;
            }
            results.add(renderOne(opened, fs, work, index, sampleId, lastAttempt));
        }
        return results.iterator();
    }

    private StagedSample renderOne(AugmentPlan.Opened opened, FileSystem fs, Path work, int index, String sampleId, boolean lastAttempt)
            throws IOException {
        SampleRender.Outcome outcome;
        try {
            ExecutorJobs.failIfInjected(failSample, sampleId);
            outcome = opened.render(variant, index);
        } catch (BackgroundUnavailableException e) {
            return StagedSample.writeFailed(fs, work, index, sampleId, e.getMessage());
        } catch (UncheckedIOException e) {
            return StagedSample.writeFailed(fs, work, index, sampleId, e.getCause().getMessage());
        } catch (RuntimeException e) {
            if (!lastAttempt) {
                throw e;
            }
            // Not recorded in the work folder: a rerun tries the sample again.
            return StagedSample.failed(index, ExecutorJobs.failedReason(maxFailures, e));
        }
        byte[] png = ImageEncoder.encodePng(outcome.image());
        return StagedSample.writeRendered(fs, work, index, sampleId, outcome.source(), png);
    }
}
