package org.backdrop.dataset;

import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;

/** The cancellation check and progress report that readers and writers make before each unit of work. */
public final class DatasetProgress {

    /** Units between two progress reports, so 50,000 samples give 500 reports. */
    private static final int REPORT_EVERY = 100;

    private DatasetProgress() {}

    /**
     * Throws when {@code progress} reports cancellation, and otherwise reports unit {@code done} of
     * {@code total} when it is a multiple of 100.
     *
     * @param work what is running, for the exception message, such as "reading /data/voc"
     * @throws CancellationException if {@code progress} reports cancellation
     */
    public static void step(ProgressListener progress, int done, int total, String message, String work) {
        if (progress.isCancelled()) {
            throw new CancellationException(work + " was cancelled");
        }
        if (done % REPORT_EVERY == 0) {
            progress.progress(done, total, message);
        }
    }
}
