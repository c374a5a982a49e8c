package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.backdrop.augment.AugmentException;
import org.backdrop.augment.AugmentJob;
import org.backdrop.engine.DistributedEngine;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.augment.AugmentResult;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.ImageValidator;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.segment.MaskFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backdrop augment}: writes one dataset per background variant. */
@Command(
        name = "augment",
        description = "Replace the backgrounds of a dataset's objects and write one dataset per variant under --out, "
                + "in the input's layout, with manifest.json.",
        footer = {"",
            "Backgrounds: red, green, blue, black, white, #rrggbb, noise-bw, noise-uniform, noise-gaussian[=MEAN,STD],",
            "  scenes=DIR[:MAPPING], bg-random, bg-same-class, bg-other-class, bg-next-class (each =inpaint or =tile),",
            "  mean[=WIDTHxHEIGHT], only-fg, no-fg, only-bg-b, only-bg-t, mixed-same, mixed-rand, mixed-next,",
            "  correlated=P:GROUPS_FILE.",
            "Rerunning an interrupted run with the same command finishes the variants it had not finished.",
            "Exit codes: 0 every sample written, 3 some samples skipped (listed), 2 invalid input, 1 wrong usage."})
final class AugmentCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AugmentCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    DatasetInput input;

    @Mixin
    EngineOptions engineOptions;

    @Option(names = "--out", required = true, paramLabel = "DIR", converter = DatasetOptions.LocationConverter.class,
            description = "The output folder: empty, or holding an earlier run of this command; a path or a URI, as for --in.")
    Path out;

    @Option(names = "--backgrounds", required = true, paramLabel = "LIST", description = "Comma-separated background methods, one variant each.")
    String backgrounds;

    @Option(names = "--masks", paramLabel = "FILE", converter = DatasetOptions.LocationConverter.class,
            description = "A masks file from 'backdrop masks' or the studio; a path or a URI, as for --in.")
    Path masks;

    @Option(names = "--mask-source", paramLabel = "SOURCE",
            description = "annotations or grabcut when --masks is not given (default: annotations if the dataset has masks, else grabcut).")
    String maskSource;

    @Option(names = "--min-object-pixels", paramLabel = "N", defaultValue = "0",
            description = "Skip samples whose mask has fewer object pixels (default: ${DEFAULT-VALUE}).")
    long minObjectPixels;

    @Option(names = "--min-object-fraction", paramLabel = "F", defaultValue = "0",
            description = "Skip samples whose object covers less of the image, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double minObjectFraction;

    @Option(names = "--curated", paramLabel = "FILE", description = "Keep only the sample ids in this file, one per line.")
    Path curated;

    @Option(names = "--feather", paramLabel = "SIGMA", defaultValue = "0",
            description = "Soften the mask edge with a Gaussian of this sigma in pixels, 0 for a hard edge (default: ${DEFAULT-VALUE}).")
    double feather;

    @Option(names = "--dilate", paramLabel = "PIXELS", defaultValue = "0", description = "Grow each mask by this many pixels first (default: ${DEFAULT-VALUE}).")
    int dilate;

    @Option(names = "--combine", paramLabel = "LIST",
            description = "Also write combined/: these variants joined, comma-separated; 'original' stands for the input's images.")
    String combine;

    @Option(names = "--seed", required = true, paramLabel = "N", description = "The run seed; the same seed gives the same bytes.")
    long seed;

    @Option(names = "--threads", paramLabel = "N", description = "Samples processed at once (default: the number of processors); the output does not depend on it.")
    Integer threads;

    @Option(names = "--json", description = "Print one JSON document: {\"variants\": [{\"name\", \"images\", \"dir\"}], \"skipped\": [{\"file\", \"reason\"}], \"manifest\"}.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (threadCount < 1) {
            throw new InvalidInputException("--threads must be at least 1, got " + threadCount);
        }
        try (DistributedEngine engine = engineOptions.open()) {
            return run(threadCount, engine);
        }
    }

    private int run(int threadCount, DistributedEngine engine) throws InterruptedException {
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        Dataset read = input.read(progress);
        Dataset dataset = ImageValidator.validate(read, new ImageValidator.Options(ReadOptions.DEFAULT_MAX_PIXELS, true, threadCount), progress);
        progress.finish();

        AugmentResult result;
        try {
            MaskFilter filter = new MaskFilter(minObjectPixels, minObjectFraction, Optional.empty());
            if (curated != null) {
                filter = filter.withCuratedList(curated);
            }
            AugmentOptions options = new AugmentOptions(splitBackgrounds(backgrounds), Optional.ofNullable(masks),
                    Optional.ofNullable(maskSource), filter, feather, dilate, combine == null ? List.of() : splitList(combine), seed, threadCount);
            AugmentJob job = new AugmentJob(input.in, dataset, options);
            if (engine != null) {
                job.withEngine(engine.augment());
            }
            result = job.run(out, progress);
        } catch (AugmentException | DatasetException | IllegalArgumentException e) {
            throw new InvalidInputException(e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidInputException("augmentation failed: " + e.getMessage(), e);
        } finally {
            progress.finish();
        }

        List<InvalidSample> skipped = new ArrayList<>(dataset.invalid());
        skipped.addAll(result.skipped());
        skipped.forEach(sample -> LOG.warn("Skipped {}: {}", sample.file(), sample.reason()));
        if (json) {
            JsonOutput.print(spec, document(result, skipped));
        } else {
            for (AugmentResult.Variant variant : result.variants()) {
                LOG.info("{}: {} images in {}", variant.name(), variant.images(), variant.dir());
            }
            LOG.info("Manifest: {}; skipped {} samples", result.manifest(), skipped.size());
        }
        return skipped.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.SKIPPED;
    }

    private static ObjectNode document(AugmentResult result, List<InvalidSample> skipped) {
        ObjectNode root = JsonOutput.mapper().createObjectNode();
        ArrayNode variants = root.putArray("variants");
        for (AugmentResult.Variant variant : result.variants()) {
            variants.addObject().put("name", variant.name()).put("images", variant.images()).put("dir", variant.dir().toAbsolutePath().toString());
        }
        ArrayNode list = root.putArray("skipped");
        skipped.forEach(sample -> list.addObject().put("file", sample.file()).put("reason", sample.reason()));
        root.put("manifest", result.manifest().toAbsolutePath().toString());
        return root;
    }

    /**
     * Splits the background list on commas, keeping the comma inside {@code noise-gaussian=MEAN,STD}: a
     * piece that starts with a digit, sign or point continues the previous method's arguments.
     */
    static List<String> splitBackgrounds(String list) {
        List<String> names = new ArrayList<>();
        for (String piece : list.split(",")) {
            String trimmed = piece.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            boolean continuesArguments = !names.isEmpty() && trimmed.matches("^[-+.0-9].*") && names.get(names.size() - 1).contains("=");
            if (continuesArguments) {
                names.set(names.size() - 1, names.get(names.size() - 1) + "," + trimmed);
            } else {
                names.add(trimmed);
            }
        }
        return names;
    }

    private static List<String> splitList(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty()).toList();
    }
}
