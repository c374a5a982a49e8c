package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train-det} with a fake trainer (src/test/resources/handoff/fake_trainer.py, run by python3) that
 * prints one loss line per epoch and copies a reference case's detections to the results path. The
 * evaluated numbers must then equal the reference case's expected pycocotools or voc_eval numbers.
 */
class TrainDetCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TRAINER = Path.of("src/test/resources/handoff/fake_trainer.py").toAbsolutePath().toString();
    private static final String LOSS_PATTERN = "Epoch (?<epoch>\\d+)/\\d+: loss=(?<loss>[0-9.]+)";

    @TempDir
    Path folder;

    /** Copies a COCO reference case's ground truth into a dataset folder with a small JPEG for each image. */
    private Path cocoDataset(Path reference) throws Exception {
        Path dataset = Files.createDirectories(folder.resolve("coco-val"));
        JsonNode groundTruth = MAPPER.readTree(reference.resolve("gt.json").toFile());
        MAPPER.writeValue(dataset.resolve("annotations.json").toFile(), groundTruth);
        Path jpeg = folder.resolve("pixel.jpg");
        ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB), "jpg", jpeg.toFile());
        for (JsonNode image : groundTruth.get("images")) {
            Files.copy(jpeg, dataset.resolve(image.get("file_name").asText()));
        }
        return dataset;
    }

    private CliRunner.Result trainDet(Path train, Path val, Path out, String detections, String... extra) {
        List<String> args = new ArrayList<>(List.of("train-det", "--train", train.toString(), "--val", val.toString(), "--out", out.toString(),
                "--command", "python3 " + TRAINER + " --train-annotations {train_annotations} --val-annotations {val_annotations}"
                        + " --results {results} --detections " + detections,
                "--metric-pattern", LOSS_PATTERN, "--json"));
        args.addAll(List.of(extra));
        return CliRunner.run(args.toArray(String[]::new));
    }

    @Test
    void cocoRunParsesMetricsAndEvaluates() throws Exception {
        Path reference = SharedData.reference("coco/medium_200img");
        Path dataset = cocoDataset(reference);
        Path out = folder.resolve("run");

        CliRunner.Result result = trainDet(dataset, dataset, out, reference.resolve("dt.json").toString(), "--env", "FAKE_TRAINER_NOTE=from Backdrop");

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        JsonNode document = result.json();
        assertEquals("succeeded", document.get("status").asText());
        JsonNode expected = MAPPER.readTree(reference.resolve("expected.json").toFile()).get("bbox").get("stats");
        JsonNode evaluation = document.get("evaluation");
        List<String> names = List.of("AP", "AP50", "AP75", "APs", "APm", "APl", "AR1", "AR10", "AR100", "ARs", "ARm", "ARl");
        for (int i = 0; i < names.size(); i++) {
            assertEquals(expected.get(i).asDouble(), evaluation.get(names.get(i)).asDouble(), 1e-12, names.get(i));
        }
        assertEquals(document, MAPPER.readTree(out.resolve("results.json").toFile()));

        List<String> metrics = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(3, metrics.size());
        for (int epoch = 1; epoch <= 3; epoch++) {
            JsonNode line = MAPPER.readTree(metrics.get(epoch - 1));
            assertEquals(epoch, line.get("epoch").asInt());
            assertEquals(1.0 / (1 << epoch), line.get("loss").asDouble(), 1e-12);
        }
        assertEquals(0.125, document.get("lastMetrics").get("loss").asDouble());
        String log = Files.readString(out.resolve("train.log"));
        assertTrue(log.contains("Epoch 2/3: lr=0.0200"), "standard error is in the log");
        assertTrue(log.contains("note: from Backdrop"), "the --env variable reaches the command");
        assertTrue(log.contains("working folder: " + out.resolve("trainer").toAbsolutePath()), log);
        assertTrue(Files.isRegularFile(out.resolve("data/train/annotations.json")));
    }

    @Test
    void vocRunGivesVocMap() throws Exception {
        Path reference = SharedData.reference("voc/voc_tiny");
        Path dataset = folder.resolve("voc-val");
        Files.createDirectories(dataset.resolve("JPEGImages"));
        try (Stream<Path> files = Files.list(reference.resolve("Annotations"))) {
            for (Path file : files.toList()) {
                Files.copy(file, Files.createDirectories(dataset.resolve("Annotations")).resolve(file.getFileName()));
                String stem = file.getFileName().toString().replace(".xml", "");
                ImageIO.write(new BufferedImage(500, 375, BufferedImage.TYPE_INT_RGB), "jpg", dataset.resolve("JPEGImages/" + stem + ".jpg").toFile());
            }
        }
        Path out = folder.resolve("run");

        CliRunner.Result result = trainDet(dataset, dataset, out, reference.resolve("detections").toString());

        assertEquals(ExitCodes.SUCCESS, result.exitCode(), result.err());
        JsonNode expected = MAPPER.readTree(reference.resolve("expected.json").toFile());
        JsonNode evaluation = result.json().get("evaluation");
        assertEquals("voc", result.json().get("run").get("format").asText());
        assertEquals(expected.get("mAP_voc07_11point").asDouble(), evaluation.get("voc07").get("mAP").asDouble(), 1e-12);
        assertEquals(expected.get("mAP_area").asDouble(), evaluation.get("voc12").get("mAP").asDouble(), 1e-12);
        assertEquals(expected.get("classes").get("dog").get("AP_area").asDouble(),
                evaluation.get("voc12").get("classes").get("dog").get("AP").asDouble(), 1e-12);
    }

    @Test
    void failingCommandExitsTwo() throws Exception {
        Path reference = SharedData.reference("coco/tiny_crowd_region");
        Path dataset = cocoDataset(reference);

        CliRunner.Result failed = CliRunner.run("train-det", "--train", dataset.toString(), "--val", dataset.toString(), "--out",
                folder.resolve("failed").toString(), "--command", "python3 " + TRAINER + " --train-annotations {train_annotations}"
                        + " --val-annotations {val_annotations} --results {results} --detections x --exit-status 5", "--json");

        assertEquals(ExitCodes.INVALID_INPUT, failed.exitCode(), failed.err());
        JsonNode document = failed.json();
        assertEquals("failed", document.get("status").asText());
        assertEquals(5, document.get("commandExitStatus").asInt());
        assertEquals(ExitCodes.INVALID_INPUT, document.get("exitCode").asInt());
        assertTrue(document.get("error").asText().contains("exited with status 5"), document.get("error").asText());
        assertFalse(document.has("evaluation"));
        assertEquals("failed", MAPPER.readTree(folder.resolve("failed/results.json").toFile()).get("status").asText());
    }

    @Test
    void missingResultsFileIsReported() throws Exception {
        Path dataset = cocoDataset(SharedData.reference("coco/tiny_crowd_region"));

        ObjectNode runFile = MAPPER.createObjectNode().put("command", "python3 -c pass").put("results", "never.json");
        Path file = folder.resolve("run.json");
        MAPPER.writeValue(file.toFile(), runFile);
        CliRunner.Result noResults = CliRunner.run("train-det", "--train", dataset.toString(), "--val", dataset.toString(), "--out",
                folder.resolve("empty").toString(), "--run-file", file.toString(), "--json");

        assertEquals(ExitCodes.INVALID_INPUT, noResults.exitCode());
        assertEquals("invalid_results", noResults.json().get("status").asText());
        assertTrue(noResults.json().get("error").asText().contains("wrote no results"), noResults.json().get("error").asText());
        assertTrue(noResults.json().get("run").get("metricPattern").isNull());
    }

    @Test
    void unknownPlaceholderIsInvalidInput() throws Exception {
        Path dataset = cocoDataset(SharedData.reference("coco/tiny_crowd_region"));

        CliRunner.Result result = CliRunner.run("train-det", "--train", dataset.toString(), "--val", dataset.toString(), "--out",
                folder.resolve("run").toString(), "--command", "python3 train.py {dataset}", "--json");

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode());
        assertTrue(result.json().get("error").asText().contains("unknown placeholder {dataset}"), result.out());
    }

    @Test
    void missingProgramIsInvalidInput() throws Exception {
        Path dataset = cocoDataset(SharedData.reference("coco/tiny_crowd_region"));

        CliRunner.Result result = CliRunner.run("train-det", "--train", dataset.toString(), "--val", dataset.toString(), "--out",
                folder.resolve("run").toString(), "--command", "backdrop-no-such-trainer {train}", "--json");

        assertEquals(ExitCodes.INVALID_INPUT, result.exitCode());
        assertTrue(result.json().get("error").asText().startsWith("cannot start backdrop-no-such-trainer"), result.out());
    }
}
