package org.backdrop.engine.launch;

import java.io.IOException;
import java.util.List;
import org.backdrop.ProgressListener;

/**
 * Runs a {@code backdrop} command elsewhere and waits for it: {@link SparkJobSubmitter} submits it to a Spark
 * installation. Screens take one so that their tests can follow a job without Spark.
 */
@FunctionalInterface
public interface JobSubmitter {

    /**
     * Runs {@code backdrop ARGUMENTS} and waits for it to end.
     *
     * @param name the job's name, as the cluster shows it
     * @param arguments the command and its options, ending with {@code --json}
     * @param progress receives the job's state and the command's progress; cancelling it stops the job
     * @throws IOException when the job cannot be started
     * @throws InterruptedException when this thread is interrupted
     */
    SparkJobSubmitter.Outcome run(String name, List<String> arguments, ProgressListener progress) throws IOException, InterruptedException;
}
