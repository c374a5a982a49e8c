package org.backdrop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.backdrop.engine.launch.ClassifierDocument;
import org.backdrop.model.djl.DeviceChecks;
import org.backdrop.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

class EvalClsCommandTest {

    @TempDir
    Path folder;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @Test
    void cifarAccuracyAsJson() throws Exception {
        Path model = SharedData.fixture("models/cifar10/resnet_2b.onnx");
        Path images = SharedData.fixture("cifar10/test_images_jpg");

        int exit = run("eval-cls", "--model", model.toString(), "--spec", spec("resnet_2b"), "--in", images.toString(), "--device", "cpu", "--json");

        JsonNode document = new ObjectMapper().readTree(out.toString());
        JsonNode dataset = document.get("datasets").get(0);
        assertEquals(ExitCodes.SUCCESS, exit, err.toString());
        assertEquals("cpu", document.get("device").get("used").asText());
        assertEquals(300, dataset.get("samples").asInt());
        // The accuracy the fixture reference gives for these 300 images.
        assertEquals(0.6633, dataset.get("accuracy").asDouble(), 0.02);
        assertEquals(10, dataset.get("perClassAccuracy").size());
        assertEquals(30, dataset.get("perClassAccuracy").get(0).get("samples").asInt());
        assertEquals(10, dataset.get("confusionMatrix").size());
        assertTrue(document.get("bgGap").isNull());
    }

    @Test
    void identicalVariantsGiveNoDropAndNoGap() throws Exception {
        Path model = SharedData.fixture("models/cifar10/cifar_base_kw.onnx");
        Path images = SharedData.fixture("cifar10/test_images_jpg");
        Path original = copyClasses(images, folder.resolve("original"));
        Path same = copyClasses(images, folder.resolve("mixed-same"));
        Path rand = copyClasses(images, folder.resolve("mixed_rand"));

        int exit = run("eval-cls", "--model", model.toString(), "--spec", spec("cifar_base_kw"), "--in", original.toString(),
                "--in", same.toString(), "--in", rand.toString(), "--device", "cpu", "--json");

        JsonNode document = new ObjectMapper().readTree(out.toString());
        JsonNode comparison = document.get("comparisons").get(0);
        assertEquals(ExitCodes.SUCCESS, exit, err.toString());
        assertEquals(2, document.get("comparisons").size());
        assertEquals(60, comparison.get("pairedSamples").asInt());
        assertEquals(0.0, comparison.get("accuracyDrop").asDouble());
        assertEquals(0, comparison.get("flips").size());
        assertEquals("mixed-same", document.get("bgGap").get("mixedSame").asText());
        assertEquals(0.0, document.get("bgGap").get("gap").asDouble());
    }

    @Test
    void resultsFolderAndTable() throws Exception {
        Path model = SharedData.fixture("models/cifar10/cifar_base_kw.onnx");
        Path images = SharedData.fixture("cifar10/test_images_jpg");
        Path original = copyClasses(images, folder.resolve("original"));
        Path red = copyClasses(images, folder.resolve("red"));
        Path results = folder.resolve("results");

        int exit = run("eval-cls", "--model", model.toString(), "--spec", spec("cifar_base_kw"), "--in", original.toString(),
                "--in", red.toString(), "--device", "cpu", "--out", results.toString(), "--table");

        assertEquals(ExitCodes.SUCCESS, exit, err.toString());
        String[] lines = out.toString().split("\\R");
        assertEquals("| Model | Original | red |", lines[0]);
        assertTrue(lines[2].startsWith("| cifar_base_kw.onnx | "), lines[2]);
        JsonNode document = new ObjectMapper().readTree(results.resolve("results.json").toFile());
        assertEquals(64, document.get("run").get("modelSha256").asText().length());
        // Two inputs of 60 images each: a header line and one line per input.
        assertEquals(3, Files.readAllLines(results.resolve("accuracy.csv")).size());
        assertEquals("original,red,60,", Files.readAllLines(results.resolve("comparisons.csv")).get(1).substring(0, 16));
        assertTrue(Files.isRegularFile(results.resolve("per_class.csv")));
        assertTrue(Files.isRegularFile(results.resolve("confusion.csv")));
        assertEquals("model,metric,Original,red", Files.readAllLines(results.resolve("table.csv")).get(0));
        assertEquals(3, document.get("run").get("datasets").size() + 1);

        // The studio reads the same document back after a run on Spark.
        ClassifierDocument read = ClassifierDocument.read(document);
        assertEquals(List.of("original", "red"), read.datasets().stream().map(ClassifierDocument.DatasetResult::name).toList());
        for (ClassifierDocument.DatasetResult dataset : read.datasets()) {
            assertEquals(60, dataset.report().sampleCount());
            assertEquals(60, Arrays.stream(dataset.report().confusion().toArray()).flatMapToLong(Arrays::stream).sum());
        }
        assertEquals(60, read.comparisons().get(0).pairedSamples());
    }

