package org.backdrop.augment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.InvalidSample;

/**
 * The record of which variants an augmentation run has finished, kept in {@code .backdrop-augment.json}
 * in the output folder. A rerun with the same input and options skips the finished variants and writes
 * the rest again from the start, so an interrupted run ends with the same bytes as an uninterrupted one.
 * A rerun with other options into the same folder is rejected rather than mixed in.
 */
final class RunState {

    static final String FILE_NAME = ".backdrop-augment.json";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** A finished variant: how many images the writer wrote and which samples it skipped. */
    record Finished(int written, List<InvalidSample> skipped) {}

    private final Path file;
    private final String fingerprint;
    private final Map<String, Finished> finished;

    private RunState(Path file, String fingerprint, Map<String, Finished> finished) {
        this.file = file;
        this.fingerprint = fingerprint;
        this.finished = finished;
    }

    /**
     * Opens the state of {@code outDir} for a run whose input and options hash to {@code fingerprint}.
     *
     * @throws AugmentException if the folder contains a run with other options, or other files but no run
     */
    static RunState open(Path outDir, String fingerprint) throws IOException, AugmentException {
        Path file = outDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            if (Files.isDirectory(outDir)) {
                try (var entries = Files.list(outDir)) {
                    if (entries.anyMatch(entry -> !entry.getFileName().toString().equals(AugmentEngine.WORK_FOLDER))) {
                        throw new AugmentException(outDir + " is not empty and contains no Backdrop augmentation; choose an empty or new --out folder");
                    }
                }
            }
            return new RunState(file, fingerprint, new LinkedHashMap<>());
        }

        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        }
        if (!fingerprint.equals(root.path("fingerprint").asText())) {
            throw new AugmentException(outDir + " contains an augmentation made from another input or with other options;"
                    + " rerun with the same command to finish it, or choose another --out folder");
        }
        Map<String, Finished> finished = new LinkedHashMap<>();
        for (JsonNode variant : root.path("finished")) {
            List<InvalidSample> skipped = new ArrayList<>();
            for (JsonNode entry : variant.path("skipped")) {
                skipped.add(new InvalidSample(entry.path("file").asText(), entry.path("reason").asText()));
            }
            finished.put(variant.path("name").asText(), new Finished(variant.path("written").asInt(), skipped));
        }
        return new RunState(file, fingerprint, finished);
    }

    Optional<Finished> finished(String variant) {
        return Optional.ofNullable(finished.get(variant));
    }

    /** Records {@code variant} as finished, replacing the state file atomically. */
    void markFinished(String variant, Finished result) throws IOException {
        finished.put(variant, result);
        ObjectNode root = MAPPER.createObjectNode();
        root.put("fingerprint", fingerprint);
        ArrayNode list = root.putArray("finished");
        finished.forEach((name, done) -> {
            ObjectNode entry = list.addObject().put("name", name).put("written", done.written());
            ArrayNode skipped = entry.putArray("skipped");
            done.skipped().forEach(sample -> skipped.addObject().put("file", sample.file()).put("reason", sample.reason()));
        });
        AtomicFiles.write(file, MAPPER.writeValueAsBytes(root));
    }
}
