package org.backdrop.engine.launch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.launcher.SparkAppHandle;
import org.apache.spark.launcher.SparkLauncher;
import org.backdrop.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Submits a {@code backdrop} command to a Spark installation with Spark's launcher API
 * ({@link SparkLauncher}, which runs the installation's {@code bin/spark-submit}), in client mode so that
 * the command's output comes back to this machine. It follows the application's states, turns the
 * command's progress lines into {@link ProgressListener} reports, ends the application when the listener
 * reports cancellation, and returns the command's JSON result.
 *
 * <p>The command's standard output and standard error go to {@code stdout.txt} and {@code stderr.txt} in a
 * log folder, which is kept when the job does not succeed.
 */
public final class SparkJobSubmitter implements JobSubmitter {

    /** The class that spark-submit starts: Backdrop's entry point, which runs the command in its arguments. */
    public static final String MAIN_CLASS = "org.backdrop.Launcher";

    private static final Logger LOG = LoggerFactory.getLogger(SparkJobSubmitter.class);
    private static final long POLL_MILLIS = 200;
    private static final int ERROR_LINES = 20;

    /**
     * The end of a submitted job.
     *
     * @param phase how it ended: succeeded, failed or cancelled
     * @param state Spark's last application state
     * @param applicationId the cluster's id of the application, when it reported one
     * @param result the command's JSON result, when it printed one
     * @param errorTail the last lines of the command's standard error, progress lines left out
     * @param logFolder the folder with {@code stdout.txt} and {@code stderr.txt}; deleted after a success
     */
    public record Outcome(JobPhase phase, SparkAppHandle.State state, Optional<String> applicationId, Optional<JsonNode> result,
            List<String> errorTail, Path logFolder) {

        /**
         * Returns the command's JSON result of a job that succeeded.
         *
         * @throws CancellationException when the user cancelled the job
         * @throws IOException when the job ended in any other way without a result, with {@link #failureMessage()}
         */
        public JsonNode requireResult() throws IOException {
            if (phase == JobPhase.CANCELLED) {
                throw new CancellationException("the Spark job was cancelled; the output may be partial");
            }
            if (phase != JobPhase.SUCCEEDED || result.isEmpty()) {
                throw new IOException(failureMessage());
            }
            return result.get();
        }

        /** Returns a message for a job that did not succeed: the state, the log folder and the last error lines. */
        public String failureMessage() {
            return "the Spark job ended with state " + state + applicationId.map(id -> " (application " + id + ")").orElse("")
                    + "; its output is in " + logFolder + (errorTail.isEmpty() ? "" : ". Last lines:\n" + String.join("\n", errorTail));
        }
    }

    private final SparkInstallation installation;
    private final String appResource;

    /** Submits the job jar of {@code installation} (see {@link SparkInstallation#resolveJobJar()}). */
    public SparkJobSubmitter(SparkInstallation installation) {
        this(installation, installation.resolveJobJar().toAbsolutePath().toString());
    }

    /**
     * Submits {@code appResource} as the primary resource: a jar path or URL, or
     * {@link SparkLauncher#NO_RESOURCE} when Backdrop's classes are already on spark-submit's class path.
     */
    public SparkJobSubmitter(SparkInstallation installation, String appResource) {
        List<String> problems = installation.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
        this.installation = installation;
        this.appResource = appResource;
    }

    /**
     * Submits {@code backdrop ARGUMENTS} and waits for it to end. The arguments should end with
     * {@code --json}, so that the result can be read.
     *
     * @param name the application's name on the cluster
     * @param arguments the command and its options, as from {@link CommandArguments}
     * @param progress receives the command's progress and state changes; cancelling it stops the job
     * @throws IOException when spark-submit cannot be started or the log folder cannot be written
     * @throws InterruptedException when this thread is interrupted; the job is killed first
     */
    @Override
    public Outcome run(String name, List<String> arguments, ProgressListener progress) throws IOException, InterruptedException {
        Path logFolder = Files.createTempDirectory("backdrop-spark-job-");
        Path stdout = logFolder.resolve("stdout.txt");
        Path stderr = logFolder.resolve("stderr.txt");
        Files.createFile(stderr);
        Map<String, String> environment = new HashMap<>();
        environment.put(ProgressLine.ENVIRONMENT_VARIABLE, ProgressLine.LINES_MODE);
        SparkLauncher launcher = new SparkLauncher(environment)
                .setSparkHome(installation.sparkHome().toString())
                .setMaster(installation.master())
                .setDeployMode("client")
                .setAppName(name)
                .setMainClass(MAIN_CLASS)
                .setAppResource(appResource)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        installation.conf().forEach(launcher::setConf);
        launcher.addAppArgs(arguments.toArray(String[]::new));

        CountDownLatch ended = new CountDownLatch(1);
        String master = installation.master();
        LOG.info("Submitting '{}' to {} through {}", String.join(" ", arguments), master, installation.sparkSubmit());
        SparkAppHandle handle = launcher.startApplication(new SparkAppHandle.Listener() {
            @Override
            public void stateChanged(SparkAppHandle handle) {
                SparkAppHandle.State state = handle.getState();
                LOG.info("Spark job '{}' is {}{}", name, state, handle.getAppId() == null ? "" : " (application " + handle.getAppId() + ")");
                if (state.isFinal()) {
                    ended.countDown();
                } else {
                    progress.progress(0, -1, JobPhase.describe(state, master));
                }
            }

            @Override
            public void infoChanged(SparkAppHandle handle) {
                // The application id arrives here; stateChanged logs it with the next state.
            }
        });
        progress.progress(0, -1, JobPhase.describe(SparkAppHandle.State.UNKNOWN, master));

        ErrorFollower follower = new ErrorFollower(stderr, progress);
        boolean cancelRequested = false;
        try {
            cancelRequested = waitForEnd(handle, ended, progress, follower);
        } catch (InterruptedException e) {
            handle.kill();
            throw e;
        } finally {
            follower.readNew();
        }

        Optional<JsonNode> result = readResult(stdout);
        SparkAppHandle.State state = handle.getState();
        JobPhase phase = JobPhase.of(state, cancelRequested, result.isPresent());
        Outcome outcome = new Outcome(phase, state, Optional.ofNullable(handle.getAppId()), result, follower.lastErrors(), logFolder);
        if (phase == JobPhase.SUCCEEDED) {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            Files.deleteIfExists(logFolder);
        } else {
            LOG.warn("Spark job '{}' ended as {}: {}", name, phase, outcome.failureMessage());
        }
        return outcome;
    }

    /**
     * Waits for a final state while passing progress on; returns whether the user cancelled.
     *
     * <p>Cancelling kills spark-submit, which in client mode is the driver, so the application ends with
     * it. {@link SparkAppHandle#stop()} is not enough: with Spark 4.0.1 on {@code local[N]} it stops only
     * the executor backend and reports KILLED, while the driver's job waits for executors and the
     * process stays alive. Killing loses no finished output, because writers rename complete files and
     * a rerun of the command resumes.
     */
    private static boolean waitForEnd(SparkAppHandle handle, CountDownLatch ended, ProgressListener progress, ErrorFollower follower)
            throws InterruptedException, IOException {
        boolean cancelled = false;
        while (!ended.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            follower.readNew();
            if (progress.isCancelled() && !cancelled) {
                cancelled = true;
                LOG.info("Cancelling the Spark job: ending spark-submit{}", handle.getAppId() == null ? "" : " of application " + handle.getAppId());
                handle.kill();
            }
        }
        return cancelled;
    }

    /**
     * Reads the command's JSON result: the last document on standard output, which starts at a line that is
     * only "{". Spark's own messages, if any reach standard output, come before it.
     */
    static Optional<JsonNode> readResult(Path stdout) throws IOException {
        if (!Files.isRegularFile(stdout)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(stdout, StandardCharsets.UTF_8);
        ObjectMapper mapper = new ObjectMapper();
        for (int start = lines.size() - 1; start >= 0; start--) {
            if (lines.get(start).strip().equals("{")) {
                try {
                    return Optional.of(mapper.readTree(String.join("\n", lines.subList(start, lines.size()))));
                } catch (JsonProcessingException e) {
                    // An incomplete document: the command ended while printing it, or a "{" inside another text.
                    LOG.debug("No complete JSON document from line {} of {}: {}", start + 1, stdout, e.getOriginalMessage());
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Follows the command's standard error as it grows: passes progress lines to the listener and keeps the
     * last other lines for an error message.
     */
    static final class ErrorFollower {

        private final Path file;
        private final ProgressListener progress;
        private final Deque<String> lastErrors = new ArrayDeque<>();
        private long offset;

        ErrorFollower(Path file, ProgressListener progress) {
            this.file = file;
            this.progress = progress;
        }

        /** Reads the complete lines written since the last call. */
        void readNew() throws IOException {
            byte[] bytes;
            try (SeekableByteChannel channel = Files.newByteChannel(file)) {
                long size = channel.size();
                if (size <= offset) {
                    return;
                }
                channel.position(offset);
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size - offset, 1 << 20));
                while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                    // Reads until the buffer is full or the end of what was written so far.
                }
                bytes = Arrays.copyOf(buffer.array(), buffer.position());
            }
            // Cut at the last line break, so that a multi-byte character is never split between two reads.
            int end = bytes.length;
            while (end > 0 && bytes[end - 1] != '\n') {
                end--;
            }
            if (end == 0) {
                return;
            }
            offset += end;
            for (String line : new String(bytes, 0, end, StandardCharsets.UTF_8).split("\r?\n")) {
                accept(line);
            }
        }

        private void accept(String line) {
            Optional<ProgressLine> report = ProgressLine.parse(line);
            if (report.isPresent()) {
                progress.progress(report.get().done(), report.get().total(), report.get().message());
                return;
            }
            if (line.isBlank()) {
                return;
            }
            lastErrors.addLast(line);
            if (lastErrors.size() > ERROR_LINES) {
                lastErrors.removeFirst();
            }
        }

        List<String> lastErrors() {
            return List.copyOf(lastErrors);
        }
    }
}
