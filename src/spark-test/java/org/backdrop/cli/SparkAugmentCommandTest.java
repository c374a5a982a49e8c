package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
    void sampleFailingEveryAttemptIsSkipped() throws Exception {
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
        assertTrue(reasons.contains("failed in all 4 attempts"), reasons);
        assertTrue(reasons.contains("failure injected for testing on sample 2007_000063"), reasons);
        assertEquals(localRun.json().get("skipped").size() + 1, json.get("skipped").size(), reasons);
    }

    /**
     * An interrupted job leaves staged samples in the work folder. A rerun keeps a staged sample whose
     * PNG still has its recorded hash (here a stand-in image, to tell it from a fresh render) and renders
     * again one whose PNG does not match.
     */
    @Test
    void rerunReusesVerifiedStagedSamples() throws Exception {
        Path input = SharedData.fixture("voc/icevision_voc2012");
        byte[] standIn = Files.readAllBytes(SharedData.fixture("cifar10/airplane1.png"));

        Path kept = folder.resolve("kept");
        stage(kept.resolve(".backdrop-work/red"), standIn, sha256(standIn));
        CliRunner.Result keptRun = CliRunner.run(arguments(input, kept, "red", List.of("--engine", "spark", "--master", "local[2]")));
        assertEquals(ExitCodes.SKIPPED, keptRun.exitCode(), keptRun.err());
        assertArrayEquals(standIn, Files.readAllBytes(kept.resolve("red/JPEGImages/2007_000063.png")));

        Path damaged = folder.resolve("damaged");
        stage(damaged.resolve(".backdrop-work/red"), standIn, sha256(new byte[] {1, 2, 3}));
        CliRunner.Result damagedRun = CliRunner.run(arguments(input, damaged, "red", List.of("--engine", "spark", "--master", "local[2]")));
        Path local = folder.resolve("local");
        CliRunner.run(arguments(input, local, "red", List.of()));
        assertEquals(ExitCodes.SKIPPED, damagedRun.exitCode(), damagedRun.err());
        OutputTrees.assertSameBytes(local, damaged);
    }

    /** Stages sample 0 (2007_000063, the fixture's only sample with masks) as an earlier attempt would have. */
    private static void stage(Path work, byte[] png, String recordedHash) throws Exception {
        Files.createDirectories(work);
        Files.write(work.resolve("000000000.png"), png);
        Files.writeString(work.resolve("000000000.json"),
                "{\"sample\":\"2007_000063\",\"sha256\":\"" + recordedHash + "\",\"source\":\"red\"}");
    }

    private static String sha256(byte[] content) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }
}
