package org.backdrop.engine.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * One sample of one variant as an executor left it in the run's work folder: the rendered image as
 * PNG ({@code NNNNNNNNN.png}) and a record of it ({@code NNNNNNNNN.json}) with the PNG's SHA-256 and
 * the background's source, or the reason the sample has no image. The record is written last, so a
 * sample counts as done only when its record exists and the PNG still has the recorded hash. A rerun
 * skips such samples. Files are written under a temporary name and renamed, through Hadoop's
 * FileSystem API.
 *
 * @param index the sample's index in the plan
 * @param source where the background came from, or null when the sample failed
 * @param reason why the sample has no image, or null when it has one
 */
record StagedSample(int index, String source, String reason) implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static StagedSample rendered(int index, String source) {
        return new StagedSample(index, source, null);
    }

    static StagedSample failed(int index, String reason) {
        return new StagedSample(index, null, reason);
    }

    boolean ok() {
        return reason == null;
    }

    /** Returns the PNG's path in {@code folder}. */
    static Path image(Path folder, int index) {
        return new Path(folder, String.format("%09d.png", index));
    }

    private static Path record(Path folder, int index) {
        return new Path(folder, String.format("%09d.json", index));
    }

    /** Writes a rendered sample: the PNG first, then its record. */
    static StagedSample writeRendered(FileSystem fs, Path folder, int index, String sampleId, String source, byte[] png) throws IOException {
        writeAtomically(fs, image(folder, index), png);
        ObjectNode node = MAPPER.createObjectNode().put("sample", sampleId).put("sha256", sha256(png)).put("source", source);
        writeAtomically(fs, record(folder, index), MAPPER.writeValueAsBytes(node));
        return rendered(index, source);
    }

    /** Records that the sample has no image in this variant, for a reason that a rerun would meet again. */
    static StagedSample writeFailed(FileSystem fs, Path folder, int index, String sampleId, String reason) throws IOException {
        ObjectNode node = MAPPER.createObjectNode().put("sample", sampleId).put("reason", reason);
        writeAtomically(fs, record(folder, index), MAPPER.writeValueAsBytes(node));
        return failed(index, reason);
    }

    /** Returns the sample as an earlier attempt or run left it, when it is complete and its PNG has the recorded hash. */
    static Optional<StagedSample> readVerified(FileSystem fs, Path folder, int index, String sampleId) throws IOException {
        Path record = record(folder, index);
        if (!fs.exists(record)) {
            return Optional.empty();
        }
        JsonNode node;
        try (InputStream in = fs.open(record)) {
            node = MAPPER.readTree(in);
        }
        if (!sampleId.equals(node.path("sample").asText())) {
            return Optional.empty();
        }
        if (node.hasNonNull("reason")) {
            return Optional.of(failed(index, node.get("reason").asText()));
        }
        Path image = image(folder, index);
        if (!fs.exists(image)) {
            return Optional.empty();
        }
        byte[] png;
        try (InputStream in = fs.open(image)) {
            png = in.readAllBytes();
        }
        if (!sha256(png).equals(node.path("sha256").asText())) {
            return Optional.empty();
        }
        return Optional.of(rendered(index, node.path("source").asText()));
    }

    private static void writeAtomically(FileSystem fs, Path target, byte[] content) throws IOException {
        Path temp = new Path(target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + ".tmp");
        try {
            try (FSDataOutputStream out = fs.create(temp, true)) {
                out.write(content);
            }
            fs.delete(target, false);
            if (!fs.rename(temp, target)) {
                throw new IOException("cannot rename " + temp + " to " + target);
            }
        } finally {
            fs.delete(temp, false);
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
