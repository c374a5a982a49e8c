package org.backdrop;

/**
 * Receives progress from long work and tells it whether to stop. The studio adapts it to a JavaFX
 * task and the command line to a progress bar on standard error.
 *
 * <p>Work calls {@link #isCancelled()} between units (samples, batches) and, when it returns true,
 * stops after the current unit without leaving half-written output.
 */
public interface ProgressListener {

    /** A listener that ignores progress and never cancels. */
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void progress(long done, long total, String message) {}

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /**
     * Reports that {@code done} of {@code total} units are finished; {@code total} is -1 when unknown.
     * {@code message} is a short phrase such as "Reading annotations".
     */
    void progress(long done, long total, String message);

    /** Returns true once the user has asked the work to stop. */
    boolean isCancelled();
}
