package org.backdrop.ui.results;

import org.backdrop.ProgressListener;

/**
 * Reports the progress of one stage of several, such as one model on one variant, as a share of the
 * whole run, and passes cancellation through.
 */
final class StagedProgress implements ProgressListener {

    private final ProgressListener whole;
    private final int stages;
    private int stage;
    private String prefix = "";

    StagedProgress(ProgressListener whole, int stages) {
        this.whole = whole;
        this.stages = Math.max(1, stages);
    }

    /** Starts stage {@code index} (from 0); later messages begin with {@code label}. */
    void start(int index, String label) {
        stage = index;
        prefix = label;
        whole.progress((long) index * 1000, (long) stages * 1000, label);
    }

    @Override
    public void progress(long done, long total, String message) {
        long within = total > 0 ? Math.min(1000, done * 1000 / total) : 0;
        whole.progress((long) stage * 1000 + within, (long) stages * 1000, message == null ? prefix : prefix + ": " + message);
    }

    @Override
    public boolean isCancelled() {
        return whole.isCancelled();
    }
}
