package org.backdrop.engine;

import org.backdrop.augment.AugmentEngine;
import org.backdrop.eval.classification.ClassificationEngine;
import org.backdrop.eval.detection.DetectionEngine;
import org.backdrop.segment.MaskEngine;

/**
 * A connection to a distributed engine that runs Backdrop's per-sample work on a cluster's executors.
 * Close it to end the application on the cluster.
 */
public interface DistributedEngine extends AutoCloseable {

    /** Returns the engine that renders augmentation variants. */
    AugmentEngine augment();

    /** Returns the engine that computes masks. */
    MaskEngine masks();

    /** Returns the engine that runs classifiers for eval-cls. */
    ClassificationEngine classification();

    /** Returns the engine that runs detectors for eval-det. */
    DetectionEngine detection();

    /** Ends the engine's application; work already finished stays written. */
    @Override
    void close();
}
