package org.backdrop.ui.task;

import javafx.concurrent.Task;
import org.backdrop.ProgressListener;

/**
 * A JavaFX {@link Task} that runs core work which reports through a {@link ProgressListener}. The
 * listener forwards progress and messages to the task's properties and reports the task's
 * cancellation back to the work.
 *
 * @param <T> the work's result
 */
public final class ProgressTask<T> extends Task<T> {

    /** Work that reports progress and stops once the listener reports cancellation. */
    @FunctionalInterface
    public interface Work<T> {
        T run(ProgressListener progress) throws Exception;
    }

    private final Work<T> work;

    public ProgressTask(String title, Work<T> work) {
        this.work = work;
        updateTitle(title);
        updateMessage(title);
    }

    /**
     * Cancels without interrupting the worker thread, whatever the value of {@code mayInterruptIfRunning}.
     * The work reads the cancellation from its listener and stops after the current unit, because an
     * interrupt could break a file write or a native call half way.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return super.cancel(false);
    }

    @Override
    protected T call() throws Exception {
        return work.run(listener());
    }

    /** Returns the listener handed to the work. */
    ProgressListener listener() {
        return new ProgressListener() {
            @Override
            public void progress(long done, long total, String message) {
                if (total > 0) {
                    updateProgress(done, total);
                } else {
                    updateProgress(-1, 1);
                }
                if (message != null && !message.isBlank()) {
                    updateMessage(message);
                }
            }

            @Override
            public boolean isCancelled() {
                return ProgressTask.this.isCancelled();
            }
        };
    }
}
