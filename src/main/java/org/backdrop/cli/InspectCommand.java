package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetSummary;
import org.backdrop.dataset.ImageValidator;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.ReadOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code backdrop inspect PATH}: reads a dataset, checks every image and prints counts and faults. */
@Command(
        name = "inspect",
        description = "Read a dataset, check every image, and print its counts and every invalid sample.",
        footer = {"", "Exit codes: 0 nothing invalid, 3 some samples invalid (listed), 2 the dataset cannot be read."})
final class InspectCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(InspectCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Parameters(paramLabel = "PATH", description = "The dataset folder, or a COCO annotation file.")
    Path path;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto", converter = DatasetOptions.FormatConverter.class,
            description = "auto, cifar10, voc, coco or folder (default: ${DEFAULT-VALUE}).")
    DatasetFormat format;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Option(names = "--headers-only", description = "Read only image headers instead of decoding every image: faster, but truncated and corrupt files go unnoticed.")
    boolean headersOnly;

    @Option(names = "--annotations-only", description = "Check annotations only, not image files: for annotation files whose images are elsewhere.")
    boolean annotationsOnly;

    @Option(names = "--max-pixels", paramLabel = "N", description = "Images declaring more pixels are invalid (default: 16384 x 16384 = ${DEFAULT-VALUE}).",
            defaultValue = "268435456")
    long maxPixels;

    @Option(names = "--threads", paramLabel = "N", description = "Images checked at once (default: the number of processors).")
    Integer threads;

    @Override
    public Integer call() throws InterruptedException {
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        Dataset read = DatasetOptions.read(path, format, new ReadOptions(maxPixels), progress);
        int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Dataset checked = annotationsOnly
                ? read
                : ImageValidator.validate(read, new ImageValidator.Options(maxPixels, !headersOnly, threadCount), progress);
        progress.finish();

        DatasetSummary summary = DatasetSummary.of(checked);
        if (json) {
            JsonOutput.print(spec, document(checked, summary));
        } else {
            printText(spec.commandLine().getOut(), checked, summary);
        }
        for (InvalidSample invalid : checked.invalid()) {
            LOG.warn("Invalid: {}: {}", invalid.file(), invalid.reason());
        }
        return checked.invalid().isEmpty() ? ExitCodes.SUCCESS : ExitCodes.SKIPPED;
    }

    private static ObjectNode document(Dataset dataset, DatasetSummary summary) {
        ObjectNode root = JsonOutput.mapper().createObjectNode();
        root.put("format", dataset.format().cliName());
        root.put("root", dataset.root().toString());
        root.put("images", summary.images());
        root.put("annotations", summary.annotations());
        root.put("crowd", summary.crowd());
        root.put("withMasks", summary.withMasks());
        ArrayNode categories = root.putArray("categories");
        for (DatasetSummary.CategoryCount category : summary.categories()) {
            categories.addObject().put("id", category.id()).put("name", category.name()).put("annotations", category.annotations());
        }
        ArrayNode invalid = root.putArray("invalid");
        for (InvalidSample sample : dataset.invalid()) {
            invalid.addObject().put("file", sample.file()).put("reason", sample.reason());
        }
        return root;
    }

    private static void printText(PrintWriter out, Dataset dataset, DatasetSummary summary) {
        out.printf("%s dataset at %s%n", dataset.format().cliName(), dataset.root());
        out.printf("  images:      %d%n", summary.images());
        out.printf("  annotations: %d (%d crowd, %d with masks)%n", summary.annotations(), summary.crowd(), summary.withMasks());
        out.printf("  categories:  %d%n", summary.categories().size());
        for (DatasetSummary.CategoryCount category : summary.categories()) {
            out.printf("    %6d  %-24s %d%n", category.id(), category.name(), category.annotations());
        }
        out.printf("  invalid:     %d%n", dataset.invalid().size());
        for (InvalidSample sample : dataset.invalid()) {
            out.printf("    %s: %s%n", sample.file(), sample.reason());
        }
        out.flush();
    }
}
