package org.backdrop.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A model spec as JSON text that needs no other file, for reading it again on another machine. A
 * class-names file that the spec names is replaced by the list of names in it. A distributed engine
 * ships this text with its job instead of the spec file and the files next to it.
 *
 * @param source the spec file's path on the machine that read it, for messages
 * @param json the spec, with its class names written out
 */
public record PortableSpec(String source, String json) implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Reads and checks the spec in {@code specFile} and writes out the class names of a class-names file.
     *
     * @throws ModelSpecException if the spec or its class-names file is missing, unreadable or invalid
     */
    public static PortableSpec of(Path specFile) throws ModelSpecException {
        ModelSpec spec = ModelSpecReader.read(specFile);
        JsonNode root;
        try {
            root = JSON.readTree(specFile.toAbsolutePath().toFile());
        } catch (IOException e) {
            throw new ModelSpecException("cannot read model spec " + specFile + ": " + e.getMessage(), e);
        }
        if (root instanceof ObjectNode object && object.path("classes").isTextual()) {
            ArrayNode names = object.putArray("classes");
            spec.classNames().forEach(names::add);
        }
        return new PortableSpec(specFile.toString(), root.toString());
    }

    /**
     * Reads the spec from the text.
     *
     * @throws ModelSpecException if the text is not a valid spec
     */
    public ModelSpec read() throws ModelSpecException {
        return ModelSpecReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), source, null);
    }
}
