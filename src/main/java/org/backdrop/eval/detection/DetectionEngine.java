package org.backdrop.eval.detection;

import java.io.IOException;
import java.util.List;
import org.backdrop.ProgressListener;

/** Runs a detector's batches somewhere other than this JVM, such as on a cluster's executors. */
public interface DetectionEngine {

    /**
     * Detects objects in every batch of {@code job}.
     *
     * @return one run per batch, in the job's order; {@link DetectorRunner#merge} joins them
     * @throws IOException when the engine cannot run the job
     */
    List<DetectorRunner.Run> detect(DetectionJob job, ProgressListener progress) throws IOException;
}
