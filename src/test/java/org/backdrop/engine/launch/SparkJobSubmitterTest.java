package org.backdrop.engine.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.backdrop.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SparkJobSubmitterTest {

    @TempDir
    Path folder;

    /** Collects progress reports as progress lines. */
    private static final class Recorder implements ProgressListener {
        final List<ProgressLine> reports = new ArrayList<>();

        @Override
        public void progress(long done, long total, String message) {
            reports.add(new ProgressLine(done, total, message));
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    }

    @Test
    void followerReportsProgressOfCompleteLinesOnly() throws Exception {
        Path stderr = Files.createFile(folder.resolve("stderr.txt"));
        Recorder recorder = new Recorder();
        SparkJobSubmitter.ErrorFollower follower = new SparkJobSubmitter.ErrorFollower(stderr, recorder);

        append(stderr, "INFO SparkContext: Running Spark version 4.0.1\nbackdrop-progress: 1/4 Rendering red on Spark\nbackdrop-progress: 2/");
        follower.readNew();
        assertEquals(List.of(new ProgressLine(1, 4, "Rendering red on Spark")), recorder.reports);

        append(stderr, "4 Rendering red on Spark\nERROR Executor: task failed – ünïcode\n");
        follower.readNew();
        follower.readNew();
        assertEquals(List.of(new ProgressLine(1, 4, "Rendering red on Spark"), new ProgressLine(2, 4, "Rendering red on Spark")), recorder.reports);
        assertEquals(List.of("INFO SparkContext: Running Spark version 4.0.1", "ERROR Executor: task failed – ünïcode"), follower.lastErrors());
    }

    @Test
    void followerKeepsLastTwentyOtherLines() throws Exception {
        Path stderr = Files.createFile(folder.resolve("stderr.txt"));
        SparkJobSubmitter.ErrorFollower follower = new SparkJobSubmitter.ErrorFollower(stderr, new Recorder());
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 25; i++) {
            text.append("line ").append(i).append('\n');
        }
        append(stderr, text.toString());

        follower.readNew();

        assertEquals(20, follower.lastErrors().size());
        assertEquals("line 6", follower.lastErrors().get(0));
        assertEquals("line 25", follower.lastErrors().get(19));
    }

    @Test
    void resultIsLastCompleteDocument() throws Exception {
        Path stdout = Files.writeString(folder.resolve("stdout.txt"), "Spark says hello {\n{\n  \"old\" : 1\n}\n{\n  \"skipped\" : [ ],\n  \"manifest\" : \"/m\"\n}\n");

        assertEquals("/m", SparkJobSubmitter.readResult(stdout).orElseThrow().get("manifest").textValue());
    }

    /** Spark's shutdown messages can follow the document when a logger writes to standard output. */
    @Test
    void resultFollowedByLogLinesIsRead() throws Exception {
        Path stdout = Files.writeString(folder.resolve("stdout.txt"), "01:24:36.155 [main] WARN Utils -- hostname resolves to loopback\n"
                + "{\n  \"variants\" : [ {\n    \"name\" : \"red\"\n  } ],\n  \"manifest\" : \"/m\"\n}\n"
                + "01:24:42.100 [shutdown-hook-0] INFO ShutdownHookManager -- Deleting directory /tmp/spark-1 {\n");

        JsonNode result = SparkJobSubmitter.readResult(stdout).orElseThrow();

        assertEquals("/m", result.get("manifest").textValue());
        assertEquals("red", result.get("variants").get(0).get("name").textValue());
    }

    @Test
    void truncatedResultIsAbsent() throws Exception {
        Path stdout = Files.writeString(folder.resolve("stdout.txt"), "{\n  \"skipped\" : [ ],\n");

        assertEquals(Optional.empty(), SparkJobSubmitter.readResult(stdout));
        assertFalse(SparkJobSubmitter.readResult(folder.resolve("absent.txt")).isPresent());
    }

    @Test
    void invalidInstallationIsRejectedBeforeSubmitting() {
        SparkInstallation installation = new SparkInstallation(folder, "yarn", Optional.empty(), List.of());

        assertThrows(IllegalArgumentException.class, () -> new SparkJobSubmitter(installation, "spark-internal"));
    }

    private static void append(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }
}
