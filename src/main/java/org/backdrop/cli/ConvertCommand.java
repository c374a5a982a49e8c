package org.backdrop.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetFormat;
import org.backdrop.dataset.DatasetImages;
import org.backdrop.dataset.DatasetWriters;
import org.backdrop.dataset.ImageValidator;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.dataset.WriteReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backdrop convert --in PATH --to FORMAT --out DIR}: writes a dataset in another layout. */
@Command(
        name = "convert",
        description = "Convert a dataset between CIFAR-10 binary, PASCAL VOC, COCO and image folders. "
                + "Category ids and names are kept; VOC boxes use the devkit's 1-based inclusive corners.",
        footer = {"", "Exit codes: 0 all samples written, 3 some samples skipped (listed), 2 invalid input."})
final class ConvertCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ConvertCommand.class);

    @Spec
    CommandSpec spec;

    @Mixin
    LoggingOptions logging;

    @Mixin
    DatasetInput input;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", converter = TargetConverter.class,
            description = "The output layout: coco, voc, cifar10-binary or folder.")
    DatasetFormat target;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "The output folder; nothing is written outside it.")
    Path out;

    @Option(names = "--json", description = "Print one JSON document: {\"format\", \"out\", \"written\", \"skipped\": [{\"file\", \"reason\"}]}.")
    boolean json;

    /** Accepts the output names of {@code --to}. */
    static final class TargetConverter implements ITypeConverter<DatasetFormat> {
        @Override
        public DatasetFormat convert(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "coco" -> DatasetFormat.COCO;
                case "voc" -> DatasetFormat.VOC;
                case "cifar10-binary", "cifar10" -> DatasetFormat.CIFAR10;
                case "folder" -> DatasetFormat.FOLDER;
                default -> throw new IllegalArgumentException("unknown output format '" + value + "'; expected coco, voc, cifar10-binary or folder");
            };
        }
    }

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new InvalidInputException(out + ": --out must be a folder, but a file of that name exists");
        }
        ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr());
        Dataset read = input.read(progress);
        // A file that is truncated or not an image would be copied as it is; check every image first.
        Dataset dataset = ImageValidator.validate(read, ImageValidator.Options.defaults(), progress);

        List<InvalidSample> skipped = new ArrayList<>(dataset.invalid());
        int written;
        try {
            WriteReport report = DatasetWriters.forFormat(target).writeWithReport(dataset, new DatasetImages(), out, progress);
            written = report.written();
            skipped.addAll(report.skipped());
        } catch (DatasetException e) {
            throw new InvalidInputException(e.getMessage(), e);
        } finally {
            progress.finish();
        }

        for (InvalidSample sample : skipped) {
            LOG.warn("Skipped {}: {}", sample.file(), sample.reason());
        }
        if (json) {
            ObjectNode document = JsonOutput.mapper().createObjectNode();
            document.put("format", target.cliName());
            document.put("out", out.toAbsolutePath().toString());
            document.put("written", written);
            ArrayNode list = document.putArray("skipped");
            skipped.forEach(sample -> list.addObject().put("file", sample.file()).put("reason", sample.reason()));
            JsonOutput.print(spec, document);
        } else {
            LOG.info("Wrote {} samples as {} to {}; skipped {}", written, target.cliName(), out.toAbsolutePath(), skipped.size());
        }
        return skipped.isEmpty() ? ExitCodes.SUCCESS : ExitCodes.SKIPPED;
    }
}
