package org.backdrop.ui.masks;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.Sample;
import org.backdrop.engine.launch.CommandArguments;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.engine.launch.SparkJobSubmitter;
import org.backdrop.mask.Rle;
import org.backdrop.model.DeviceRequest;
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MasksFile;

/**
 * A mask computation run as {@code masks --engine spark} submitted to a Spark installation. The samples
 * of the chosen scope go to the command as a {@code --curated} list, and the masks file it writes on this
 * computer (the driver) becomes the same plan as a local computation.
 */
final class SparkMasks {

    private SparkMasks() {}

    /** Returns the {@code --source} argument for the screen's choice: annotations, grabcut or onnx=MODEL[:SPEC]. */
    static String sourceArgument(MasksViewModel.Source source, Path model, Path spec) {
        if (source != MasksViewModel.Source.MODEL) {
            return source.label();
        }
        if (model == null) {
            throw new IllegalStateException("no segmentation model chosen; choose an ONNX model file (.onnx) with its spec");
        }
        return "onnx=" + model.toAbsolutePath() + (spec == null ? "" : ":" + spec.toAbsolutePath());
    }

    /**
     * Submits the computation of the masks of {@code samples}, part of {@code whole}, and waits for it.
     *
     * @throws java.util.concurrent.CancellationException when the user cancelled the job
     * @throws IOException when the job failed, with Spark's state, the log folder and the last error lines
     */
    static MaskPlan compute(Dataset whole, List<Sample> samples, String source, DeviceRequest device, SparkInstallation installation,
            ProgressListener progress) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("backdrop-spark-masks-");
        try {
            Path out = work.resolve("masks.json");
            Optional<Path> curated = Optional.empty();
            if (samples.size() != whole.samples().size()) {
                curated = Optional.of(Files.write(work.resolve("scope.txt"), samples.stream().map(Sample::id).toList()));
            }
            List<String> arguments = CommandArguments.masks(whole.root(), whole.format(), out, source, device.toString(), curated,
                    installation.master());
            SparkJobSubmitter.Outcome outcome = new SparkJobSubmitter(installation).run("backdrop masks", arguments, progress);
            JsonNode document = outcome.requireResult();
            return plan(samples, MasksFile.read(out), document);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /**
     * Returns the plan of {@code samples}: each one's mask from the file, and the command's skipped samples
     * that belong to the scope, which leaves out those skipped only for being outside the scope.
     */
    static MaskPlan plan(List<Sample> samples, Map<String, MasksFile.Entry> masks, JsonNode document) {
        Set<String> scopeFiles = new HashSet<>();
        samples.forEach(sample -> scopeFiles.add(sample.image().describe()));
        List<Sample> computed = new ArrayList<>();
        List<Rle> computedMasks = new ArrayList<>();
        for (Sample sample : samples) {
            MasksFile.Entry entry = masks.get(sample.id());
            if (entry != null) {
                computed.add(sample);
                computedMasks.add(entry.mask());
            }
        }
        List<InvalidSample> skipped = new ArrayList<>();
        JsonNode list = document.path("skipped");
        for (JsonNode item : list) {
            String file = item.path("file").asText();
            if (scopeFiles.contains(file)) {
                skipped.add(new InvalidSample(file, item.path("reason").asText()));
            }
        }
        return new MaskPlan(computed, computedMasks, skipped);
    }
}
