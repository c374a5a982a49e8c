package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.ImageValidator;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.dataset.Sample;
import org.backdrop.segment.AnnotationMaskSource;
import org.backdrop.segment.GrabCutMaskSource;
import org.backdrop.segment.MaskFilter;
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MaskSource;
import org.backdrop.segment.MasksFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backdrop masks}: computes every sample's foreground mask and writes them as COCO results. */
@Command(
        name = "masks",
        description = "Compute each sample's foreground mask and write the masks as COCO segmentation results "
                + "(compressed RLE), for review in the studio and for 'augment --masks'.",
        footer = {"", "Exit codes: 0 every sample has a mask, 3 some samples skipped (listed), 2 invalid input."})
final class MasksCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(MasksCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    DatasetInput input;

    @Option(names = "--source", required = true, paramLabel = "SOURCE",
            description = "annotations, grabcut, or onnx=MODEL[:SPEC] for a segmentation model (the spec defaults to MODEL's name with .spec.json).")
    String source;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "For onnx: auto, cpu or cuda (default: ${DEFAULT-VALUE}); cuda fails when CUDA cannot run.")
    String device;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The masks file to write, such as masks.json.")
    Path out;

    @Option(names = "--min-object-pixels", paramLabel = "N", defaultValue = "0", description = "Skip masks with fewer object pixels (default: ${DEFAULT-VALUE}).")
    long minObjectPixels;

    @Option(names = "--min-object-fraction", paramLabel = "F", defaultValue = "0",
            description = "Skip masks covering less of the image, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double minObjectFraction;

    @Option(names = "--curated", paramLabel = "FILE", description = "Compute masks only for the sample ids in this file, one per line.")
    Path curated;

    @Option(names = "--grabcut-margin", paramLabel = "F", defaultValue = "0.1",
            description = "For samples without boxes, the share of each side left outside GrabCut's centred rectangle (default: ${DEFAULT-VALUE}).")
    double grabCutMargin;

    @Option(names = "--threads", paramLabel = "N", description = "Samples processed at once (default: the number of processors).")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON document: {\"masks\", \"out\", \"skipped\": [{\"file\", \"reason\"}]}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        Dataset read = input.read(progress);
        Dataset dataset = ImageValidator.validate(read, new ImageValidator.Options(ReadOptions.DEFAULT_MAX_PIXELS, true, threadCount), progress);

        MaskPlan plan;
        ExecutorService executor = Executors.newFixedThreadPool(threadCount);
        try (MaskSource maskSource = maskSource()) {
            MaskFilter filter = new MaskFilter(minObjectPixels, minObjectFraction, Optional.empty());
            if (curated != null) {
                filter = filter.withCuratedList(curated);
            }
            plan = MaskPlan.compute(dataset, maskSource, new DatasetImages(), filter, executor, progress);

            List<MasksFile.Entry> entries = new ArrayList<>();
            for (int i = 0; i < plan.samples().size(); i++) {
                Sample sample = plan.samples().get(i);
                entries.add(new MasksFile.Entry(sample.id(), sample.image().describe(), categoryOf(sample), plan.masks().get(i), maskSource.name()));
            }
            MasksFile.write(out, entries);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        } finally {
            executor.shutdownNow();
            progress.finish();
        }

        List<InvalidSample> skipped = new ArrayList<>(dataset.invalid());
        skipped.addAll(plan.skipped());
        skipped.forEach(sample -> LOG.warn("Skipped {}: {}", sample.file(), sample.reason()));
        if (json) {
            ObjectNode document = JsonOutput.mapper().createObjectNode();
            document.put("masks", plan.samples().size());
            document.put("out", out.toAbsolutePath().toString());
            ArrayNode list = document.putArray("skipped");
            skipped.forEach(sample -> list.addObject().put("file", sample.file()).put("reason", sample.reason()));
            JsonOutput.print(spec, document);
        } else {
            LOG.info("Wrote {} masks to {}; skipped {} samples", plan.samples().size(), out.toAbsolutePath(), skipped.size());
        }
        return skipped.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.SKIPPED;
    }

    private MaskSource maskSource() {
        if (source.startsWith("onnx=")) {
            return ModelSources.segmenter(source.substring("onnx=".length()), device);
        }
        return switch (source) {
            case "annotations" -> new AnnotationMaskSource();
            case "grabcut" -> new GrabCutMaskSource(new GrabCutMaskSource.Options(5, grabCutMargin, 0.1));
            default -> throw new InvalidInputException("unknown mask source '" + source + "'; expected annotations, grabcut or onnx=MODEL[:SPEC]");
        };
    }

    private static int categoryOf(Sample sample) {
        if (!sample.labels().isEmpty()) {
            return sample.labels().get(0);
        }
        return sample.annotations().isEmpty() ? -1 : sample.annotations().get(0).categoryId();
    }
}
