package org.backdrop.engine.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.eval.classification.ClassificationJob;
import org.backdrop.eval.classification.ClassifierRunner;
import org.backdrop.eval.classification.Prediction;
import org.backdrop.model.ModelException;

/**
 * The task that classifies one partition of batches on an executor with
 * {@link ClassifierRunner#classify}, the function local runs call. The job is opened once per executor
 * JVM: the model, shipped to the executor by Spark, is loaded by the first task and kept for the
 * others. A batch that fails is retried by Spark; on the last attempt its samples are reported as
 * skipped with the reason.
 */
final class ClassifyPartition implements FlatMapFunction<Iterator<Integer>, ClassifyPartition.Outcome> {

    private static final long serialVersionUID = 1L;

    /** One batch's predictions and skipped samples, in a form Spark can send back to the driver. */
    record Outcome(int batch, String[] sampleIds, int[] trueLabels, int[] predictedLabels, String[] skippedFiles, String[] skippedReasons)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        static Outcome of(int batch, ClassifierRunner.BatchResult result) {
            List<Prediction> predictions = result.predictions();
            List<InvalidSample> skipped = result.skipped();
            return new Outcome(batch,
                    predictions.stream().map(Prediction::sampleId).toArray(String[]::new),
                    predictions.stream().mapToInt(Prediction::trueLabel).toArray(),
                    predictions.stream().mapToInt(Prediction::predictedLabel).toArray(),
                    skipped.stream().map(InvalidSample::file).toArray(String[]::new),
                    skipped.stream().map(InvalidSample::reason).toArray(String[]::new));
        }

        ClassifierRunner.BatchResult toResult() {
            List<Prediction> predictions = new ArrayList<>();
            for (int i = 0; i < sampleIds.length; i++) {
                predictions.add(new Prediction(sampleIds[i], trueLabels[i], predictedLabels[i]));
            }
            List<InvalidSample> skipped = new ArrayList<>();
            for (int i = 0; i < skippedFiles.length; i++) {
                skipped.add(new InvalidSample(skippedFiles[i], skippedReasons[i]));
            }
            return new ClassifierRunner.BatchResult(predictions, skipped);
        }
    }

    private final Broadcast<ClassificationJob> job;
    private final int maxFailures;

    ClassifyPartition(Broadcast<ClassificationJob> job, int maxFailures) {
        this.job = job;
        this.maxFailures = maxFailures;
    }

    @Override
    public Iterator<Outcome> call(Iterator<Integer> batches) throws DatasetException, ModelException {
        ClassificationJob shipped = job.value();
        ClassificationJob.Opened classifier = ExecutorJobs.open(shipped.key(), shipped::open);
        boolean lastAttempt = ExecutorJobs.lastAttempt(maxFailures);
        List<Outcome> outcomes = new ArrayList<>();
        while (batches.hasNext()) {
            int batch = batches.next();
            ClassifierRunner.BatchResult result;
            // One classifier per JVM, and one inference at a time on it.
            synchronized (classifier) {
                try {
                    result = classifier.classify(batch);
                } catch (ModelException | RuntimeException e) {
                    if (!lastAttempt) {
                        throw e;
                    }
                    result = classifier.failed(batch, ExecutorJobs.failedReason(maxFailures, e));
                }
            }
            outcomes.add(Outcome.of(batch, result));
        }
        return outcomes.iterator();
    }
}
