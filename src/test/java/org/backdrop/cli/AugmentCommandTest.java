package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentCommandTest {

    @TempDir
    Path folder;

    @Test
    void vocVariantReadsBackWithMasks() throws Exception {
        Path out = folder.resolve("out");

        CliRunner.Result result = CliRunner.run("augment", "--in", SharedData.fixture("voc/icevision_voc2012").toString(),
                "--out", out.toString(), "--backgrounds", "red,mean", "--seed", "5", "--json");

        // Only 2007_000063 has instance masks; 2011_003353 is a detection-only image and is skipped.
        assertEquals(ExitCodes.SKIPPED, result.exitCode(), result.err());
        JsonNode json = result.json();
        assertEquals(List.of("red", "mean"), List.of(json.get("variants").get(0).get("name").asText(), json.get("variants").get(1).get("name").asText()));
        assertEquals(1, json.get("variants").get(0).get("images").asInt());
        assertEquals("JPEGImages/2011_003353.jpg", json.get("skipped").get(0).get("file").asText());
        assertTrue(Files.isRegularFile(Path.of(json.get("manifest").asText())));

        JsonNode red = InspectCommandTest.inspect(0, out.resolve("red"));
        assertEquals(1, red.get("images").asInt());
        assertEquals(2, red.get("withMasks").asInt());
    }

    @Test
    void cifarJpegsWithGrabCut() throws Exception {
        Path out = folder.resolve("out");

        CliRunner.Result result = CliRunner.run("augment", "--in", SharedData.fixture("cifar10/test_images_jpg").toString(),
                "--out", out.toString(), "--backgrounds", "blue", "--mask-source", "grabcut", "--seed", "5", "--json");

        JsonNode json = result.json();
        int written = json.get("variants").get(0).get("images").asInt();
        int skipped = json.get("skipped").size();
        assertEquals(300, written + skipped, "every image is written or listed as skipped");
        assertTrue(written > 0, "GrabCut kept no CIFAR-10 image");
        JsonNode blue = InspectCommandTest.inspect(0, out.resolve("blue"));
        assertEquals(written, blue.get("images").asInt());
    }

    @Test
    void cocoVariantReadsBack() throws Exception {
        Path out = folder.resolve("out");

        CliRunner.Result result = CliRunner.run("augment", "--in", SharedData.fixture("coco/icevision_coco2017_subset").toString(),
                "--out", out.toString(), "--backgrounds", "green", "--seed", "5", "--json");

        // 5 of the 6 images have annotations with masks; 000000000089.jpg has none and is skipped.
        assertEquals(ExitCodes.SKIPPED, result.exitCode(), result.err());
        assertEquals("000000000089.jpg", result.json().get("skipped").get(0).get("file").asText());
        JsonNode green = InspectCommandTest.inspect(0, out.resolve("green"));
        assertEquals(5, green.get("images").asInt());
        assertEquals(36, green.get("annotations").asInt());
        assertEquals(1, green.get("crowd").asInt());
    }

    @Test
    void combinedCocoSetHasEveryImage() throws Exception {
        Path out = folder.resolve("out");

        CliRunner.Result result = CliRunner.run("augment", "--in", SharedData.fixture("coco/icevision_coco2017_subset").toString(),
                "--out", out.toString(), "--backgrounds", "red", "--combine", "original,red", "--seed", "5", "--json");

        // 6 originals and the 5 images with masks in red, each its own file.
        assertEquals(ExitCodes.SKIPPED, result.exitCode(), result.err());
        JsonNode combined = InspectCommandTest.inspect(0, out.resolve("combined"));
        assertEquals(11, combined.get("images").asInt());
        try (var files = Files.walk(out.resolve("combined/images"))) {
            assertEquals(11, files.filter(Files::isRegularFile).count());
        }
    }

    @Test
    void combineSkipsSamplesWithoutDonor() throws Exception {
        Path out = folder.resolve("out");

        // The VOC fixture has one sample with masks, so mixed-rand finds no other image to borrow from.
        CliRunner.Result result = CliRunner.run("augment", "--in", SharedData.fixture("voc/icevision_voc2012").toString(),
                "--out", out.toString(), "--backgrounds", "mixed-rand", "--combine", "original,mixed-rand", "--seed", "5", "--json");

        assertEquals(ExitCodes.SKIPPED, result.exitCode(), result.err());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
    }

    @Test
    void backgroundListKeepsGaussianArguments() {
        assertEquals(List.of("red", "noise-gaussian=120,30", "scenes=/photos"),
                AugmentCommand.splitBackgrounds("red, noise-gaussian=120,30,scenes=/photos"));
    }

    @Test
    void unknownBackgroundExitsWithTwo() throws Exception {
        CliRunner.Result result = CliRunner.run("augment", "--in", SharedData.fixture("voc/icevision_voc2012").toString(),
                "--out", folder.resolve("out").toString(), "--backgrounds", "purple-haze", "--seed", "5");

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode());
    }
}
