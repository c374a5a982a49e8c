package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --out} of {@code eval-det --gt/--dt} and {@code eval-voc}, checked against the reference cases' expected numbers. */
class ResultsFolderTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void cocoResultsFolderHasReferenceNumbers() throws Exception {
        Path reference = SharedData.reference("coco/tiny_crowd_region");
        Path out = folder.resolve("coco");

        CliRunner.Result result = CliRunner.run("eval-det", "--gt", reference.resolve("gt.json").toString(), "--dt",
                reference.resolve("dt.json").toString(), "--out", out.toString());

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        JsonNode expected = MAPPER.readTree(reference.resolve("expected.json").toFile()).get("bbox").get("stats");
        JsonNode document = MAPPER.readTree(out.resolve("results.json").toFile());
        List<String> summary = Files.readAllLines(out.resolve("summary.csv"));
        String[] values = summary.get(1).split(",");
        for (int i = 0; i < expected.size(); i++) {
            String name = summary.get(0).split(",")[i];
            assertEquals(expected.get(i).asDouble(), document.get(name).asDouble(), 1e-12, name);
            assertEquals(expected.get(i).asDouble(), Double.parseDouble(values[i]), 1e-12, name + " in summary.csv");
        }
        JsonNode run = document.get("run");
        assertEquals(64, run.get("groundTruth").get("sha256").asText().length());
        assertEquals(reference.resolve("dt.json").toAbsolutePath().toString(), run.get("detections").get("path").asText());
        int categories = document.get("perCategory").size();
        assertEquals(categories + 1, Files.readAllLines(out.resolve("per_category.csv")).size());
    }

    @Test
    void vocResultsFolderHasReferenceNumbers() throws Exception {
        Path reference = SharedData.reference("voc/voc_tiny");
        Path out = folder.resolve("voc");

        CliRunner.Result result = CliRunner.run("eval-voc", "--annotations", reference.resolve("Annotations").toString(), "--imageset",
                reference.resolve("ImageSets/Main/test.txt").toString(), "--detections", reference.resolve("detections").toString(),
                "--metric", "voc12", "--out", out.toString());

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        JsonNode expected = MAPPER.readTree(reference.resolve("expected.json").toFile());
        JsonNode document = MAPPER.readTree(out.resolve("results.json").toFile());
        assertEquals(expected.get("mAP_area").asDouble(), document.get("mAP").asDouble(), 1e-12);
        assertEquals(64, document.get("run").get("imageset").get("sha256").asText().length());
        List<String> perClass = Files.readAllLines(out.resolve("per_class.csv"));
        assertEquals("class,AP,detections,positives,recall,precision", perClass.get(0));
        for (String line : perClass.subList(1, perClass.size())) {
            String[] cells = line.split(",");
            JsonNode expectedClass = expected.get("classes").get(cells[0]);
            assertEquals(expectedClass.get("AP_area").asDouble(), Double.parseDouble(cells[1]), 1e-12, cells[0]);
            assertEquals(expectedClass.get("n_detections").asInt(), Integer.parseInt(cells[2]), cells[0]);
        }
        assertEquals(expected.get("classes").size() + 1, perClass.size());
    }
}
