package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * {@code augment}, {@code masks}, {@code eval-cls} and {@code eval-det} with {@code --in} (and for the
 * first two {@code --out}) given as Hadoop URIs of a file system that is not the JVM's default one
 * ({@link LoopbackFileSystem}), against a local run of the same command with plain paths: the same
 * files with the same bytes.
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

    /**
     * A rerun after an interrupted job keeps a staged sample whose PNG still has its recorded hash: here
     * a stand-in image, to tell it from a fresh render, staged as an earlier attempt would have.
     */
    @Test
    void rerunKeepsVerifiedStagedSample() throws Exception {
        Path input = SharedData.fixture("voc/icevision_voc2012");
        byte[] standIn = Files.readAllBytes(SharedData.fixture("cifar10/airplane1.png"));
        Path out = folder.resolve("out");
        Path work = Files.createDirectories(out.resolve(".backdrop-work/red"));
        Files.write(work.resolve("000000000.png"), standIn);
        String hash = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(standIn));
        Files.writeString(work.resolve("000000000.json"), "{\"sample\":\"2007_000063\",\"sha256\":\"" + hash + "\",\"source\":\"red\"}");

        CliRunner.Result run = CliRunner.run("augment", "--in", LoopbackFileSystem.uri(input), "--out", LoopbackFileSystem.uri(out),
                "--backgrounds", "red", "--seed", "11", "--json", "--engine", "spark", "--master", "local[2]");

        assertEquals(ExitCodes.SKIPPED, run.exitCode(), run.err());
        assertArrayEquals(standIn, Files.readAllBytes(out.resolve("red/JPEGImages/2007_000063.png")));
        assertFalse(Files.exists(out.resolve(".backdrop-work")), "the engine's work folder is left behind");
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
    void cocoOnLocalEngineMatchesLocalRun() throws Exception {
        Path input = SharedData.fixture("coco/icevision_coco2017_subset");
        Path local = folder.resolve("local");
        Path hadoop = folder.resolve("hadoop");
        CliRunner.Result localRun = CliRunner.run(augment(input.toString(), local.toString(), List.of()));
        CliRunner.Result hadoopRun = CliRunner.run(augment(LoopbackFileSystem.uri(input), LoopbackFileSystem.uri(hadoop), List.of()));

        assertEquals(ExitCodes.SKIPPED, localRun.exitCode(), localRun.err());
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

    /** A masks file written to a Hadoop URI feeds {@code augment --masks} from there. */
    @Test
    void masksFileOnHadoopFeedsAugment() throws Exception {
        Path input = SharedData.fixture("voc/icevision_voc2012");
        Path localMasks = folder.resolve("local.json");
        Path hadoopMasks = folder.resolve("hadoop.json");
        CliRunner.Result localMasksRun = CliRunner.run(masks(input.toString(), localMasks.toString(), List.of()));
        CliRunner.Result hadoopMasksRun = CliRunner.run(masks(LoopbackFileSystem.uri(input), LoopbackFileSystem.uri(hadoopMasks), List.of()));
        assertEquals(localMasksRun.exitCode(), hadoopMasksRun.exitCode(), hadoopMasksRun.err());

        Path local = folder.resolve("local");
        Path hadoop = folder.resolve("hadoop");
        CliRunner.Result localRun = CliRunner.run(augment(input.toString(), local.toString(), List.of("--masks", localMasks.toString())));
        CliRunner.Result hadoopRun = CliRunner.run(augment(LoopbackFileSystem.uri(input), LoopbackFileSystem.uri(hadoop),
                List.of("--masks", LoopbackFileSystem.uri(hadoopMasks))));

        assertEquals(localRun.exitCode(), hadoopRun.exitCode(), hadoopRun.err());
        assertEquals(localRun.json().get("skipped"), hadoopRun.json().get("skipped"));
        // The manifest records the masks file's location, and the run state's fingerprint hashes it.
        // Only those two may differ between the runs.
        Path manifest = hadoop.resolve("manifest.json");
        Files.writeString(manifest, Files.readString(manifest).replace(LoopbackFileSystem.uri(hadoopMasks), LoopbackFileSystem.uri(localMasks)));
        Path state = hadoop.resolve(".backdrop-augment.json");
        assertEquals(withoutFingerprint(local.resolve(".backdrop-augment.json")), withoutFingerprint(state));
        Files.copy(local.resolve(".backdrop-augment.json"), state, StandardCopyOption.REPLACE_EXISTING);
        assertSameOutput(local, hadoop);
    }

    @Test
    void evalClsOnSparkMatchesLocalRun() throws Exception {
        Path images = SharedData.fixture("cifar10/test_images_jpg");
        List<String> options = List.of("eval-cls", "--model", SharedData.fixture("models/cifar10/resnet_2b.onnx").toString(),
                "--spec", Path.of("src/test/resources/models/resnet_2b.spec.json").toAbsolutePath().toString(), "--device", "cpu", "--json");
        List<String> local = new ArrayList<>(options);
        local.addAll(List.of("--in", images.toString(), "--out", folder.resolve("local").toString()));
        List<String> hadoop = new ArrayList<>(options);
        hadoop.addAll(List.of("--in", LoopbackFileSystem.uri(images), "--out", folder.resolve("hadoop").toString(),
                "--engine", "spark", "--master", "local[2]"));

        CliRunner.Result localRun = CliRunner.run(local.toArray(String[]::new));
        CliRunner.Result hadoopRun = CliRunner.run(hadoop.toArray(String[]::new));

        assertEquals(ExitCodes.SUCCESS, localRun.exitCode(), localRun.err());
        assertEquals(localRun.exitCode(), hadoopRun.exitCode(), hadoopRun.err());
        assertEquals(localRun.json().get("comparisons"), hadoopRun.json().get("comparisons"));
        assertArrayEquals(Files.readAllBytes(folder.resolve("local/table.csv")), Files.readAllBytes(folder.resolve("hadoop/table.csv")));
    }

    /** A COCO annotation file and a VOC folder, both given as URIs, against the same datasets as plain paths. */
    @Test
    void evalDetOnSparkMatchesLocalRun() throws Exception {
        Path coco = SharedData.fixture("coco/icevision_coco2017_subset/annotations.json");
        Path voc = SharedData.fixture("voc/icevision_voc2012");
        Path spec = SparkEvalDetCommandTest.copySpec(folder);
        List<String> local = new ArrayList<>(SparkEvalDetCommandTest.arguments(spec, coco, voc));
        local.addAll(List.of("--out", folder.resolve("local").toString()));
        List<String> hadoop = new ArrayList<>(SparkEvalDetCommandTest.arguments(spec));
        hadoop.addAll(List.of("--in", LoopbackFileSystem.uri(coco), "--in", LoopbackFileSystem.uri(voc), "--out", folder.resolve("hadoop").toString(),
                "--engine", "spark", "--master", "local[2]"));

        CliRunner.Result localRun = CliRunner.run(local.toArray(String[]::new));
        CliRunner.Result hadoopRun = CliRunner.run(hadoop.toArray(String[]::new));

        assertEquals(ExitCodes.SUCCESS, localRun.exitCode(), localRun.err());
        assertEquals(localRun.exitCode(), hadoopRun.exitCode(), hadoopRun.err());
        JsonNode localVariants = localRun.json().get("variants");
        JsonNode hadoopVariants = hadoopRun.json().get("variants");
        assertTrue(localVariants.get(0).get("detections").asInt() > 0, "FastestDet found nothing in the COCO photos: " + localVariants);
        // Each variant records where its dataset was read: the path in one run, the URI in the other.
        assertEquals(LoopbackFileSystem.uri(coco), hadoopVariants.get(0).get("path").asText());
        assertEquals(LoopbackFileSystem.uri(voc), hadoopVariants.get(1).get("path").asText());
        assertEquals(withoutPaths(localVariants), withoutPaths(hadoopVariants));
        for (String table : List.of("summary.csv", "per_category.csv", "voc_per_class.csv")) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("local").resolve(table)), Files.readAllBytes(folder.resolve("hadoop").resolve(table)),
                    "bytes differ in " + table);
        }
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

    private static JsonNode withoutPaths(JsonNode variants) {
        JsonNode copy = variants.deepCopy();
        copy.forEach(variant -> ((ObjectNode) variant).remove("path"));
        return copy;
    }

    private static JsonNode withoutFingerprint(Path state) throws Exception {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(Files.readString(state));
        assertTrue(node.has("fingerprint"), state + " has no fingerprint");
        node.remove("fingerprint");
        return node;
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
