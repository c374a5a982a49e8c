package org.backdrop.augment;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.backdrop.background.Background;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.InvalidSample;

/**
 * The {@code manifest.json} of an augmentation: the tool version, the source dataset's path, layout and
 * checksum, every option that decides the output (the thread count does not), the seed, each output
 * sample with its source sample, variant and background method, and every skipped sample with its
 * reason. It contains no time stamps, so the same run writes the same bytes.
 */
final class Manifest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path input;
    private final Dataset dataset;
    private final String checksum;
    private final AugmentOptions options;
    private final List<Background> backgrounds;
    private final AugmentPool pool;
    private final List<AugmentResult.Variant> variants;
    private final List<InvalidSample> skipped;

    Manifest(Path input, Dataset dataset, String checksum, AugmentOptions options, List<Background> backgrounds, AugmentPool pool,
            List<AugmentResult.Variant> variants, List<InvalidSample> skipped) {
        this.input = input;
        this.dataset = dataset;
        this.checksum = checksum;
        this.options = options;
        this.backgrounds = backgrounds;
        this.pool = pool;
        this.variants = variants;
        this.skipped = skipped;
    }

    /** Returns the options that decide the output bytes, as the manifest and the run fingerprint record them. */
    static ObjectNode optionsNode(AugmentOptions options) {
        ObjectNode node = MAPPER.createObjectNode();
        ArrayNode backgrounds = node.putArray("backgrounds");
        options.backgrounds().forEach(backgrounds::add);
        node.put("masks", options.masksFile().map(path -> path.toAbsolutePath().toString()).orElse(null));
        node.put("maskSource", options.maskSource().orElse(null));
        node.put("minObjectPixels", options.filter().minObjectPixels());
        node.put("minObjectFraction", options.filter().minObjectFraction());
        ArrayNode curated = node.putArray("curated");
        options.filter().curatedIds().ifPresent(ids -> ids.stream().sorted().forEach(curated::add));
        node.put("featherSigma", options.featherSigma());
        node.put("dilation", options.dilation());
        ArrayNode combine = node.putArray("combine");
        options.combine().forEach(combine::add);
        node.put("seed", options.seed());
        return node;
    }

    /** Writes the manifest through a temporary file and an atomic rename; {@code outDir} contains the recorded sources. */
    void write(Path file, Path outDir) throws IOException {
        try (AtomicFiles.PendingFile pending = AtomicFiles.open(file.toAbsolutePath())) {
            writeDocument(pending, outDir);
            pending.commit();
        }
    }

    private void writeDocument(AtomicFiles.PendingFile pending, Path outDir) throws IOException {
        try (JsonGenerator json = new JsonFactory(MAPPER).createGenerator(pending.stream(), JsonEncoding.UTF8)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeStringField("tool", "backdrop");
            json.writeStringField("version", toolVersion());
            json.writeObjectFieldStart("source");
            json.writeStringField("path", input.toAbsolutePath().normalize().toString());
            json.writeStringField("format", dataset.format().cliName());
            json.writeStringField("checksum", checksum);
            json.writeNumberField("samples", dataset.samples().size());
            json.writeEndObject();
            json.writeFieldName("options");
            json.writeTree(optionsNode(options));
            json.writeNumberField("seed", options.seed());
            writeVariants(json);
            writeOutputs(json, outDir);
            json.writeArrayFieldStart("skipped");
            for (InvalidSample sample : skipped) {
                json.writeStartObject();
                json.writeStringField("file", sample.file());
                json.writeStringField("reason", sample.reason());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private void writeVariants(JsonGenerator json) throws IOException {
        json.writeArrayFieldStart("variants");
        for (AugmentResult.Variant variant : variants) {
            json.writeStartObject();
            json.writeStringField("name", variant.name());
            json.writeStringField("spec", specOf(variant.name()));
            json.writeStringField("dir", variant.name());
            json.writeNumberField("images", variant.images());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /**
     * One entry per variant and kept sample: the source sample, the background method, and where its
     * background came from (a donor sample, a photo, or the method itself).
     */
    private void writeOutputs(JsonGenerator json, Path outDir) throws IOException {
        json.writeArrayFieldStart("outputs");
        for (int b = 0; b < backgrounds.size(); b++) {
            Background background = backgrounds.get(b);
            List<String> sources = BackgroundSources.load(outDir, background.name()).orElse(List.of());
            for (int i = 0; i < pool.size(); i++) {
                json.writeStartObject();
                json.writeStringField("variant", background.name());
                json.writeStringField("sample", pool.id(i));
                json.writeStringField("source", pool.sample(i).image().describe());
                json.writeStringField("background", options.backgrounds().get(b));
                json.writeStringField("backgroundSource", i < sources.size() ? sources.get(i) : "unknown");
                json.writeEndObject();
            }
        }
        json.writeEndArray();
    }

    private String specOf(String variantName) {
        for (int b = 0; b < backgrounds.size(); b++) {
            if (backgrounds.get(b).name().equals(variantName)) {
                return options.backgrounds().get(b);
            }
        }
        return String.join(",", options.combine());
    }

    private static String toolVersion() {
        String version = Manifest.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
