package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code masks --engine spark --master local[2]} writes the same masks file as a local run. */
class SparkMasksCommandTest {

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
    void annotationMasksOfVocMatchLocalRun() throws Exception {
        assertSameAsLocal(SharedData.fixture("voc/icevision_voc2012"), List.of("--source", "annotations"));
    }

    @Test
    void grabCutMasksMatchLocalRun() throws Exception {
        assertSameAsLocal(SharedData.fixture("cifar10/cifar-10-batches-bin"), List.of("--source", "grabcut"));
    }

    /** The model and its spec reach the executors as files Spark ships, not through the dataset's folder. */
    @Test
    void personModelMasksMatchLocalRun() throws Exception {
        Path images = Files.createDirectories(folder.resolve("images"));
        Files.copy(SharedData.fixture("odd_images/hopper.jpg"), images.resolve("hopper.jpg"));
        Path model = SharedData.fixture("models/person_segmentation/selfie_segmentation.onnx");
        Path spec = Path.of("src/test/resources/models/selfie_segmentation.spec.json").toAbsolutePath();
        assertSameAsLocal(images, List.of("--source", "onnx=" + model + ":" + spec, "--device", "cpu"));
    }

    /**
     * The spec names a class-names file beside it, which Spark does not ship: the spec reaches the
     * executors as text with the names written in.
     */
    @Test
    void specWithClassNamesFileMatchesLocalRun() throws Exception {
        Path images = Files.createDirectories(folder.resolve("images"));
        Files.copy(SharedData.fixture("odd_images/hopper.jpg"), images.resolve("hopper.jpg"));
        Path model = SharedData.fixture("models/person_segmentation/selfie_segmentation.onnx");
        Path specFolder = Files.createDirectories(folder.resolve("spec"));
        ObjectNode specJson = (ObjectNode) new ObjectMapper().readTree(Path.of("src/test/resources/models/selfie_segmentation.spec.json").toFile());
        specJson.put("classes", "person.names");
        Path spec = specFolder.resolve("selfie_segmentation.spec.json");
        Files.writeString(spec, specJson.toString());
        Files.writeString(specFolder.resolve("person.names"), "background\nperson\n");

        assertSameAsLocal(images, List.of("--source", "onnx=" + model + ":" + spec, "--device", "cpu"));
    }

    @Test
    void sampleFailingEveryAttemptIsSkipped() throws Exception {
        Path out = folder.resolve("spark.json");
        System.setProperty("backdrop.spark.test.failSample", "2007_000063");
        CliRunner.Result run;
        try {
            run = CliRunner.run(arguments(SharedData.fixture("voc/icevision_voc2012"), out, List.of("--source", "annotations",
                    "--engine", "spark", "--master", "local[2]")));
        } finally {
            System.clearProperty("backdrop.spark.test.failSample");
        }
        assertEquals(ExitCodes.SKIPPED, run.exitCode(), run.err());
        assertEquals(0, run.json().get("masks").asInt());
        String reasons = run.json().get("skipped").toString();
        assertTrue(reasons.contains("failed in all 4 attempts"), reasons);
        assertTrue(reasons.contains("failure injected for testing on sample 2007_000063"), reasons);
    }

    private void assertSameAsLocal(Path input, List<String> options) throws Exception {
        Path local = folder.resolve("local.json");
        Path spark = folder.resolve("spark.json");
        CliRunner.Result localRun = CliRunner.run(arguments(input, local, options));
        List<String> sparkOptions = new ArrayList<>(options);
        sparkOptions.addAll(List.of("--engine", "spark", "--master", "local[2]"));
        CliRunner.Result sparkRun = CliRunner.run(arguments(input, spark, sparkOptions));
        assertEquals(localRun.exitCode(), sparkRun.exitCode(), sparkRun.err());
        assertEquals(localRun.json().get("skipped"), sparkRun.json().get("skipped"));
        assertTrue(localRun.json().get("masks").asInt() > 0, localRun.err());
        assertArrayEquals(Files.readAllBytes(local), Files.readAllBytes(spark));
    }

    private static String[] arguments(Path input, Path out, List<String> options) {
        List<String> args = new ArrayList<>(List.of("masks", "--in", input.toString(), "--out", out.toString(), "--json"));
        args.addAll(options);
        return args.toArray(String[]::new);
    }
}
