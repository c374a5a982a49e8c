package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval-det --model --engine spark --master local[2]} against a local run of the same command:
 * the same numbers and the same CSV bytes, and a sample whose detection fails in every attempt listed
 * as skipped while the other samples are still evaluated.
 */
class SparkEvalDetCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    private Path spec;

    @BeforeAll
    static void loopbackOnly() {
        SparkTestSettings.apply();
    }

    @AfterAll
    static void clear() {
        SparkTestSettings.clear();
    }

    @BeforeEach
    void copySpec() throws Exception {
        spec = copySpec(folder);
    }

    /** Copies FastestDet's spec into {@code folder} with the coco.names file it names; only the model file is shipped to executors. */
    static Path copySpec(Path folder) throws Exception {
        Path spec = Files.createDirectories(folder.resolve("spec")).resolve("FastestDet.spec.json");
        Files.copy(Path.of("src/test/resources/models/FastestDet.spec.json"), spec);
        Files.copy(SharedData.fixture("models/detection_coco/coco.names"), spec.resolveSibling("coco.names"));
        return spec;
    }

    private List<String> evalDet(Path... inputs) {
        return arguments(spec, inputs);
    }

    /** Returns eval-det's arguments for FastestDet with {@code spec} on {@code inputs}, on the CPU, with --json. */
    static List<String> arguments(Path spec, Path... inputs) {
        List<String> args = new ArrayList<>(List.of("eval-det", "--model", SharedData.fixture("models/detection_coco/FastestDet.onnx").toString(),
                "--spec", spec.toString(), "--device", "cpu", "--json"));
        for (Path input : inputs) {
            args.addAll(List.of("--in", input.toString()));
        }
        return args;
    }

    static CliRunner.Result run(List<String> arguments, String... extra) {
        List<String> args = new ArrayList<>(arguments);
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    /** A COCO subset of six photos and a two-image VOC dataset; FastestDet takes one image per batch, so each dataset spans both partitions. */
    @Test
    void cocoAndVocMatchLocalRun() throws Exception {
        List<String> options = evalDet(SharedData.fixture("coco/icevision_coco2017_subset/annotations.json"),
                SharedData.fixture("voc/icevision_voc2012"));

        CliRunner.Result localRun = run(options, "--out", folder.resolve("local").toString());
        CliRunner.Result sparkRun = run(options, "--out", folder.resolve("spark").toString(), "--engine", "spark", "--master", "local[2]");

        assertEquals(ExitCodes.SUCCESS, localRun.exitCode(), localRun.err());
        assertEquals(localRun.exitCode(), sparkRun.exitCode(), sparkRun.err());
        JsonNode variants = localRun.json().get("variants");
        assertTrue(variants.get(0).get("detections").asInt() > 0, "FastestDet found nothing in the COCO photos: " + variants);
        assertEquals(variants, sparkRun.json().get("variants"));
        assertEquals(MAPPER.readTree(folder.resolve("local/results.json").toFile()).get("variants"),
                MAPPER.readTree(folder.resolve("spark/results.json").toFile()).get("variants"));
        List<String> tables;
        try (var files = Files.list(folder.resolve("local"))) {
            tables = files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted().toList();
        }
        assertTrue(tables.containsAll(List.of("summary.csv", "per_category.csv", "voc_per_class.csv")), tables.toString());
        for (String table : tables) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("local").resolve(table)), Files.readAllBytes(folder.resolve("spark").resolve(table)),
                    "bytes differ in " + table);
        }
    }

    /**
     * The detector throws on 2007_000063 in every attempt: that sample is listed as skipped, and the
     * other image gives the detections a local run finds in a VOC dataset of that image alone.
     */
    @Test
    void sampleFailingEveryAttemptIsSkipped() throws Exception {
        Path voc = SharedData.fixture("voc/icevision_voc2012");
        Path alone = folder.resolve("alone");
        Files.createDirectories(alone.resolve("Annotations"));
        Files.createDirectories(alone.resolve("JPEGImages"));
        Files.copy(voc.resolve("Annotations/2011_003353.xml"), alone.resolve("Annotations/2011_003353.xml"));
        Files.copy(voc.resolve("JPEGImages/2011_003353.jpg"), alone.resolve("JPEGImages/2011_003353.jpg"));
        CliRunner.Result localRun = run(evalDet(alone));
        System.setProperty("backdrop.spark.test.failSample", "2007_000063");
        CliRunner.Result sparkRun;
        try {
            sparkRun = run(evalDet(voc), "--engine", "spark", "--master", "local[2]");
        } finally {
            System.clearProperty("backdrop.spark.test.failSample");
        }

        assertEquals(ExitCodes.SUCCESS, localRun.exitCode(), localRun.err());
        assertEquals(ExitCodes.SKIPPED, sparkRun.exitCode(), sparkRun.err());
        JsonNode variant = sparkRun.json().get("variants").get(0);
        JsonNode skipped = variant.get("skipped");
        assertEquals(1, skipped.size(), skipped.toString());
        assertTrue(skipped.get(0).get("file").asText().contains("2007_000063"), skipped.toString());
        String reason = skipped.get(0).get("reason").asText();
        // local[2] runs as local[2,4]: the fourth attempt is Spark's last, and only then is the sample skipped.
        assertTrue(reason.contains("failed in all 4 attempts"), reason);
        assertTrue(reason.contains("failure injected for testing on sample 2007_000063"), reason);
        int aloneDetections = localRun.json().get("variants").get(0).get("detections").asInt();
        assertTrue(aloneDetections > 0, "FastestDet found nothing in 2011_003353");
        assertEquals(aloneDetections, variant.get("detections").asInt());
        assertEquals(2, variant.get("images").asInt());
    }
}
