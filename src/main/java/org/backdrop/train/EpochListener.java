package org.backdrop.train;

/** Receives the metrics of each epoch as training finishes it, on the training thread. */
@FunctionalInterface
public interface EpochListener {

    /** A listener that ignores every epoch. */
    EpochListener NONE = metrics -> {};

    /** Called after the epoch's checkpoint is written; the run waits until it returns. */
    void epochFinished(EpochMetrics metrics);
}
