package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.FileDigest;
import org.backdrop.model.InferenceDevice;
import org.backdrop.model.spec.ModelSpec;

/**
 * The results folder that evaluation commands write with {@code --out}: {@code results.json} with every
 * number and the run's inputs, and CSV tables. Every file is written to a temporary name and renamed,
 * so a reader never sees half a file.
 */
final class ResultsFolder {

    private final Path dir;

    private ResultsFolder(Path dir) {
        this.dir = dir;
    }

    /** Creates {@code dir} and its parents when missing. */
    static ResultsFolder create(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new ResultsFolder(dir);
    }

    /** Writes {@code results.json}, pretty-printed. */
    void writeResults(ObjectNode results) throws IOException {
        write("results.json", JsonOutput.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(results) + "\n");
    }

    /** Writes {@code fileName} with the table's header and rows. */
    void writeCsv(String fileName, CsvTable table) throws IOException {
        write(fileName, table.toString());
    }

    /** Receives the rows of a table that is written row by row. */
    @FunctionalInterface
    interface RowSink {
        /** Writes one row; each value is a string, a number or null, as {@link CsvTable#row} takes them. */
        void row(Object... values) throws IOException;
    }

    /** Gives the rows of a table to a {@link RowSink}. */
    @FunctionalInterface
    interface RowSource {
        void writeTo(RowSink sink) throws IOException;
    }

    /**
     * Writes {@code fileName} with {@code header} and the rows {@code rows} gives, in the format of
     * {@link CsvTable}, without holding the table in memory: for tables of a row per sample.
     */
    void writeCsv(String fileName, List<String> header, RowSource rows) throws IOException {
        AtomicFiles.write(dir.resolve(fileName), temporary -> {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                StringBuilder line = new StringBuilder();
                CsvTable.appendLine(line, header);
                out.append(line);
                rows.writeTo(values -> {
                    if (values.length != header.size()) {
                        throw new IllegalArgumentException("a row of " + values.length + " values in a table of " + header.size() + " columns");
                    }
                    line.setLength(0);
                    CsvTable.appendLine(line, Arrays.asList(values));
                    out.append(line);
                });
            }
        });
    }

    private void write(String fileName, String text) throws IOException {
        AtomicFiles.write(dir.resolve(fileName), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Returns the {@code run} block of a model evaluation: tool and version, the model file with its
     * SHA-256, the spec (with its SHA-256 when it is a file), the device and the datasets in command-line
     * order.
     */
    static ObjectNode modelRun(String command, Path model, ModelSpec spec, InferenceDevice device, List<Path> datasets) throws IOException {
        ObjectNode run = toolRun(command);
        run.put("model", model.toAbsolutePath().toString()).put("modelSha256", FileDigest.sha256(model));
        Path specFile = specFile(spec);
        run.put("spec", specFile == null ? spec.source() : specFile.toAbsolutePath().toString());
        if (specFile != null) {
            run.put("specSha256", FileDigest.sha256(specFile));
        }
        run.putObject("device").put("requested", device.requested().toString()).put("used", device.name()).put("reason", device.reason());
        ArrayNode list = run.putArray("datasets");
        datasets.forEach(dataset -> list.add(dataset.toAbsolutePath().toString()));
        return run;
    }

    /** Returns the spec's file, or null when it came from elsewhere (a resource name). */
    private static Path specFile(ModelSpec spec) {
        try {
            Path file = Path.of(spec.source());
            return Files.isRegularFile(file) ? file : null;
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** Returns a {@code run} block with the tool, its version and the command name. */
    static ObjectNode toolRun(String command) {
        return JsonOutput.mapper().createObjectNode().put("tool", "backdrop").put("version", VersionProvider.version()).put("command", command);
    }

    /** Returns {@code {"path", "sha256"}} of an input file. */
    static ObjectNode inputFile(Path file) throws IOException {
        return JsonOutput.mapper().createObjectNode().put("path", file.toAbsolutePath().toString()).put("sha256", FileDigest.sha256(file));
    }
}
