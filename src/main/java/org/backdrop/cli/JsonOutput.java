package org.backdrop.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;

/** Prints the one JSON document that a command run with {@code --json} writes to standard output. */
public final class JsonOutput {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonOutput() {}

    /** Returns the mapper commands use to build documents. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code document} (a Jackson tree, record, map or list) and a newline to standard output. */
    public static void print(Object document) {
        print(document, System.out);
    }

    static void print(Object document, PrintStream out) {
        try {
            MAPPER.writeValue((OutputStream) out, document);
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write JSON to standard output", e);
        }
    }
}
