package org.backdrop.engine.launch;

import org.apache.spark.launcher.SparkAppHandle;

/**
 * The phase of a submitted job, in the terms of the studio's tasks: waiting, running, or ended in one
 * of three ways. {@link #of} maps Spark's application states onto it.
 */
public enum JobPhase {
    /** Submitted and not yet running: spark-submit is starting, or the cluster has not granted resources. */
    WAITING(false),
    /** The application runs. */
    RUNNING(false),
    /** The command ran to its end and printed its result, with or without skipped samples. */
    SUCCEEDED(true),
    /** The command or the application failed, or the cluster ended it. */
    FAILED(true),
    /** Ended because the user cancelled it. */
    CANCELLED(true);

    private final boolean ended;

    JobPhase(boolean ended) {
        this.ended = ended;
    }

    /** Returns true for the three phases a job ends in. */
    public boolean ended() {
        return ended;
    }

    /**
     * Maps a Spark application state onto a phase.
     *
     * <p>A command that finishes with skipped samples exits with code 3, and Spark's launcher reports
     * every non-zero exit as {@code FAILED}, even after the application reported {@code FINISHED}. So a
     * {@code FAILED} job that printed its complete JSON result counts as succeeded: the command prints it
     * only after its work is done. {@code KILLED} and {@code LOST} after the user cancelled count as
     * cancelled, and otherwise as failed, because the cluster or a lost connection ended the job.
     *
     * @param state the application's state
     * @param cancelRequested whether the user asked the job to stop
     * @param resultPrinted whether the command printed its complete JSON result
     */
    public static JobPhase of(SparkAppHandle.State state, boolean cancelRequested, boolean resultPrinted) {
        return switch (state) {
            case UNKNOWN, CONNECTED, SUBMITTED -> WAITING;
            case RUNNING -> RUNNING;
            case FINISHED -> resultPrinted || !cancelRequested ? SUCCEEDED : CANCELLED;
            case FAILED -> failed(resultPrinted, cancelRequested);
            case KILLED, LOST -> cancelRequested ? CANCELLED : failed(resultPrinted, false);
        };
    }

    private static JobPhase failed(boolean resultPrinted, boolean cancelRequested) {
        if (resultPrinted) {
            return SUCCEEDED;
        }
        return cancelRequested ? CANCELLED : FAILED;
    }

    /** Returns a short phrase for the state, for the task's message, such as "Waiting for the cluster on yarn". */
    public static String describe(SparkAppHandle.State state, String master) {
        return switch (state) {
            case UNKNOWN -> "Starting spark-submit for " + master;
            case CONNECTED -> "spark-submit started for " + master;
            case SUBMITTED -> "Submitted to " + master + ", waiting for resources";
            case RUNNING -> "Running on " + master;
            case FINISHED -> "Finished on " + master;
            case FAILED -> "Failed on " + master;
            case KILLED -> "Killed on " + master;
            case LOST -> "Lost contact with the job on " + master;
        };
    }
}
