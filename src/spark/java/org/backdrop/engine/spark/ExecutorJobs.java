package org.backdrop.engine.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.backdrop.dataset.DatasetException;
import org.backdrop.model.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps shared by the Spark engines (augment, masks, eval-cls and eval-det). On the driver they
 * ship model files and size the partitions. On an executor they keep the opened job for every task of
 * that JVM, and turn a failure in the last attempt into skipped samples.
 */
final class ExecutorJobs {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorJobs.class);

    /** Opens a job in an executor's JVM, reading each shipped file through {@code localFile}. */
    @FunctionalInterface
    interface Opener<T> {
        T open(UnaryOperator<Path> localFile) throws DatasetException, ModelException;
    }

    private static final Object LOCK = new Object();
    private static String openedKey;
    private static Object opened;

    private ExecutorJobs() {}

    /** Copies {@code files} to every executor once, with {@link JavaSparkContext#addFile}; {@link #open} finds the copies. */
    static void ship(JavaSparkContext context, List<Path> files) {
        for (Path file : files) {
            context.addFile(file.toAbsolutePath().toString());
        }
    }

    /**
     * Returns the number of partitions for {@code items} items: enough to keep every core busy, and at
     * least one per {@code itemsPerTask} items, but never more than there are items.
     */
    static int partitions(JavaSparkContext context, int items, int itemsPerTask) {
        return Math.max(1, Math.min(items, Math.max(context.defaultParallelism(), (items + itemsPerTask - 1) / itemsPerTask)));
    }

    /**
     * Returns the job with key {@code key} opened in this JVM. The first task of a job opens it (loads
     * the model from the copy {@link #ship} made); later tasks in the same JVM get the same object. An
     * executor keeps one job: opening another drops the one before, and closes it when it is
     * {@link AutoCloseable}. Callers whose model takes one inference at a time synchronise on the
     * returned object.
     */
    @SuppressWarnings("unchecked")
    static <T> T open(String key, Opener<T> opener) throws DatasetException, ModelException {
        synchronized (LOCK) {
            if (!key.equals(openedKey)) {
                if (opened instanceof AutoCloseable closeable) {
                    try {
                        closeable.close();
                    } catch (Exception e) {
                        LOG.warn("Could not release the model of an earlier job: {}", e.toString());
                    }
                }
                opened = null;
                openedKey = null;
                opened = opener.open(file -> Path.of(SparkFiles.get(file.getFileName().toString())));
                openedKey = key;
            }
            return (T) opened;
        }
    }

    /** Returns true when the running task has no attempts left after this one (or runs outside Spark). */
    static boolean lastAttempt(int maxFailures) {
        TaskContext task = TaskContext.get();
        return task == null || task.attemptNumber() + 1 >= maxFailures;
    }

    /** Returns the reason listed for a sample whose work failed in every attempt. */
    static String failedReason(int maxFailures, Exception failure) {
        return "failed in all " + maxFailures + " attempts: " + failure;
    }

    /**
     * Throws when {@code sampleId} is the sample that {@link RenderPartition#FAIL_SAMPLE_PROPERTY} named on
     * the driver, so that tests can check retries and skipping; does nothing when none was named.
     */
    static void failIfInjected(String failSample, String sampleId) {
        if (sampleId.equals(failSample)) {
            throw new IllegalStateException("failure injected for testing on sample " + failSample);
        }
    }
}
