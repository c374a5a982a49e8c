package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalVocCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();

    @BeforeEach
    void writeDevkit() throws IOException {
        Files.createDirectories(folder.resolve("Annotations"));
        Files.createDirectories(folder.resolve("results"));
        Files.writeString(folder.resolve("Annotations/img1.xml"), """
                <annotation>
                  <object><name>dog</name><difficult>0</difficult><bndbox><xmin>1</xmin><ymin>1</ymin><xmax>100</xmax><ymax>100</ymax></bndbox></object>
                  <object><name>cat</name><difficult>1</difficult><bndbox><xmin>150</xmin><ymin>150</ymin><xmax>199</xmax><ymax>199</ymax></bndbox></object>
                </annotation>
                """);
        Files.writeString(folder.resolve("test.txt"), "img1\n");
        Files.writeString(folder.resolve("results/comp4_det_test_dog.txt"), "img1 0.9 300 300 340 340\nimg1 0.8 1 1 100 100\n");
    }

    private int run(String... args) {
        CommandLine commandLine = BackdropCli.commandLine(null);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }

    private int runOnDevkit(String metric) {
        return run("eval-voc", "--annotations", folder.resolve("Annotations").toString(), "--imageset", folder.resolve("test.txt").toString(),
                "--detections", folder.resolve("results").toString(), "--metric", metric, "--json");
    }

    @Test
    void jsonHasContractFields() throws IOException {
        int exitCode = runOnDevkit("voc12");

        assertEquals(ExitCodes.SUCCESS, exitCode);
        JsonNode document = new ObjectMapper().readTree(out.toString());
        assertTrue(document.get("mAP").isNumber());
        JsonNode dog = document.get("classes").get("dog");
        assertTrue(dog.get("AP").isNumber());
        assertEquals(2, dog.get("detections").asInt());
        assertTrue(dog.get("recall").isNumber());
        assertTrue(dog.get("precision").isNumber());
    }

    @Test
    void falsePositiveFirstHalvesAreaAp() throws IOException {
        runOnDevkit("voc12");

        JsonNode document = new ObjectMapper().readTree(out.toString());
        // Recall reaches 1 at rank 2 with precision 1/2; cat has only a difficult object and is left out.
        assertEquals(0.5, document.get("mAP").asDouble(), 1e-12);
        assertEquals(1.0, document.get("classes").get("dog").get("recall").asDouble());
        assertEquals(0.5, document.get("classes").get("dog").get("precision").asDouble());
        assertTrue(document.get("classes").get("cat").get("AP").isNull());
        assertEquals("cat", document.get("excludedClasses").get(0).asText());
    }

    @Test
    void missingMetricExitsOne() {
        assertEquals(ExitCodes.USAGE, run("eval-voc", "--annotations", folder.resolve("Annotations").toString(),
                "--imageset", folder.resolve("test.txt").toString(), "--detections", folder.resolve("results").toString()));
    }

    @Test
    void unknownMetricExitsOne() {
        assertEquals(ExitCodes.USAGE, runOnDevkit("voc99"));
    }

    @Test
    void badDetectionLineExitsTwo() throws IOException {
        Files.writeString(folder.resolve("results/comp4_det_test_dog.txt"), "img1 0.9 300 300 340\n");

        assertEquals(ExitCodes.INVALID_INPUT, runOnDevkit("voc07"));
    }

    @Test
    void missingAnnotationExitsTwo() throws IOException {
        Files.writeString(folder.resolve("test.txt"), "img1\nimg2\n");

        assertEquals(ExitCodes.INVALID_INPUT, runOnDevkit("voc07"));
    }
}
