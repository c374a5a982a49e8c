package org.backdrop.train.external;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Turns the expanded training command of a hand-off into the command that Backdrop runs, such as a launcher script around it. */
@FunctionalInterface
public interface CommandWrapper {

    /** Runs the training command as it is. */
    CommandWrapper DIRECT = (command, out, workDir) -> command;

    /**
     * Returns the command to run for {@code command}, or null to stop after writing the run folder, when the
     * user starts the job.
     *
     * @param out the run folder
     * @param workDir the training command's working folder
     * @throws IOException if a file the wrapper writes cannot be written
     */
    List<String> wrap(List<String> command, Path out, Path workDir) throws IOException;

    /** Adds what the wrapper did (such as the scripts it wrote) to the {@code run} object of {@code results.json}; called after {@link #wrap}. */
    default void describe(ObjectNode run) {}
}
