package org.backdrop.segment;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.mask.Rle;

/**
 * Reads and writes foreground masks as a COCO results file: a JSON list with one entry per sample,
 * {@code {"image_id", "file_name", "category_id", "segmentation": {"size": [h, w], "counts"}, "area",
 * "bbox", "score", "source"}}, where {@code counts} is a compressed RLE string. COCO tools read it as
 * segmentation results; Backdrop reads it back with {@code augment --masks} and the studio.
 *
 * <p>{@code image_id} is a number when the sample id is a decimal integer (COCO, CIFAR-10) and the
 * sample id as text otherwise (VOC file stems); {@code score} is always 1.
 */
public final class MasksFile {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MasksFile() {}

    /**
     * One stored mask.
     *
     * @param sampleId the sample's id in its dataset
     * @param fileName the sample's image, relative to the dataset root
     * @param categoryId the sample's first label or annotation category, or -1 when it has none
     * @param mask the foreground mask
     * @param source the mask source's name, such as {@code grabcut}
     */
    public record Entry(String sampleId, String fileName, int categoryId, Rle mask, String source) {}

    /** Writes {@code entries} to {@code file} through a temporary file, so a crash leaves no partial file. */
    public static void write(Path file, List<Entry> entries) throws IOException {
        try (AtomicFiles.PendingFile pending = AtomicFiles.open(file.toAbsolutePath())) {
            try (JsonGenerator json = new JsonFactory().createGenerator(pending.stream(), JsonEncoding.UTF8)) {
                json.useDefaultPrettyPrinter();
                json.writeStartArray();
                for (Entry entry : entries) {
                    writeEntry(json, entry);
                }
                json.writeEndArray();
            }
            pending.commit();
        }
    }

    private static void writeEntry(JsonGenerator json, Entry entry) throws IOException {
        json.writeStartObject();
        if (entry.sampleId().matches("-?\\d{1,18}")) {
            json.writeNumberField("image_id", Long.parseLong(entry.sampleId()));
        } else {
            json.writeStringField("image_id", entry.sampleId());
        }
        json.writeStringField("file_name", entry.fileName());
        json.writeNumberField("category_id", entry.categoryId());
        json.writeObjectFieldStart("segmentation");
        json.writeArrayFieldStart("size");
        json.writeNumber(entry.mask().height());
        json.writeNumber(entry.mask().width());
        json.writeEndArray();
        json.writeStringField("counts", entry.mask().toCompressedString());
        json.writeEndObject();
        json.writeNumberField("area", entry.mask().area());
        json.writeArrayFieldStart("bbox");
        for (double value : entry.mask().toBbox()) {
            json.writeNumber(value);
        }
        json.writeEndArray();
        json.writeNumberField("score", 1);
        json.writeStringField("source", entry.source());
        json.writeEndObject();
    }

    /**
     * Reads a masks file, keyed by sample id in file order.
     *
     * @throws IOException if the file cannot be read or an entry is invalid; the message names the file
     *     and the entry's position
     */
    public static Map<String, Entry> read(Path file) throws IOException {
        JsonNode root;
        try (InputStream in = Files.newInputStream(file)) {
            root = MAPPER.readTree(in);
        }
        if (root == null || !root.isArray()) {
            throw new IOException(file + ": a masks file must hold a JSON list of COCO segmentation results");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < root.size(); i++) {
            Entry entry = readEntry(file, i, root.get(i));
            if (entries.put(entry.sampleId(), entry) != null) {
                throw new IOException(file + ": entry " + i + " repeats image_id " + entry.sampleId() + "; keep one mask per sample");
            }
        }
        return entries;
    }

    private static Entry readEntry(Path file, int index, JsonNode node) throws IOException {
        JsonNode imageId = node.get("image_id");
        JsonNode segmentation = node.get("segmentation");
        if (imageId == null || segmentation == null || !segmentation.has("size") || !segmentation.path("counts").isTextual()) {
            throw new IOException(file + ": entry " + index
                    + " needs image_id and a segmentation with size and a compressed counts string");
        }
        JsonNode size = segmentation.get("size");
        try {
            Rle mask = Rle.fromCompressedString(segmentation.get("counts").asText(), size.get(0).asInt(), size.get(1).asInt());
            return new Entry(imageId.asText(), node.path("file_name").asText(""), node.path("category_id").asInt(-1), mask,
                    node.path("source").asText("unknown"));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": entry " + index + " (image_id " + imageId.asText() + ") has an invalid mask: " + e.getMessage(), e);
        }
    }
}
