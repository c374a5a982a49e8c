package org.backdrop.cli;

import java.io.PrintWriter;
import org.backdrop.ProgressListener;

/**
 * Draws a one-line progress bar on standard error, redrawn at most ten times a second. It never cancels;
 * Ctrl+C ends the process, and writers leave no half-written file because they rename finished files.
 */
final class ConsoleProgress implements ProgressListener {

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private long lastDraw;
    private boolean drawn;

    private final boolean enabled;

    /** Draws on {@code err} when the process has a console; without one (a log file, CI) it stays silent. */
    ConsoleProgress(PrintWriter err) {
        this(err, System.console() != null);
    }

    ConsoleProgress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        boolean last = total > 0 && done >= total;
        if (!last && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        if (total > 0) {
            int filled = (int) (BAR_WIDTH * Math.min(done, total) / total);
            err.printf("\r%-28s [%s%s] %d/%d", message, "#".repeat(filled), " ".repeat(BAR_WIDTH - filled), done, total);
        } else {
            err.printf("\r%-28s %d", message, done);
        }
        err.flush();
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    /** Ends the progress line, so later log lines start on a line of their own. */
    synchronized void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
