package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalDetModelTest {

    @TempDir
    Path folder;

    /**
     * Builds a one-image COCO dataset of FastestDet's example photo whose ground truth is the four person
     * boxes that ONNX Runtime's reference run detected: every detection then matches at IoU 0.5.
     */
    @Test
    void detectorRunsOnDataset() throws Exception {
        Path models = SharedData.fixture("models/detection_coco");
        Path dataset = Files.createDirectories(folder.resolve("photo"));
        Files.copy(models.resolve("3.jpg"), dataset.resolve("3.jpg"));
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode coco = mapper.createObjectNode();
        coco.putArray("images").addObject().put("id", 3).put("file_name", "3.jpg").put("width", 500).put("height", 335);
        coco.putArray("categories").addObject().put("id", 1).put("name", "person");
        ArrayNode annotations = coco.putArray("annotations");
        int id = 1;
        for (JsonNode detection : mapper.readTree(models.resolve("expected_detections.json").toFile()).get("detections_xyxy_pixels")) {
            JsonNode box = detection.get("box");
            double width = box.get(2).asDouble() - box.get(0).asDouble();
            double height = box.get(3).asDouble() - box.get(1).asDouble();
            ObjectNode annotation = annotations.addObject().put("id", id++).put("image_id", 3).put("category_id", 1).put("iscrowd", 0)
                    .put("area", width * height);
            annotation.putArray("bbox").add(box.get(0).asDouble()).add(box.get(1).asDouble()).add(width).add(height);
        }
        mapper.writeValue(dataset.resolve("annotations.json").toFile(), coco);
        Path spec = Files.createDirectories(folder.resolve("spec"));
        Files.copy(Path.of("src/test/resources/models/FastestDet.spec.json"), spec.resolve("FastestDet.spec.json"));
        Files.copy(models.resolve("coco.names"), spec.resolve("coco.names"));

        CliRunner.Result result = CliRunner.run("eval-det", "--model", models.resolve("FastestDet.onnx").toString(),
                "--spec", spec.resolve("FastestDet.spec.json").toString(), "--in", dataset.toString(), "--device", "cpu", "--json");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        JsonNode variant = result.json().get("variants").get(0);
        assertEquals(1.0, variant.get("AP50").asDouble());
        assertEquals("photo", variant.get("name").asText());
    }

    @Test
    void modelWithoutDatasetIsUsageError() {
        CliRunner.Result result = CliRunner.run("eval-det", "--model", "net.onnx");

        assertEquals(ExitCodes.USAGE, result.exitCode());
    }

    @Test
    void neitherFilesNorModelIsUsageError() {
        assertEquals(ExitCodes.USAGE, CliRunner.run("eval-det").exitCode());
    }
}
