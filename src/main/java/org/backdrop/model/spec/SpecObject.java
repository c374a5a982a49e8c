package org.backdrop.model.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** One JSON object of a spec file, with typed accessors whose errors name the file and the field path. */
final class SpecObject {

    private final String source;
    private final String path;
    private final JsonNode node;

    SpecObject(String source, String path, JsonNode node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    String source() {
        return source;
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    JsonNode raw(String name) {
        return node.get(name);
    }

    /** Rejects fields outside {@code known}, so that a misspelt optional field does not pass silently. */
    void rejectUnknownFields(Set<String> known) throws ModelSpecException {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw error(name, "is not a known field; the fields here are " + new TreeSet<>(known));
            }
        }
    }

    SpecObject requiredObject(String name) throws ModelSpecException {
        JsonNode child = required(name);
        if (!child.isObject()) {
            throw error(name, "must be a JSON object, got " + child);
        }
        return new SpecObject(source, fieldPath(name), child);
    }

    SpecObject optionalObject(String name) throws ModelSpecException {
        if (!has(name)) {
            return new SpecObject(source, fieldPath(name), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        }
        return requiredObject(name);
    }

    String requiredText(String name) throws ModelSpecException {
        JsonNode child = required(name);
        if (!child.isTextual() || child.asText().isBlank()) {
            throw error(name, "must be a non-empty string, got " + child);
        }
        return child.asText();
    }

    <E extends Enum<E>> E requiredEnum(String name, Class<E> type) throws ModelSpecException {
        return parseEnum(name, requiredText(name), type);
    }

    <E extends Enum<E>> E optionalEnum(String name, Class<E> type, E fallback) throws ModelSpecException {
        return has(name) ? parseEnum(name, requiredText(name), type) : fallback;
    }

    double requiredDouble(String name) throws ModelSpecException {
        JsonNode child = required(name);
        if (!child.isNumber()) {
            throw error(name, "must be a number, got " + child);
        }
        return child.asDouble();
    }

    double optionalDouble(String name, double fallback) throws ModelSpecException {
        return has(name) ? requiredDouble(name) : fallback;
    }

    int requiredInt(String name) throws ModelSpecException {
        JsonNode child = required(name);
        if (!child.isIntegralNumber() || !child.canConvertToInt()) {
            throw error(name, "must be an integer, got " + child);
        }
        return child.asInt();
    }

    int optionalInt(String name, int fallback) throws ModelSpecException {
        return has(name) ? requiredInt(name) : fallback;
    }

    boolean optionalBoolean(String name, boolean fallback) throws ModelSpecException {
        if (!has(name)) {
            return fallback;
        }
        JsonNode child = node.get(name);
        if (!child.isBoolean()) {
            throw error(name, "must be true or false, got " + child);
        }
        return child.asBoolean();
    }

    List<Long> requiredLongs(String name) throws ModelSpecException {
        JsonNode child = required(name);
        if (!child.isArray() || child.isEmpty()) {
            throw error(name, "must be a non-empty array of integers, got " + child);
        }
        List<Long> values = new ArrayList<>();
        for (JsonNode element : child) {
            if (!element.isIntegralNumber()) {
                throw error(name, "must be an array of integers, got " + child);
            }
            values.add(element.asLong());
        }
        return values;
    }

    List<Double> optionalDoubles(String name) throws ModelSpecException {
        if (!has(name)) {
            return List.of();
        }
        JsonNode child = node.get(name);
        if (!child.isArray() || child.isEmpty()) {
            throw error(name, "must be a non-empty array of numbers, got " + child);
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode element : child) {
            if (!element.isNumber()) {
                throw error(name, "must be an array of numbers, got " + child);
            }
            values.add(element.asDouble());
        }
        return values;
    }

    ModelSpecException error(String name, String problem) {
        return new ModelSpecException(source + ": field '" + fieldPath(name) + "' " + problem);
    }

    private JsonNode required(String name) throws ModelSpecException {
        if (!has(name)) {
            throw new ModelSpecException(source + ": required field '" + fieldPath(name) + "' is missing");
        }
        return node.get(name);
    }

    private <E extends Enum<E>> E parseEnum(String name, String text, Class<E> type) throws ModelSpecException {
        String constant = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(constant)) {
                return value;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E value : type.getEnumConstants()) {
            allowed.add(jsonName(value));
        }
        throw error(name, "has the invalid value \"" + text + "\"; use one of " + allowed);
    }

    private String fieldPath(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** Returns the spelling of an enum constant in spec files: lower case with hyphens. */
    static String jsonName(Enum<?> value) {
        String name = value.name();
        return name.equals("NCHW") || name.equals("NHWC") || name.equals("RGB") || name.equals("BGR")
                ? name
                : name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