    @Test
    void resultsFolderListsEachPrediction() throws Exception {
        // marabou_cifar10_small: the fixture's per-image predictions for the other two CIFAR-10 models were
        // computed with swapped normalisations (see CifarClassifierTest), these with the model's own.
        Path model = SharedData.fixture("models/cifar10/marabou_cifar10_small.onnx");
        Path images = SharedData.fixture("cifar10/test_images_jpg");
        Path original = copyClasses(images, folder.resolve("original"));
        Path red = copyClasses(images, folder.resolve("red"));
        Path results = folder.resolve("results");

        int exit = run("eval-cls", "--model", model.toString(), "--spec", spec("marabou_cifar10_small"), "--in", original.toString(),
                "--in", red.toString(), "--device", "cpu", "--out", results.toString(), "--json");

        assertEquals(ExitCodes.SUCCESS, exit, err.toString());
        assertPredictions(results.resolve("predictions.csv"), "marabou_cifar10_small.onnx", List.of("original", "red"));
        // Each dataset's correct column adds up to the correct count in results.json.
        JsonNode document = new ObjectMapper().readTree(results.resolve("results.json").toFile());
        List<String> lines = Files.readAllLines(results.resolve("predictions.csv"));
        for (JsonNode dataset : document.get("datasets")) {
            String prefix = "marabou_cifar10_small.onnx," + dataset.get("name").asText() + ",";
            long correct = lines.stream().filter(line -> line.startsWith(prefix) && line.endsWith(",1")).count();
            assertEquals(dataset.get("correct").asLong(), correct);
        }
    }

