package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    @TempDir
    Path folder;

    @Test
    void printsContractFields() throws Exception {
        CliRunner.Result result = CliRunner.run("inspect", SharedData.fixture("voc/icevision_voc2012").toString(), "--json");

        List<String> fields = new ArrayList<>();
        result.json().fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("format", "root", "images", "annotations", "crowd", "withMasks", "categories", "invalid"), fields);
        JsonNode category = result.json().get("categories").get(0);
        assertEquals(Set.of("id", "name", "annotations"), names(category.fieldNames()));
    }

    @Test
    void vocFixtureCounts() throws Exception {
        // Two XML files with 2 and 1 objects; 2007_000063 has instance masks for its dog and chair.
        JsonNode json = inspect(0, SharedData.fixture("voc/icevision_voc2012"));

        assertEquals("voc", json.get("format").asText());
        assertEquals(2, json.get("images").asInt());
        assertEquals(3, json.get("annotations").asInt());
        assertEquals(2, json.get("withMasks").asInt());
        assertEquals(0, json.get("invalid").size());
    }

    @Test
    void vocDetectionFixtureCounts() throws Exception {
        // 40 XML files holding 87 <object> elements between them.
        JsonNode json = inspect(0, SharedData.fixture("voc/rodm_voc2012_detection"));

        assertEquals(40, json.get("images").asInt());
        assertEquals(87, json.get("annotations").asInt());
        assertEquals(0, json.get("withMasks").asInt());
    }

    @Test
    void cifarBinaryFixtureCounts() throws Exception {
        JsonNode json = inspect(0, SharedData.fixture("cifar10/cifar-10-batches-bin"));

        assertCifarFixture(json);
    }

    @Test
    void cifarPythonFixtureCounts() throws Exception {
        JsonNode json = inspect(0, SharedData.fixture("cifar10/cifar-10-batches-py"));

        assertCifarFixture(json);
    }

    @Test
    void jpegFolderFixtureCounts() throws Exception {
        JsonNode json = inspect(0, SharedData.fixture("cifar10/test_images_jpg"));

        assertEquals("folder", json.get("format").asText());
        assertCifarFixture(json);
    }

    @Test
    void oddImagesListsDamagedFiles() throws Exception {
        // Of the 18 files, the fixture notes name four that are damaged or not images at all.
        JsonNode json = inspect(3, SharedData.fixture("odd_images"));

        assertEquals(14, json.get("images").asInt());
        assertEquals(Set.of("broken.png", "empty_zero_bytes.jpg", "truncated_image.png", "truncated_jpeg.jpg"), files(json));
    }

    @Test
    void cifarBatchesWithDamagedFile() throws Exception {
        Path cifar = Files.createDirectories(folder.resolve("cifar"));
        for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "batches.meta.txt")) {
            Files.copy(SharedData.regressionCase("CV-03/" + name), cifar.resolve(name));
        }
        Files.copy(SharedData.regressionCase("CV-03/data_batch_bad.bin"), cifar.resolve("data_batch_3.bin"));

        JsonNode json = inspect(3, cifar);

        // 3 + 2 records; the third file has 6,246 bytes: two records and 100 stray bytes.
        assertEquals(5, json.get("images").asInt());
        assertEquals(Set.of("data_batch_3.bin"), files(json));
        String reason = json.get("invalid").get(0).get("reason").asText();
        assertTrue(reason.contains("6246"), reason);
        assertTrue(reason.contains("3073"), reason);
    }

    @Test
    void truncatedJpegIsInvalid() throws Exception {
        Path images = Files.createDirectories(folder.resolve("images"));
        Files.copy(SharedData.regressionCase("CV-11/complete.jpg"), images.resolve("complete.jpg"));
        Files.copy(SharedData.regressionCase("CV-11/truncated.jpg"), images.resolve("truncated.jpg"));

        JsonNode json = inspect(3, images);

        assertEquals(1, json.get("images").asInt());
        assertEquals(Set.of("truncated.jpg"), files(json));
        assertTrue(json.get("invalid").get(0).get("reason").asText().contains("truncated"));
    }

    @Test
    void unreadableDatasetExitsWithTwo() {
        CliRunner.Result result = CliRunner.run("inspect", folder.toString());

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode());
        assertEquals("", result.out());
    }

    @Test
    void jsonRunPrintsErrorDocument() throws Exception {
        CliRunner.Result result = CliRunner.run("inspect", folder.resolve("nothing").toString(), "--json");

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode());
        assertEquals(2, result.json().get("exitCode").asInt());
        assertTrue(result.json().get("error").asText().contains("dataset not found"), result.out());
    }

    @Test
    void missingPathExitsWithTwo() {
        assertEquals(ExitCodes.INVALID_INPUT, CliRunner.run("inspect", folder.resolve("nothing").toString()).exitCode());
    }

    @Test
    void everyCommandPrintsHelp() {
        for (String command : List.of("inspect", "convert", "masks", "augment", "eval-cls", "eval-det", "eval-voc", "train", "studio")) {
            CliRunner.Result result = CliRunner.run(command, "--help");

            assertEquals(ExitCodes.SUCCESS, result.exitCode(), command);
            assertTrue(result.out().startsWith("Usage: backdrop " + command), command + ": " + result.out());
        }
    }

    @Test
    void unknownOptionExitsWithOne() {
        assertEquals(ExitCodes.USAGE, CliRunner.run("inspect", folder.toString(), "--no-such-option").exitCode());
    }

    static JsonNode inspect(int expectedExitCode, Path path, String... options) throws Exception {
        List<String> args = new ArrayList<>(List.of("inspect", path.toString(), "--json"));
        args.addAll(List.of(options));
        CliRunner.Result result = CliRunner.run(args.toArray(String[]::new));
        assertEquals(expectedExitCode, result.exitCode(), result.err());
        return result.json();
    }

    static Set<String> files(JsonNode json) {
        Set<String> files = new TreeSet<>();
        json.get("invalid").forEach(entry -> files.add(entry.get("file").asText()));
        return files;
    }

    private static void assertCifarFixture(JsonNode json) {
        // 300 test images, 30 of each of the 10 classes.
        assertEquals(300, json.get("images").asInt());
        assertEquals(300, json.get("annotations").asInt());
        assertEquals(10, json.get("categories").size());
        json.get("categories").forEach(category -> assertEquals(30, category.get("annotations").asInt(), category.toString()));
    }

    private static Set<String> names(Iterator<String> fieldNames) {
        Set<String> names = new TreeSet<>();
        fieldNames.forEachRemaining(names::add);
        return names;
    }
}
