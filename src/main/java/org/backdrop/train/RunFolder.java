package org.backdrop.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.backdrop.dataset.AtomicFiles;

/**
 * The files of a run folder:
 *
 * <ul>
 *   <li>{@code metrics.jsonl}: one JSON object per finished epoch;
 *   <li>{@code checkpoints/epoch-NNNN/}: {@code model.params} (DJL parameters, batch-norm running
 *       statistics included), or {@code model.pt} when a TorchScript network is fine-tuned,
 *       {@code optimizer.ndlist} (momentum buffers) and {@code state.json};
 *   <li>{@code checkpoints/latest}: the number of the newest complete checkpoint, written last, so a
 *       crash while saving leaves the previous checkpoint in force;
 *   <li>{@code model-NNNN.params} and {@code model.json}: the final model as DJL parameters and the
 *       description DJL code needs to rebuild it (not for a fine-tuned TorchScript network);
 *   <li>{@code model.pt} and {@code model.spec.json}: the final model as TorchScript and its model spec,
 *       which {@code eval-cls} and PyTorch load.
 * </ul>
 */
final class RunFolder {

    static final String METRICS = "metrics.jsonl";
    static final String PARAMS = "model.params";
    static final String OPTIMIZER = "optimizer.ndlist";
    static final String STATE = "state.json";
    static final String TORCHSCRIPT = "model.pt";
    static final String TORCHSCRIPT_SPEC = "model.spec.json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path root;

