package org.backdrop.cli;

import java.io.IOException;
import java.util.function.UnaryOperator;
import org.backdrop.engine.DistributedEngine;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelException;
import org.backdrop.model.spec.ModelSpecException;
import org.backdrop.model.spec.ModelSpecReader;
import org.backdrop.model.spec.PortableSpec;
import org.backdrop.segment.MaskEngine;
import org.backdrop.segment.MaskJob;
import org.backdrop.segment.MaskResult;
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
import org.backdrop.segment.SegmentationModel;
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

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--source", required = true, paramLabel = "SOURCE",
            description = "annotations, grabcut, or onnx=MODEL[:SPEC] for a segmentation model (the spec defaults to MODEL's name with .spec.json).")
    String source;

    @Option(names = "--device", paramLabel = "DEVICE", defaultValue = "auto",
            description = "For onnx: auto, cpu or cuda (default: ${DEFAULT-VALUE}); cuda fails when CUDA cannot run.")
    String device;

    @Option(names = "--out", required = true, paramLabel = "FILE", converter = DatasetOptions.LocationConverter.class,
            description = "The masks file to write, such as masks.json; a path or a URI, as for --in.")
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
        try (DistributedEngine engine = engineOptions.open()) {
            return run(engine);
        }
    }

    private int run(DistributedEngine engine) throws Exception {
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
            plan = engine == null
                    ? MaskPlan.compute(dataset, maskSource, new DatasetImages(), filter, executor, progress)
                    : computeOn(engine.masks(), dataset, filter, progress);

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

    /** Computes the admitted samples' masks on {@code engine} and builds the plan as a local run does. */
    private MaskPlan computeOn(MaskEngine engine, Dataset dataset, MaskFilter filter, ConsoleProgress progress) throws IOException {
        List<Sample> admitted = dataset.samples().stream().filter(filter::admits).toList();
        List<MaskResult> computed = engine.compute(new MaskJob(input.in, dataset.format(), admitted, sourceFactory()), progress);
        List<MaskResult> results = new ArrayList<>(dataset.samples().size());
        int next = 0;
        for (Sample sample : dataset.samples()) {
            results.add(filter.admits(sample) ? computed.get(next++) : null);
        }
        return MaskPlan.fromResults(dataset, filter, results);
    }

    /** Returns the factory with which executors make the same mask source as {@link #maskSource()}. */
    private MaskJob.SourceFactory sourceFactory() {
        if (source.startsWith("onnx=")) {
            return OnnxSourceFactory.of(source.substring("onnx=".length()), device);
        }
        return switch (source) {
            case "annotations" -> new AnnotationSourceFactory();
            case "grabcut" -> new GrabCutSourceFactory(grabCutMargin);
            default -> throw new InvalidInputException("unknown mask source '" + source + "'; expected annotations, grabcut or onnx=MODEL[:SPEC]");
        };
    }

    /** Makes {@link AnnotationMaskSource}s. */
    record AnnotationSourceFactory() implements MaskJob.SourceFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public MaskSource create(UnaryOperator<Path> localFile) {
            return new AnnotationMaskSource();
        }
    }

    /** Makes GrabCut sources with the command's margin. */
    record GrabCutSourceFactory(double margin) implements MaskJob.SourceFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public MaskSource create(UnaryOperator<Path> localFile) {
            return new GrabCutMaskSource(new GrabCutMaskSource.Options(5, margin, 0.1));
        }
    }

    /**
     * Loads the segmentation model from the copy an engine gives each executor, with the spec shipped
     * as text, so that a class-names file beside the spec need not reach the executors.
     */
    record OnnxSourceFactory(String model, PortableSpec spec, String device) implements MaskJob.SourceFactory {
        private static final long serialVersionUID = 1L;

        static OnnxSourceFactory of(String modelAndSpec, String device) {
            ModelSources.Named named = ModelSources.splitModelAndSpec(modelAndSpec);
            Path specPath = named.spec() != null ? named.spec() : ModelSpecReader.specBeside(named.model());
            try {
                DeviceRequest.parse(device);
                return new OnnxSourceFactory(named.model().toAbsolutePath().toString(), PortableSpec.of(specPath), device);
            } catch (IllegalArgumentException | ModelSpecException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
        }

        @Override
        public MaskSource create(UnaryOperator<Path> localFile) {
            SegmentationModel segmentation = new SegmentationModel(localFile.apply(Path.of(model)), null, DeviceRequest.parse(device));
            try {
                return segmentation.openMaskSource(spec.read());
            } catch (ModelSpecException | ModelException e) {
                throw new InvalidInputException(e.getMessage(), e);
            }
        }

        @Override
        public List<Path> files() {
            return List.of(Path.of(model));
        }
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
