package org.backdrop.cli;

import java.io.PrintWriter;
import java.util.Objects;
import org.backdrop.ProgressListener;
import org.backdrop.engine.launch.ProgressLine;

/**
 * Draws a one-line progress bar on standard error, redrawn at most ten times a second. With the
 * environment variable {@code BACKDROP_PROGRESS=lines} it writes machine-readable
 * {@link ProgressLine}s instead, at most four a second plus every change of message and the last unit,
 * for a program that runs the command and reads its standard error. It never cancels; Ctrl+C ends the
 * process, and writers leave no half-written file because they rename finished files.
 */
final class ConsoleProgress implements ProgressListener {

    /** The form of the progress output. */
    enum Mode {
        /** Nothing, as without a console (a log file, CI). */
        SILENT,
        /** A progress bar redrawn in place. */
        BAR,
        /** One {@link ProgressLine} per report. */
        LINES
    }

    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LINE_NANOS = 250_000_000L;
    private static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final Mode mode;
    private long lastDraw;
    private boolean drawn;
    private String lastMessage;

    /**
     * Writes progress lines on {@code err} when {@code BACKDROP_PROGRESS=lines} is set, else draws a bar
     * when the process has a console, else stays silent.
     */
    ConsoleProgress(PrintWriter err) {
        this(err, ProgressLine.requested(System.getenv(ProgressLine.ENVIRONMENT_VARIABLE)) ? Mode.LINES
                : System.console() != null ? Mode.BAR : Mode.SILENT);
    }

    ConsoleProgress(PrintWriter err, boolean enabled) {
        this(err, enabled ? Mode.BAR : Mode.SILENT);
    }

    ConsoleProgress(PrintWriter err, Mode mode) {
        this.err = err;
        this.mode = mode;
    }

    @Override
    public synchronized void progress(long done, long total, String message) {
        if (mode == Mode.SILENT) {
            return;
        }
        long now = System.nanoTime();
        boolean last = total > 0 && done >= total;
        if (mode == Mode.LINES) {
            boolean newMessage = !Objects.equals(message, lastMessage);
            if (last || newMessage || !drawn || now - lastDraw >= LINE_NANOS) {
                lastDraw = now;
                drawn = true;
                lastMessage = message;
                err.println(new ProgressLine(done, total, message).format());
                err.flush();
            }
            return;
        }
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
        if (drawn && mode == Mode.BAR) {
            err.println();
            err.flush();
            drawn = false;
        }
    }
}
