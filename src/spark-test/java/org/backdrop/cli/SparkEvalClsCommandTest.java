package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eval-cls --engine spark --master local[2]} gives the same predictions and numbers as a local run. */
class SparkEvalClsCommandTest {

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

    /** The original CIFAR-10 images and a red-background variant, in batches of 32 that leave a partial last batch. */
    @Test
    void cifarOriginalAndVariantMatchLocalRun() throws Exception {
        Path images = SharedData.fixture("cifar10/test_images_jpg");
        Path variants = folder.resolve("variants");
        CliRunner.Result augment = CliRunner.run("augment", "--in", images.toString(), "--out", variants.toString(), "--backgrounds", "red",
                "--mask-source", "grabcut", "--seed", "1", "--json");
        assertEquals(ExitCodes.SKIPPED, augment.exitCode(), augment.err());

        List<String> options = new ArrayList<>(List.of("eval-cls", "--model", SharedData.fixture("models/cifar10/resnet_2b.onnx").toString(),
                "--spec", Path.of("src/test/resources/models/resnet_2b.spec.json").toAbsolutePath().toString(),
                "--in", images.toString(), "--in", variants.resolve("red").toString(), "--device", "cpu", "--json"));
        List<String> local = new ArrayList<>(options);
        local.addAll(List.of("--out", folder.resolve("local").toString()));
        List<String> spark = new ArrayList<>(options);
        spark.addAll(List.of("--out", folder.resolve("spark").toString(), "--engine", "spark", "--master", "local[2]"));

        CliRunner.Result localRun = CliRunner.run(local.toArray(String[]::new));
        CliRunner.Result sparkRun = CliRunner.run(spark.toArray(String[]::new));

        assertEquals(ExitCodes.SUCCESS, localRun.exitCode(), localRun.err());
        assertEquals(localRun.exitCode(), sparkRun.exitCode(), sparkRun.err());
        assertEquals(localRun.json().get("datasets"), sparkRun.json().get("datasets"));
        assertEquals(localRun.json().get("comparisons"), sparkRun.json().get("comparisons"));
        List<String> tables = tables(folder.resolve("local"));
        assertFalse(tables.isEmpty(), "eval-cls --out wrote no CSV table");
        for (String table : tables) {
            assertArrayEquals(Files.readAllBytes(folder.resolve("local").resolve(table)), Files.readAllBytes(folder.resolve("spark").resolve(table)),
                    "bytes differ in " + table);
        }
    }

    private static List<String> tables(Path results) throws Exception {
        try (var files = Files.list(results)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".csv")).sorted().toList();
        }
    }
}
