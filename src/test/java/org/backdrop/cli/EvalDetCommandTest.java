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
import java.util.List;
import org.backdrop.mask.Polygons;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EvalDetCommandTest {

    private static final String GROUND_TRUTH = """
            {"images": [{"id": 1, "width": 200, "height": 200}],
             "categories": [{"id": 3, "name": "dog"}],
             "annotations": [{"id": 1, "image_id": 1, "category_id": 3, "bbox": [10, 10, 50, 50], "area": 2500, "iscrowd": 0}]}
            """;

    @TempDir
    Path folder;

    private Path groundTruth;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void writeGroundTruth() throws IOException {
        groundTruth = Files.writeString(folder.resolve("gt.json"), GROUND_TRUTH);
    }

    private int run(String... args) {
        CommandLine commandLine = BackdropCli.commandLine(null);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(new StringWriter()));
        return commandLine.execute(args);
    }

    private Path detections(String json) throws IOException {
        return Files.writeString(folder.resolve("dt.json"), json);
    }

    @Test
    void jsonHasContractFields() throws IOException {
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"bbox\": [10, 10, 50, 50], \"score\": 0.9}]");

        int exitCode = run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--json");

        assertEquals(ExitCodes.SUCCESS, exitCode);
        JsonNode document = new ObjectMapper().readTree(out.toString());
        for (String name : List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl")) {
            assertTrue(document.get(name).isNumber(), name);
        }
        JsonNode category = document.get("perCategory").get(0);
        assertEquals(3, category.get("id").asInt());
        assertEquals("dog", category.get("name").asText());
        assertTrue(category.get("AP").isNumber());
        assertTrue(category.get("AP50").isNumber());
        assertTrue(category.get("AR100").isNumber());
    }

    @Test
    void jsonHoldsPerfectMatchNumbers() throws IOException {
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"bbox\": [10, 10, 50, 50], \"score\": 0.9}]");

        run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--json");

        JsonNode document = new ObjectMapper().readTree(out.toString());
        // One object found exactly: precision 1 / (1 + 2^-52) at every threshold; area 2500 is medium.
        assertEquals(0.9999999999999998, document.get("AP").asDouble());
        assertEquals(-1.0, document.get("APs").asDouble());
        assertEquals(1.0, document.get("AR100").asDouble());
    }

    @Test
    void plainOutputPrintsTwelveLines() throws IOException {
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"bbox\": [10, 10, 50, 50], \"score\": 0.9}]");

        int exitCode = run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString());

        assertEquals(ExitCodes.SUCCESS, exitCode);
        List<String> lines = out.toString().lines().toList();
        assertEquals(12, lines.size());
        assertEquals(" Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 1.000", lines.get(0));
    }

    @Test
    void emptyResultsEvaluateToZero() throws IOException {
        Path dt = detections("[]");

        int exitCode = run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--json");

        assertEquals(ExitCodes.SUCCESS, exitCode);
        assertEquals(0.0, new ObjectMapper().readTree(out.toString()).get("AP").asDouble());
    }

    @Test
    void invalidJsonExitsTwo() throws IOException {
        Path dt = detections("[{\"image_id\": 1,");

        assertEquals(ExitCodes.INVALID_INPUT, run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--json"));
    }

    @Test
    void missingScoreExitsTwo() throws IOException {
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"bbox\": [10, 10, 50, 50]}]");

        assertEquals(ExitCodes.INVALID_INPUT, run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--json"));
    }

    @Test
    void nanScoreExitsTwo() throws IOException {
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"bbox\": [10, 10, 50, 50], \"score\": NaN}]");

        assertEquals(ExitCodes.INVALID_INPUT, run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--json"));
    }

    @Test
    void negativeBoxSizeExitsTwo() throws IOException {
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"bbox\": [10, 10, -5, 50], \"score\": 0.5}]");

        assertEquals(ExitCodes.INVALID_INPUT, run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--json"));
    }

    @Test
    void unknownImageExitsTwo() throws IOException {
        Path dt = detections("[{\"image_id\": 99, \"category_id\": 3, \"bbox\": [10, 10, 5, 5], \"score\": 0.5}]");

        assertEquals(ExitCodes.INVALID_INPUT, run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--json"));
    }

    @Test
    void missingGroundTruthFileExitsTwo() throws IOException {
        Path dt = detections("[]");

        assertEquals(ExitCodes.INVALID_INPUT, run("eval-det", "--gt", folder.resolve("absent.json").toString(), "--dt", dt.toString()));
    }

    @Test
    void missingOptionExitsOne() {
        assertEquals(ExitCodes.USAGE, run("eval-det", "--gt", groundTruth.toString()));
    }

    @Test
    void thresholdAboveOneExitsOne() throws IOException {
        Path dt = detections("[]");

        assertEquals(ExitCodes.USAGE, run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--iou-thresholds", "0.5,1.5"));
    }

    @Test
    void unknownIouTypeExitsOne() throws IOException {
        Path dt = detections("[]");

        assertEquals(ExitCodes.USAGE, run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--iou-type", "keypoints"));
    }

    @Test
    void maxDetsWithoutHundredReportsAp() throws IOException {
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"bbox\": [10, 10, 50, 50], \"score\": 0.9}]");

        run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--max-dets", "1,10,50", "--json");

        assertEquals(0.9999999999999998, new ObjectMapper().readTree(out.toString()).get("AP").asDouble());
    }

    @Test
    void compatSwitchReproducesMinusOne() throws IOException {
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"bbox\": [10, 10, 50, 50], \"score\": 0.9}]");

        run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--max-dets", "1,10,50", "--pycocotools-compat", "--json");

        assertEquals(-1.0, new ObjectMapper().readTree(out.toString()).get("AP").asDouble());
    }

    @Test
    void maskEvaluationMatchesPolygon() throws IOException {
        Files.writeString(groundTruth, """
                {"images": [{"id": 1, "width": 100, "height": 80}],
                 "categories": [{"id": 3, "name": "dog"}],
                 "annotations": [{"id": 1, "image_id": 1, "category_id": 3, "bbox": [10, 10, 50, 50], "area": 2500, "iscrowd": 0,
                                  "segmentation": [[10, 10, 60, 10, 60, 60, 10, 60]]}]}
                """);
        String counts = Polygons.rasterize(new double[] {10, 10, 60, 10, 60, 60, 10, 60}, 80, 100).toCompressedString();
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"score\": 0.9, \"segmentation\": {\"size\": [80, 100], \"counts\": \""
                + counts.replace("\\", "\\\\") + "\"}}]");

        int exitCode = run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--iou-type", "segm", "--json");

        assertEquals(ExitCodes.SUCCESS, exitCode);
        // The same pixels: IoU 1 at every threshold, and one true positive gives precision 1 / (1 + 2^-52).
        assertEquals(0.9999999999999998, new ObjectMapper().readTree(out.toString()).get("AP").asDouble());
    }

    @Test
    void maskOfOtherSizeExitsTwo() throws IOException {
        Files.writeString(groundTruth, GROUND_TRUTH.replace("\"area\": 2500,", "\"area\": 2500, \"segmentation\": [[10, 10, 60, 10, 60, 60, 10, 60]],"));
        String counts = Polygons.rasterize(new double[] {10, 10, 60, 10, 60, 60, 10, 60}, 100, 100).toCompressedString();
        Path dt = detections("[{\"image_id\": 1, \"category_id\": 3, \"score\": 0.9, \"segmentation\": {\"size\": [100, 100], \"counts\": \""
                + counts.replace("\\", "\\\\") + "\"}}]");

        assertEquals(ExitCodes.INVALID_INPUT, run("eval-det", "--gt", groundTruth.toString(), "--dt", dt.toString(), "--iou-type", "segm"));
    }
}
