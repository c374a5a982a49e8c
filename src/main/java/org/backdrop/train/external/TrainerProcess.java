package org.backdrop.train.external;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.backdrop.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an external command and streams its standard output and standard error, line by line, into a
 * log file, a listener and (for lines the metric pattern matches) {@code metrics.jsonl}.
 *
 * <p>Cancelling through the {@link ProgressListener}, a timeout, or the JVM shutting down (Ctrl+C)
 * ends the whole process tree: every descendant process gets SIGTERM, and whatever still runs 10
 * seconds later is killed.
 */
public final class TrainerProcess {

    private static final Logger LOG = LoggerFactory.getLogger(TrainerProcess.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long POLL_MILLIS = 100;
    private static final long GRACE_SECONDS = 10;

    /**
     * The end state of the command.
     *
     * @param exitCode the process's exit status; -1 when it was ended by Backdrop
     * @param cancelled whether the listener cancelled the run
     * @param timedOut whether the run exceeded its time limit
     * @param seconds wall time from start to exit
     * @param lines output lines read from both streams
     * @param metrics every metric record parsed, in output order
     */
    public record Outcome(int exitCode, boolean cancelled, boolean timedOut, double seconds, long lines, List<MetricRecord> metrics) {

        public Outcome {
            metrics = List.copyOf(metrics);
        }

        /** Returns whether the command ran to the end and exited with status 0. */
        public boolean succeeded() {
            return exitCode == 0 && !cancelled && !timedOut;
        }
    }

    private final Path logFile;
    private final Path metricsFile;
    private final MetricPattern pattern;
    private final TrainerOutputListener listener;
    private final List<MetricRecord> metrics = new ArrayList<>();
    private BufferedWriter log;
    private long lineCount;

    /**
     * @param logFile the file that receives every output line; replaced if it exists
     * @param metricsFile {@code metrics.jsonl}, one JSON object per line with metrics; replaced if it exists
     * @param pattern the metric pattern, or null to parse no metrics
     */
    public TrainerProcess(Path logFile, Path metricsFile, MetricPattern pattern, TrainerOutputListener listener) {
        this.logFile = logFile;
        this.metricsFile = metricsFile;
        this.pattern = pattern;
        this.listener = listener;
    }

    /**
     * Starts {@code command} in {@code workingDirectory} and waits until it exits, is cancelled or times out.
     *
     * @param environment variables added to Backdrop's own environment
     * @param timeout the longest the command may run, or null for no limit
     * @throws IOException if the program cannot be started (the message names it) or the log cannot be written
     */
    public Outcome run(List<String> command, Path workingDirectory, Map<String, String> environment, Duration timeout, ProgressListener progress)
            throws IOException {
        Files.createDirectories(workingDirectory);
        Files.deleteIfExists(metricsFile);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(nullDevice()));

        long start = System.nanoTime();
        try (BufferedWriter writer = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            setLog(writer);
            try {
                return runLogged(builder, command, workingDirectory, timeout, progress, start);
            } finally {
                setLog(null);
            }
        }
    }

    private Outcome runLogged(ProcessBuilder builder, List<String> command, Path workingDirectory, Duration timeout, ProgressListener progress,
            long start) throws IOException {
        boolean cancelled = false;
        boolean timedOut = false;
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot start " + command.get(0) + ": " + e.getMessage()
                    + "; check that the program exists and is executable, or give its full path", e);
        }
        LOG.info("Started {} (process {}) in {}", command.get(0), process.pid(), workingDirectory);
        Thread shutdownHook = new Thread(() -> destroyTree(process), "backdrop-trainer-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        Thread stdout = pump(process.getInputStream(), TrainerOutputListener.Stream.STDOUT);
        Thread stderr = pump(process.getErrorStream(), TrainerOutputListener.Stream.STDERR);
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (progress.isCancelled()) {
                    cancelled = true;
                    LOG.info("Cancelled: ending process {} and its descendants", process.pid());
                    destroyTree(process);
                    break;
                }
                if (timeout != null && System.nanoTime() - start > timeout.toNanos()) {
                    timedOut = true;
                    LOG.warn("{} ran longer than {} s: ending process {} and its descendants", command.get(0), timeout.toSeconds(), process.pid());
                    destroyTree(process);
                    break;
                }
                progress.progress(lineCount(), -1, "Training with " + command.get(0));
            }
            stdout.join(TimeUnit.SECONDS.toMillis(GRACE_SECONDS));
            stderr.join(TimeUnit.SECONDS.toMillis(GRACE_SECONDS));
        } catch (InterruptedException e) {
            destroyTree(process);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + command.get(0) + " was running; the process was ended", e);
        } finally {
            removeShutdownHook(shutdownHook);
        }
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        double seconds = (System.nanoTime() - start) / 1e9;
        synchronized (this) {
            return new Outcome(cancelled || timedOut ? -1 : exitCode, cancelled, timedOut, seconds, lineCount, metrics);
        }
    }

    /** Sets the log writer under the lock that {@link #accept} holds, so a late line never meets a closed writer. */
    private synchronized void setLog(BufferedWriter writer) {
        log = writer;
    }

    private synchronized long lineCount() {
        return lineCount;
    }

    private Thread pump(InputStream stream, TrainerOutputListener.Stream kind) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                boolean warned = false;
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    try {
                        accept(kind, line);
                    } catch (IOException e) {
                        // Keep reading, because a child whose pipe fills up would block.
                        if (!warned) {
                            LOG.warn("Cannot record the trainer's output: {}", e.getMessage());
                            warned = true;
                        }
                    }
                }
            } catch (IOException e) {
                LOG.warn("Stopped reading the trainer's {}: {}", kind.name().toLowerCase(java.util.Locale.ROOT), e.getMessage());
            }
        }, "backdrop-trainer-" + kind.name().toLowerCase(java.util.Locale.ROOT));
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private synchronized void accept(TrainerOutputListener.Stream kind, String line) throws IOException {
        lineCount++;
        if (log != null) {
            log.write(line);
            log.newLine();
            log.flush();
        }
        listener.line(kind, line);
        if (pattern == null) {
            return;
        }
        Optional<MetricRecord> record = pattern.parse(lineCount, line);
        if (record.isPresent()) {
            metrics.add(record.get());
            appendMetrics(record.get());
            listener.metrics(record.get());
        }
    }

    private void appendMetrics(MetricRecord record) throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        if (record.epoch() == null) {
            node.putNull("epoch");
        } else {
            node.put("epoch", record.epoch());
        }
        record.values().forEach(node::put);
        node.put("line", record.line());
        Files.writeString(metricsFile, MAPPER.writeValueAsString(node) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** Sends SIGTERM to the process and its descendants, then kills what is still running after the grace period. */
    static void destroyTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (ProcessHandle handle : tree) {
            while (handle.isAlive() && System.nanoTime() < deadline) {
                try {
                    handle.onExit().get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                    // still running: keep waiting until the deadline
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                LOG.warn("Process {} did not end within {} s of SIGTERM; killing it", handle.pid(), GRACE_SECONDS);
                handle.destroyForcibly();
            }
        }
    }

    private static void removeShutdownHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down, and the hook is ending the process tree
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