    RunFolder(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Returns the folder for the checkpoint of {@code epoch}, created empty. */
    Path newCheckpoint(int epoch) throws IOException {
        Path folder = checkpoints().resolve(String.format("epoch-%04d", epoch));
        Files.createDirectories(folder);
        return folder;
    }

    /** Marks the checkpoint of {@code epoch} as the newest and deletes older checkpoint folders. */
    void commitCheckpoint(int epoch) throws IOException {
        AtomicFiles.write(checkpoints().resolve("latest"), Integer.toString(epoch).getBytes(StandardCharsets.UTF_8));
        String keep = String.format("epoch-%04d", epoch);
        try (Stream<Path> folders = Files.list(checkpoints())) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                if (!folder.getFileName().toString().equals(keep)) {
                    deleteTree(folder);
                }
            }
        }
    }

    /** Returns the newest complete checkpoint's folder, or empty when the run has none. */
    Optional<Path> latestCheckpoint() throws IOException {
        Path latest = checkpoints().resolve("latest");
        if (!Files.isRegularFile(latest)) {
            return Optional.empty();
        }
        String epoch = Files.readString(latest, StandardCharsets.UTF_8).trim();
        Path folder = checkpoints().resolve(String.format("epoch-%04d", Integer.parseInt(epoch)));
        if (!Files.isDirectory(folder)) {
            throw new IOException(latest + " names epoch " + epoch + ", but " + folder + " is missing");
        }
        return Optional.of(folder);
    }

    /** Writes the checkpoint's state: the run's position and what the network needs to be rebuilt. */
    static void writeState(Path checkpoint, CheckpointState state) throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("epoch", state.epoch());
        node.put("step", state.step());
        node.put("architecture", state.architecture().cliName());
        node.put("seed", state.seed());
        ArrayNode classes = node.putArray("classNames");
        state.classNames().forEach(classes::add);
        putNormalization(node, state.normalization());
        ObjectNode settings = node.putObject("options");
        state.settings().values().forEach(settings::put);
        node.set("metrics", metricsNode(state.metrics()));
        AtomicFiles.write(checkpoint.resolve(STATE), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
    }

    /** Reads what {@link #writeState} wrote. */
    static CheckpointState readState(Path checkpoint) throws IOException {
        JsonNode node = MAPPER.readTree(checkpoint.resolve(STATE).toFile());
        List<String> classNames = new ArrayList<>();
        node.get("classNames").forEach(name -> classNames.add(name.asText()));
        Map<String, String> settings = new LinkedHashMap<>();
        if (node.has("options")) {
            node.get("options").fields().forEachRemaining(entry -> settings.put(entry.getKey(), entry.getValue().asText()));
        }
        return new CheckpointState(node.get("epoch").asInt(), node.get("step").asLong(),
                Architecture.fromCliName(node.get("architecture").asText()), node.get("seed").asLong(), classNames,
                readNormalization(node), new RunSettings(settings), readMetrics(node.get("metrics")));
    }

    /** Appends one line for the epoch to {@code metrics.jsonl}. */
    void appendMetrics(EpochMetrics metrics) throws IOException {
        String line = MAPPER.writeValueAsString(metricsNode(metrics)) + "\n";
        Files.writeString(root.resolve(METRICS), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** Drops the lines of epochs after {@code epoch}, which a resumed run trains again. */
    void truncateMetrics(int epoch) throws IOException {
        Path file = root.resolve(METRICS);
        if (!Files.exists(file)) {
            return;
        }
        StringBuilder kept = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank() && MAPPER.readTree(line).get("epoch").asInt() <= epoch) {
                kept.append(line).append('\n');
            }
        }
        AtomicFiles.write(file, kept.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Deletes the {@code model-NNNN.params} files of an earlier end of this run, so that after a resume
     * with more epochs only the file that {@code model.json} names is left.
     */
    void deleteFinalModels() throws IOException {
        try (Stream<Path> files = Files.list(root)) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches("model-\\d{4}\\.params")).toList()) {
                Files.delete(file);
            }
        }
    }

    /** Writes {@code model.json}, the spec a reader needs to use {@code paramsFile}. */
    Path writeModelSpec(String paramsFile, Architecture architecture, List<String> classNames, Normalization normalization,
            int epochs, long seed, String engineVersion) throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("format", "djl-params");
        node.put("paramsFile", paramsFile);
        node.put("architecture", architecture.cliName());
        node.put("engine", "PyTorch");
        node.put("engineVersion", engineVersion);
        ArrayNode shape = node.putArray("inputShape");
        shape.add(3).add(TrainingOptions.INPUT_SIZE).add(TrainingOptions.INPUT_SIZE);
        node.put("inputLayout", "NCHW");
        node.put("channelOrder", "RGB");
        node.put("pixelScale", "pixel / 255, then (value - mean) / std per channel");
        putNormalization(node, normalization);
        ArrayNode classes = node.putArray("classNames");
        classNames.forEach(classes::add);
        node.put("output", "logits, one per class in classNames order");
        node.put("epochs", epochs);
        node.put("seed", seed);
        Path file = root.resolve("model.json");
        AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        return file;
    }

    /**
     * Writes {@code model.spec.json}, the model spec of {@code model.pt}: 32×32 RGB input scaled by 1/255
     * and normalised with {@code normalization}, logits out, one per class of {@code classNames}.
     */
    Path writeTorchScriptSpec(Architecture architecture, List<String> classNames, Normalization normalization, int epochs, long seed)
            throws IOException {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("description", architecture.cliName() + " trained by backdrop train for " + epochs + (epochs == 1 ? " epoch" : " epochs") + " with seed " + seed);
        node.put("task", "classification");
        ObjectNode input = node.putObject("input");
        input.put("name", "input");
        input.putArray("shape").add(-1).add(3).add(TrainingOptions.INPUT_SIZE).add(TrainingOptions.INPUT_SIZE);
        input.put("layout", "NCHW");
        ObjectNode preprocessing = node.putObject("preprocessing");
        preprocessing.put("colorOrder", "RGB");
        preprocessing.put("scale", "1/255");
        putNormalization(preprocessing, normalization);
        ObjectNode resize = preprocessing.putObject("resize");
        resize.put("rule", "stretch");
        // NOTE: training shrinks larger images with area interpolation, which this names, but enlarges
        // smaller ones bilinearly, and a spec names only one interpolation.
        resize.put("interpolation", "area");
        node.putObject("output").put("kind", "logits");
        ArrayNode classes = node.putArray("classes");
        classNames.forEach(classes::add);
        Path file = root.resolve(TORCHSCRIPT_SPEC);
        AtomicFiles.write(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        return file;
    }

    private Path checkpoints() {
        return root.resolve("checkpoints");
    }

    private static ObjectNode metricsNode(EpochMetrics metrics) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("epoch", metrics.epoch());
        node.put("epochs", metrics.epochs());
        node.put("trainLoss", metrics.trainLoss());
        node.put("trainAccuracy", metrics.trainAccuracy());
        ObjectNode test = node.putObject("test");
        metrics.testAccuracy().forEach(test::put);
        node.put("learningRate", metrics.learningRate());
        node.put("imagesPerSecond", metrics.imagesPerSecond());
        node.put("seconds", metrics.seconds());
        return node;
    }

    static EpochMetrics readMetrics(JsonNode node) {
        Map<String, Double> test = new LinkedHashMap<>();
        node.get("test").fields().forEachRemaining(entry -> test.put(entry.getKey(), entry.getValue().asDouble()));
        return new EpochMetrics(node.get("epoch").asInt(), node.get("epochs").asInt(), node.get("trainLoss").asDouble(),
                node.get("trainAccuracy").asDouble(), test, node.get("learningRate").asDouble(),
                node.get("imagesPerSecond").asDouble(), node.get("seconds").asDouble());
    }

    private static void putNormalization(ObjectNode node, Normalization normalization) {
        ArrayNode mean = node.putArray("mean");
        ArrayNode std = node.putArray("std");
        for (int c = 0; c < 3; c++) {
            mean.add(normalization.mean()[c]);
            std.add(normalization.std()[c]);
        }
    }

    private static Normalization readNormalization(JsonNode node) {
        float[] mean = new float[3];
        float[] std = new float[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = node.get("mean").get(c).floatValue();
            std[c] = node.get("std").get(c).floatValue();
        }
        return new Normalization(mean, std);
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * The position of a run after a finished epoch.
     *
     * @param epoch the epoch just finished, counted from 1
     * @param step optimizer steps taken so far over the whole run
     * @param architecture the network
     * @param seed the run's seed
     * @param classNames the classes in output order
     * @param normalization the input normalisation
     * @param settings the options the run started with; empty for checkpoints written before they were stored
     * @param metrics the epoch's metrics
     */
    record CheckpointState(int epoch, long step, Architecture architecture, long seed, List<String> classNames,
            Normalization normalization, RunSettings settings, EpochMetrics metrics) {}
}
