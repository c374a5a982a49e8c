package org.backdrop.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
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

    private static final JsonFactory FACTORY = JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    /**
     * The mapper, created on first use: building an {@code ObjectMapper} loads a few hundred classes,
     * which a command that prints a ready JSON tree does not need.
     */
    private static final class MapperHolder {
        static final ObjectMapper MAPPER = new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    private JsonOutput() {}

    /** Returns the mapper commands use to build documents ({@code mapper().createObjectNode()}). */
    public static ObjectMapper mapper() {
        return MapperHolder.MAPPER;
    }

    /** Writes {@code document} (a Jackson tree, record, map or list) and a newline to the command's output. */
    public static void print(CommandSpec spec, Object document) {
        PrintWriter out = spec.commandLine().getOut();
        try {
            if (document instanceof JsonNode tree) {
                // The same layout as the mapper's INDENT_OUTPUT, written without building a mapper.
                try (JsonGenerator generator = FACTORY.createGenerator(out).setPrettyPrinter(new DefaultPrettyPrinter())) {
                    write(tree, generator);
                }
            } else {
                mapper().writeValue(out, document);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("failed to write JSON to standard output", e);
        }
        out.println();
        out.flush();
    }

    /** Writes a tree as the mapper would, for the node types that commands build. */
    private static void write(JsonNode node, JsonGenerator generator) throws IOException {
        if (node.isObject()) {
            generator.writeStartObject();
            for (var fields = node.fields(); fields.hasNext(); ) {
                var field = fields.next();
                generator.writeFieldName(field.getKey());
                write(field.getValue(), generator);
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(element, generator);
            }
            generator.writeEndArray();
        } else if (node.isTextual()) {
            generator.writeString(node.textValue());
        } else if (node.isBoolean()) {
            generator.writeBoolean(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            generator.writeNull();
        } else if (node.isInt() || node.isShort()) {
            generator.writeNumber(node.intValue());
        } else if (node.isLong()) {
            generator.writeNumber(node.longValue());
        } else if (node.isFloat()) {
            generator.writeNumber(node.floatValue());
        } else if (node.isDouble()) {
            generator.writeNumber(node.doubleValue());
        } else if (node.isBigInteger()) {
            generator.writeNumber(node.bigIntegerValue());
        } else if (node.isBigDecimal()) {
            generator.writeNumber(node.decimalValue());
        } else {
            mapper().writeTree(generator, node);
        }
    }
}
