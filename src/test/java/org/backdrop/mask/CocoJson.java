package org.backdrop.mask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the COCO JSON pieces that the mask tests need: segmentations, boxes and number arrays. */
final class CocoJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private CocoJson() {}

    static JsonNode read(Path path) throws IOException {
        return MAPPER.readTree(path.toFile());
    }

    /** Decodes an RLE segmentation with {@code size} and {@code counts}, compressed or as a list. */
    static Rle mask(JsonNode segmentation) {
        int height = segmentation.get("size").get(0).asInt();
        int width = segmentation.get("size").get(1).asInt();
        JsonNode counts = segmentation.get("counts");
        if (counts.isTextual()) {
            return Rle.fromCompressedString(counts.asText(), height, width);
        }
        return new Rle(height, width, ints(counts));
    }

    /** Returns the parts of a polygon segmentation. */
    static List<double[]> parts(JsonNode segmentation) {
        List<double[]> parts = new ArrayList<>();
        for (JsonNode part : segmentation) {
            parts.add(doubles(part));
        }
        return parts;
    }

    static JsonNode annotation(JsonNode dataset, int id) {
        for (JsonNode annotation : dataset.get("annotations")) {
            if (annotation.get("id").asInt() == id) {
                return annotation;
            }
        }
        throw new AssertionError("no annotation with id " + id);
    }

    static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }
}
