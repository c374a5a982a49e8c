package org.backdrop.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Prints the one JSON document that a command run with {@code --json} writes to standard output.
 * Output goes through picocli's writer, so tests can capture it with {@code CommandLine.setOut}.
 */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonOutput() {}

    /** Returns the mapper commands use to build documents ({@code mapper().createObjectNode()}). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code document} (a Jackson tree, record, map or list) and a newline to the command's output. */
    public static void print(CommandSpec spec, Object document) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            MAPPER.writeValue(out, document);
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write JSON to standard output", e);
        }
        out.println();
        out.flush();
    }
}
