package org.backdrop.segment;

import java.io.IOException;
import java.util.List;
import org.backdrop.ProgressListener;

/** Computes masks somewhere other than this JVM's threads, such as on a cluster's executors. */
public interface MaskEngine {

    /**
     * Computes the mask of every sample of {@code job}.
     *
     * @return one result per sample of the job, in its order; a sample that failed in every attempt is
     *     rejected with the reason
     * @throws IOException when the engine cannot run the job at all
     */
    List<MaskResult> compute(MaskJob job, ProgressListener progress) throws IOException;
}
