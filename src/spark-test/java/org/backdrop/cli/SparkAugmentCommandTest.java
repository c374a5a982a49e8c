package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code augment --engine spark --master local[2]} against a local run of the same command: the
 * same files with the same bytes, and a sample whose task fails in every attempt listed as skipped.
 */
class SparkAugmentCommandTest {

    @TempDir
    Path folder;

    @BeforeAll
    static void loopbackOnly() {
        SparkTestSettings.apply();
    }

    @AfterAll
    static void clear() {
        SparkTestSettings.clear();
    }

    @Test
    void cifarBinaryBatchesMatchLocalRun() throws Exception {
        assertSameAsLocal(SharedData.fixture("cifar10/cifar-10-batches-bin"), "red,noise-uniform,bg-random", "local[2]");
    }

    @Test
    void cifarPythonBatchesMatchLocalRun() throws Exception {
        assertSameAsLocal(SharedData.fixture("cifar10/cifar-10-batches-py"), "black,mean", "local[2]");
    }

    @Test
    void vocMatchesLocalRun() throws Exception {
        assertSameAsLocal(SharedData.fixture("voc/icevision_voc2012"), "red,mean,bg-random,only-bg-t", "local[2]");
    }

    /** Runs augment locally and on {@code master} and compares the output folders. */
    static void assertSameAsLocal(Path input, String backgrounds, String master, Path folder) throws Exception {
        Path local = folder.resolve("local");
        Path spark = folder.resolve("spark");
        CliRunner.Result localRun = CliRunner.run(arguments(input, local, backgrounds, List.of("--threads", "2")));
        CliRunner.Result sparkRun = CliRunner.run(arguments(input, spark, backgrounds, List.of("--engine", "spark", "--master", master)));
        assertTrue(localRun.exitCode() == 0 || localRun.exitCode() == 3, localRun.err());
        assertEquals(localRun.exitCode(), sparkRun.exitCode(), sparkRun.err());
        assertEquals(localRun.json().get("skipped"), sparkRun.json().get("skipped"));
        assertFalse(Files.exists(spark.resolve(".backdrop-work")), "the engine's work folder is left behind");
        OutputTrees.assertSameBytes(local, spark);
    }

    private void assertSameAsLocal(Path input, String backgrounds, String master) throws Exception {
        assertSameAsLocal(input, backgrounds, master, folder);
    }

    static String[] arguments(Path input, Path out, String backgrounds, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("augment", "--in", input.toString(), "--out", out.toString(),
                "--backgrounds", backgrounds, "--seed", "11", "--json"));
        args.addAll(extra);
        return args.toArray(String[]::new);
    }

    @Test
    void sampleFailingEveryAttemptIsSkippedAndTheRestWritten() throws Exception {
        Path input = SharedData.fixture("voc/icevision_voc2012");
        Path local = folder.resolve("local");
        Path spark = folder.resolve("spark");
        CliRunner.Result localRun = CliRunner.run(arguments(input, local, "green", List.of()));
        System.setProperty("backdrop.spark.test.failSample", "2007_000063");
        CliRunner.Result sparkRun;
        try {
            sparkRun = CliRunner.run(arguments(input, spark, "green", List.of("--engine", "spark", "--master", "local[2]")));
        } finally {
            System.clearProperty("backdrop.spark.test.failSample");
        }

        assertEquals(ExitCodes.SKIPPED, sparkRun.exitCode(), sparkRun.err());
        JsonNode json = sparkRun.json();
        assertEquals(0, json.get("variants").get(0).get("images").asInt());
        String reasons = json.get("skipped").toString();
        // local[2] runs as local[2,4]: the fourth attempt is Spark's last, and only then is the sample skipped.
        assertTrue(reasons.contains("failed in all 4 attempts") && reasons.contains("failure injected for testing on sample 2007_000063"), reasons);
        assertEquals(localRun.json().get("skipped").size() + 1, json.get("skipped").size(), reasons);
    }
}
