package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code augment} and {@code masks} with {@code --in} and {@code --out} given as Hadoop URIs of a file
 * system that is not the JVM's default one ({@link LoopbackFileSystem}), against a local run of the
 * same command with plain paths: the same files with the same bytes.
 */
class SparkHadoopPathsTest {

    private static final String SPARK_IMPL = "spark.hadoop.fs." + LoopbackFileSystem.SCHEME + ".impl";

    @TempDir
    Path folder;

    @BeforeAll
    static void loopbackOnly() {
        SparkTestSettings.apply();
        System.setProperty(SPARK_IMPL, LoopbackFileSystem.class.getName());
    }

    @AfterAll
    static void clear() {
        SparkTestSettings.clear();
        System.clearProperty(SPARK_IMPL);
    }

    @Test
    void augmentOnSparkMatchesLocalRun() throws Exception {
        Path input = SharedData.fixture("voc/icevision_voc2012");
        Path local = folder.resolve("local");
        Path hadoop = folder.resolve("hadoop");
        List<String> spark = List.of("--engine", "spark", "--master", "local[2]");
        CliRunner.Result localRun = CliRunner.run(augment(input.toString(), local.toString(), List.of("--threads", "2")));
        CliRunner.Result hadoopRun = CliRunner.run(augment(LoopbackFileSystem.uri(input), LoopbackFileSystem.uri(hadoop), spark));

        assertTrue(localRun.exitCode() == 0 || localRun.exitCode() == 3, localRun.err());
        assertEquals(localRun.exitCode(), hadoopRun.exitCode(), hadoopRun.err());
        assertEquals(localRun.json().get("skipped"), hadoopRun.json().get("skipped"));
        assertEquals(LoopbackFileSystem.uri(hadoop.resolve("red")), hadoopRun.json().get("variants").get(0).get("dir").asText());
        assertFalse(Files.exists(hadoop.resolve(".backdrop-work")), "the engine's work folder is left behind");

        // A rerun over the same --out keeps the verified variants: no image is written again.
        Map<Path, FileTime> written = modificationTimes(hadoop);
        CliRunner.Result rerun = CliRunner.run(augment(LoopbackFileSystem.uri(input), LoopbackFileSystem.uri(hadoop), spark));
        assertEquals(hadoopRun.exitCode(), rerun.exitCode(), rerun.err());
        assertEquals(written, modificationTimes(hadoop), "a rerun wrote images again");

        assertSameOutput(local, hadoop);
    }

    /** The local engine reads and writes Hadoop URIs through the same file system as the Spark engine. */
    @Test
    void augmentOnLocalEngineMatchesLocalRun() throws Exception {
        Path input = SharedData.fixture("cifar10/cifar-10-batches-bin");
        Path local = folder.resolve("local");
        Path hadoop = folder.resolve("hadoop");
        CliRunner.Result localRun = CliRunner.run(augment(input.toString(), local.toString(), List.of("--threads", "2")));
        CliRunner.Result hadoopRun = CliRunner.run(augment(LoopbackFileSystem.uri(input), LoopbackFileSystem.uri(hadoop), List.of("--threads", "2")));

        assertEquals(localRun.exitCode(), hadoopRun.exitCode(), hadoopRun.err());
        assertEquals(localRun.json().get("skipped"), hadoopRun.json().get("skipped"));
        assertSameOutput(local, hadoop);
    }

    @Test
    void masksOnSparkMatchLocalRun() throws Exception {
        Path input = SharedData.fixture("voc/icevision_voc2012");
        Path local = folder.resolve("local.json");
        Path hadoop = folder.resolve("out/hadoop.json");
        CliRunner.Result localRun = CliRunner.run(masks(input.toString(), local.toString(), List.of()));
        CliRunner.Result hadoopRun = CliRunner.run(masks(LoopbackFileSystem.uri(input), LoopbackFileSystem.uri(hadoop),
                List.of("--engine", "spark", "--master", "local[2]")));

        assertEquals(localRun.exitCode(), hadoopRun.exitCode(), hadoopRun.err());
        assertTrue(localRun.json().get("masks").asInt() > 0, localRun.out());
        assertEquals(localRun.json().get("skipped"), hadoopRun.json().get("skipped"));
        assertEquals(LoopbackFileSystem.uri(hadoop), hadoopRun.json().get("out").asText());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(hadoop));
    }

    @Test
    void unknownSchemeIsAUsageError() {
        CliRunner.Result run = CliRunner.run(masks("nosuchfs://host/data", folder.resolve("masks.json").toString(), List.of()));

        assertEquals(ExitCodes.USAGE, run.exitCode(), run.err());
        assertTrue(run.err().contains("cannot open nosuchfs://host through Hadoop"), run.err());
        assertTrue(run.err().contains("Hadoop connector"), run.err());
    }

    /**
     * Compares the two output folders byte for byte. The manifest records the input's location and
     * the source of each image, so the Hadoop run's manifest differs from the local one only by the
     * {@code backdroptest://} prefix of those paths; that prefix is removed before the comparison.
     */
    private static void assertSameOutput(Path local, Path hadoop) throws Exception {
        Path manifest = hadoop.resolve("manifest.json");
        String text = Files.readString(manifest, StandardCharsets.UTF_8);
        assertTrue(text.contains(LoopbackFileSystem.SCHEME + "://"), "the manifest should record the input's URI");
        Files.writeString(manifest, text.replace(LoopbackFileSystem.SCHEME + "://", ""), StandardCharsets.UTF_8);
        OutputTrees.assertSameBytes(local, hadoop);
    }

    private static Map<Path, FileTime> modificationTimes(Path root) throws Exception {
        Map<Path, FileTime> times = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".png")).toList()) {
                times.put(root.relativize(file), Files.getLastModifiedTime(file));
            }
        }
        assertFalse(times.isEmpty(), "no images in " + root);
        return times;
    }

    private static String[] augment(String input, String out, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("augment", "--in", input, "--out", out, "--backgrounds", "red,bg-random", "--seed", "11", "--json"));
        args.addAll(extra);
        return args.toArray(String[]::new);
    }

    private static String[] masks(String input, String out, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("masks", "--in", input, "--out", out, "--source", "annotations", "--json"));
        args.addAll(extra);
        return args.toArray(String[]::new);
    }
}
