package org.backdrop.eval.classification;

import java.io.IOException;
import java.util.List;
import org.backdrop.ProgressListener;

/** Runs a classifier's batches somewhere other than this JVM, such as on a cluster's executors. */
public interface ClassificationEngine {

    /**
     * Classifies every batch of {@code job}.
     *
     * @return one result per batch, in the job's order
     * @throws IOException when the engine cannot run the job, or a batch failed in every attempt
     */
    List<ClassifierRunner.BatchResult> classify(ClassificationJob job, ProgressListener progress) throws IOException;
}
