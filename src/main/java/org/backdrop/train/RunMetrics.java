package org.backdrop.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the per-epoch metrics that {@link ClassifierTrainer} appends to a run folder's {@code metrics.jsonl}. */
public final class RunMetrics {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> FIELDS =
            List.of("epoch", "epochs", "trainLoss", "trainAccuracy", "test", "learningRate", "imagesPerSecond", "seconds");

    private RunMetrics() {}

    /**
     * Reads the metrics of every finished epoch of the run in {@code runFolder}, in file order. Blank
     * lines are ignored.
     *
     * @throws IOException if {@code metrics.jsonl} is missing or cannot be read, or a line is not a
     *     metrics object; the message names the file and the line number
     */
    public static List<EpochMetrics> read(Path runFolder) throws IOException {
        Path file = runFolder.resolve(RunFolder.METRICS);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": not found; choose a run folder written by backdrop train");
        }
        List<EpochMetrics> epochs = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                epochs.add(parse(file, i + 1, lines.get(i)));
            }
        }
        return epochs;
    }

    private static EpochMetrics parse(Path file, int lineNumber, String line) throws IOException {
        JsonNode node;
        try {
            node = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " line " + lineNumber + ": invalid JSON (" + e.getOriginalMessage()
                    + "); the file may be damaged", e);
        }
        for (String field : FIELDS) {
            if (node == null || !node.has(field)) {
                throw new IOException(file + " line " + lineNumber + ": missing field \"" + field
                        + "\"; the file is not a metrics.jsonl written by backdrop train");
            }
        }
        return RunFolder.readMetrics(node);
    }
}
