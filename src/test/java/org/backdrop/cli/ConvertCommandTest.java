package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConvertCommandTest {

    @TempDir
    Path folder;

    @Test
    void vocToCocoKeepsCounts() throws Exception {
        Path out = folder.resolve("coco");

        CliRunner.Result result = CliRunner.run("convert", "--in", SharedData.fixture("voc/rodm_voc2012_detection").toString(),
                "--to", "coco", "--out", out.toString(), "--json");

        // 40 XML files with 87 objects between them.
        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        assertEquals(40, result.json().get("written").asInt());
        JsonNode coco = InspectCommandTest.inspect(0, out);
        assertEquals(40, coco.get("images").asInt());
        assertEquals(87, coco.get("annotations").asInt());
    }

    @Test
    void corruptImageIsSkippedNotCopied() throws Exception {
        Path images = Files.createDirectories(folder.resolve("images/cat"));
        Files.copy(SharedData.regressionCase("CV-11/complete.jpg"), images.resolve("complete.jpg"));
        Files.copy(SharedData.regressionCase("CV-11/truncated.jpg"), images.resolve("truncated.jpg"));
        Path out = folder.resolve("coco");

        CliRunner.Result result = CliRunner.run("convert", "--in", folder.resolve("images").toString(), "--to", "coco",
                "--out", out.toString(), "--json");

        assertEquals(ExitCodes.SKIPPED, result.exitCode(), result.err());
        assertEquals(1, result.json().get("written").asInt());
        assertEquals("cat/truncated.jpg", result.json().get("skipped").get(0).get("file").asText());
        assertEquals(false, Files.exists(out.resolve("images/cat/truncated.jpg")));
    }
}
