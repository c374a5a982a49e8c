package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval-det --model} on VOC datasets: FastestDet's example photo with its four people as ground
 * truth (the original), the same photo with only the two people of the lowest scores annotated, and an
 * all-black variant.
 *
 * <p>Expected numbers, by hand. On the original the four detections match their four objects, so
 * precision is 1 at every recall: AP 1 with either VOC metric and AP50 1. With only the two
 * lowest-scored people annotated, the ranked detections are FP, FP, TP, TP: recall 0.5 at precision
 * 1/3, then recall 1 at precision 1/2. The interpolated precision is then 1/2 at every recall level,
 * so AP is 0.5 for VOC07, VOC12 and COCO's AP50. A black image gives no detection: AP 0.
 */
class EvalDetVocModelTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path folder;

    private Path models;
    private Path original;
    private Path twoPeople;
    private Path black;
    private Path spec;

    @BeforeEach
    void writeDatasets() throws Exception {
        models = SharedData.fixture("models/detection_coco");
        List<double[]> people = new java.util.ArrayList<>();
        for (JsonNode detection : MAPPER.readTree(models.resolve("expected_detections.json").toFile()).get("detections_xyxy_pixels")) {
            JsonNode box = detection.get("box");
            people.add(new double[] {Math.round(box.get(0).asDouble()), Math.round(box.get(1).asDouble()), Math.round(box.get(2).asDouble()),
                Math.round(box.get(3).asDouble())});
        }
        original = vocDataset("original", people);
        twoPeople = vocDataset("two-people", people.subList(2, 4));
        black = vocDataset("black", people);
        BufferedImage blackImage = new BufferedImage(500, 335, BufferedImage.TYPE_INT_RGB);
        Path blackJpeg;
        try (var files = Files.walk(black)) {
            blackJpeg = files.filter(file -> file.toString().endsWith(".jpg")).findFirst().orElseThrow();
        }
        ImageIO.write(blackImage, "jpg", blackJpeg.toFile());

        spec = Files.createDirectories(folder.resolve("spec")).resolve("FastestDet.spec.json");
        Files.copy(Path.of("src/test/resources/models/FastestDet.spec.json"), spec);
        Files.copy(models.resolve("coco.names"), spec.resolveSibling("coco.names"));
    }

    /** Writes a one-image COCO dataset of the photo with {@code people} as ground truth and converts it to VOC. */
    private Path vocDataset(String name, List<double[]> people) throws Exception {
        Path coco = Files.createDirectories(folder.resolve("coco-" + name));
        Files.copy(models.resolve("3.jpg"), coco.resolve("3.jpg"));
        ObjectNode document = MAPPER.createObjectNode();
        document.putArray("images").addObject().put("id", 3).put("file_name", "3.jpg").put("width", 500).put("height", 335);
        document.putArray("categories").addObject().put("id", 1).put("name", "person");
        ArrayNode annotations = document.putArray("annotations");
        int id = 1;
        for (double[] box : people) {
            ObjectNode annotation = annotations.addObject().put("id", id++).put("image_id", 3).put("category_id", 1).put("iscrowd", 0)
                    .put("area", (box[2] - box[0]) * (box[3] - box[1]));
            annotation.putArray("bbox").add(box[0]).add(box[1]).add(box[2] - box[0]).add(box[3] - box[1]);
        }
        MAPPER.writeValue(coco.resolve("annotations.json").toFile(), document);
        Path voc = folder.resolve(name);
        CliRunner.Result converted = CliRunner.run("convert", "--in", coco.toString(), "--to", "voc", "--out", voc.toString());
        assertEquals(ExitCodes.SUCCESS, converted.exitCode(), converted.err());
        return voc;
    }

    private CliRunner.Result evaluate(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("eval-det", "--model", models.resolve("FastestDet.onnx").toString(), "--spec",
                spec.toString(), "--in", original.toString(), "--in", twoPeople.toString(), "--in", black.toString(), "--device", "cpu"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void vocMapPerVariant() throws Exception {
        CliRunner.Result result = evaluate("--json");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        JsonNode variants = result.json().get("variants");
        assertEquals("voc", variants.get(0).get("format").asText());
        double[] expected = {1.0, 0.5, 0.0};
        for (int i = 0; i < expected.length; i++) {
            JsonNode voc = variants.get(i).get("voc");
            assertEquals(expected[i], voc.get("voc07").get("mAP").asDouble(), 1e-12, "voc07 of input " + i);
            assertEquals(expected[i], voc.get("voc12").get("mAP").asDouble(), 1e-12, "voc12 of input " + i);
            assertEquals(expected[i], voc.get("voc07").get("classes").get("person").get("AP").asDouble(), 1e-12, "person AP of input " + i);
            assertEquals(expected[i], variants.get(i).get("AP50").asDouble(), 1e-12, "AP50 of input " + i);
        }
        assertEquals(4, variants.get(0).get("voc").get("voc12").get("classes").get("person").get("detections").asInt());
        assertEquals(0, variants.get(2).get("detections").asInt());
    }

    @Test
    void resultsFolderAndPaperTable() throws Exception {
        Path results = folder.resolve("results");

        CliRunner.Result result = evaluate("--voc-metric", "voc07", "--out", results.toString(), "--table");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        String[] lines = result.out().split("\\R");
        assertEquals("| Model | Original | two-people | black |", lines[0]);
        assertEquals("| FastestDet.onnx | 100.00 | 50.00 | 0.00 |", lines[2]);

        JsonNode document = MAPPER.readTree(results.resolve("results.json").toFile());
        JsonNode run = document.get("run");
        assertEquals(64, run.get("modelSha256").asText().length());
        assertEquals(3, run.get("datasets").size());
        assertEquals("cpu", run.get("device").get("used").asText());
        assertTrue(run.get("spec").asText().endsWith("FastestDet.spec.json"), run.get("spec").asText());
        assertEquals(64, run.get("specSha256").asText().length());
        assertFalse(document.get("variants").get(0).get("voc").has("voc12"));

        List<String> table = Files.readAllLines(results.resolve("table.csv"));
        assertEquals("model,metric,Original,two-people,black", table.get(0));
        assertTrue(table.get(1).startsWith("FastestDet.onnx,voc07,1.0"), table.get(1));
        List<String> summary = Files.readAllLines(results.resolve("summary.csv"));
        assertEquals(4, summary.size());
        assertTrue(summary.get(3).startsWith("black,1,0,0.0,"), summary.get(3));
        List<String> vocPerClass = Files.readAllLines(results.resolve("voc_per_class.csv"));
        assertEquals("dataset,metric,class,AP,detections,positives,recall,precision", vocPerClass.get(0));
        assertEquals("two-people,voc07,person,0.5000000000000001,4,2,1.0,0.5", vocPerClass.get(2));
        assertEquals(4, Files.readAllLines(results.resolve("per_category.csv")).size());
    }

    @Test
    void cocoTableMetric() {
        CliRunner.Result result = evaluate("--table", "--table-metric", "AP50");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        assertEquals("| FastestDet.onnx | 100.00 | 50.00 | 0.00 |", result.out().split("\\R")[2]);
    }

    @Test
    void unknownTableMetricIsUsageError() {
        assertEquals(ExitCodes.USAGE, evaluate("--table", "--table-metric", "mAP").exitCode());
    }
}