    /**
     * Checks predictions.csv of {@code model} on the cat and ship images in each of {@code datasets}
     * against the fixture's labels and the per-image predictions in MODELS.md's reference, which another
     * JPEG decoder computed: at least 97 % must agree, as MODELS.md allows.
     */
    private static void assertPredictions(Path file, String model, List<String> datasets) throws IOException {
        List<String> classNames = Files.readAllLines(SharedData.fixture("cifar10/class_names.txt"));
        Map<String, Integer> labels = new HashMap<>();
        for (String line : Files.readAllLines(SharedData.fixture("cifar10/test_images_jpg_labels.csv")).subList(1, 301)) {
            String[] fields = line.split(",");
            labels.put(fields[0], Integer.parseInt(fields[1]));
        }
        JsonNode reference = new ObjectMapper().readTree(SharedData.fixture("models/cifar10/expected_outputs.json").toFile())
                .get("cifar10_test_images_jpg_300").get(model).get("predictions");

        List<String> lines = Files.readAllLines(file);
        assertEquals("model,dataset,sample_id,true_class,true_name,predicted_class,predicted_name,correct", lines.get(0));
        assertEquals(1 + 60 * datasets.size(), lines.size());
        Map<String, Set<String>> idsByDataset = new LinkedHashMap<>();
        int agreeing = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",", -1);
            assertEquals(8, fields.length, line);
            assertEquals(model, fields[0], line);
            idsByDataset.computeIfAbsent(fields[1], name -> new HashSet<>()).add(fields[2]);
            // A folder dataset names a sample by its path without the extension.
            String key = "test_images_jpg/" + fields[2] + ".jpg";
            assertTrue(labels.containsKey(key), line);
            int label = labels.get(key);
            int predicted = Integer.parseInt(fields[5]);
            assertEquals(Integer.toString(label), fields[3], line);
            assertEquals(classNames.get(label), fields[4], line);
            assertEquals(classNames.get(predicted), fields[6], line);
            assertEquals(predicted == label ? "1" : "0", fields[7], line);
            agreeing += predicted == reference.get(key).asInt() ? 1 : 0;
        }
        assertEquals(datasets, List.copyOf(idsByDataset.keySet()));
        idsByDataset.values().forEach(ids -> assertEquals(60, ids.size()));
        assertTrue(agreeing >= 0.97 * 60 * datasets.size(), agreeing + " predictions agree with the reference");
    }

    @Test
    void torchScriptModelAccuracy() throws Exception {
        Path fixtures = Path.of("src/test/resources/models/torchscript");
        Path model = fixtures.resolve("tiny_classifier.pt");
        JsonNode logits = new ObjectMapper().readTree(fixtures.resolve("tiny_classifier_expected.json").toFile()).get("logits");
        String[] classes = {"circle", "square", "stripes", "noise"};
        Path images = folder.resolve("images");
        int expectedCorrect = 0;
        for (int i = 0; i < 6; i++) {
            String name = "image" + i + ".png";
            int label = i % classes.length;
            Path classFolder = Files.createDirectories(images.resolve(classes[label]));
            Files.copy(fixtures.resolve("images").resolve(name), classFolder.resolve(name));
            if (argMax(logits.get(name)) == label) {
                expectedCorrect++;
            }
        }

        int exit = run("eval-cls", "--model", model.toString(), "--in", images.toString(), "--format", "folder", "--device", "cpu", "--json");

        JsonNode document = new ObjectMapper().readTree(out.toString());
        JsonNode dataset = document.get("datasets").get(0);
        assertEquals(ExitCodes.SUCCESS, exit, err.toString());
        assertEquals("cpu", document.get("device").get("used").asText());
        assertEquals(6, dataset.get("samples").asInt());
        assertEquals(expectedCorrect / 6.0, dataset.get("accuracy").asDouble(), 1e-12);
    }

    @Test
    void cudaWithoutGpuExitsBeforeInference() throws Exception {
        assumeFalse(DeviceChecks.cudaUsable(), "a CUDA GPU is usable here");
        Path model = SharedData.fixture("models/cifar10/resnet_2b.onnx");
        Path images = SharedData.fixture("cifar10/test_images_jpg");

        int exit = run("eval-cls", "--model", model.toString(), "--spec", spec("resnet_2b"), "--in", images.toString(), "--device", "cuda");

        assertEquals(ExitCodes.INVALID_INPUT, exit);
        assertEquals("", out.toString());
        assertTrue(errorLog().startsWith("CUDA was requested but cannot be used"), errorLog());
    }

    @Test
    void missingSpecNamesPath() throws Exception {
        Path model = Files.writeString(folder.resolve("net.onnx"), "not a model");

        int exit = run("eval-cls", "--model", model.toString(), "--in", folder.toString());

        assertEquals(ExitCodes.INVALID_INPUT, exit);
        assertTrue(errorLog().startsWith(folder.resolve("net.spec.json") + ": model spec not found"), errorLog());
    }

    @Test
    void unknownDeviceIsUsageError() throws Exception {
        int exit = run("eval-cls", "--model", "net.onnx", "--in", folder.toString(), "--device", "gpu");

        assertEquals(ExitCodes.USAGE, exit);
        assertTrue(err.toString().contains("invalid device \"gpu\"; use auto, cpu or cuda"), err.toString());
    }

    private int run(String... args) {
        CommandLine commandLine = BackdropCli.commandLine(datasetOrProject -> {});
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        Logger cliLogger = (Logger) LoggerFactory.getLogger(BackdropCli.class);
        cliLogger.addAppender(log);
        log.start();
        try {
            return commandLine.execute(args);
        } finally {
            cliLogger.detachAppender(log);
        }
    }

    /** Returns the message BackdropCli logged at ERROR for an invalid input, or an empty string. */
    private String errorLog() {
        return log.list.stream().filter(event -> event.getLevel() == Level.ERROR).map(ILoggingEvent::getFormattedMessage).findFirst().orElse("");
    }

    private static int argMax(JsonNode values) {
        int best = 0;
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i).doubleValue() > values.get(best).doubleValue()) {
                best = i;
            }
        }
        return best;
    }

    private static String spec(String name) throws URISyntaxException {
        return Path.of(EvalClsCommandTest.class.getResource("/models/" + name + ".spec.json").toURI()).toString();
    }

    /** Copies the cat and ship folders of the CIFAR-10 JPEGs, 60 images, to {@code target}. */
    private static Path copyClasses(Path images, Path target) throws IOException {
        for (String name : new String[] {"cat", "ship"}) {
            Files.createDirectories(target.resolve(name));
            try (Stream<Path> files = Files.list(images.resolve(name))) {
                for (Path file : files.toList()) {
                    Files.copy(file, target.resolve(name).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return target;
    }
}
