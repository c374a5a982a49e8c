package org.backdrop.ui.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.augment.AugmentOptions;
import org.backdrop.augment.AugmentResult;
import org.backdrop.dataset.Dataset;
import org.backdrop.engine.launch.AugmentDocument;
import org.backdrop.engine.launch.CommandArguments;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.engine.launch.SparkJobSubmitter;
import org.backdrop.mask.Rle;

/**
 * An export run as {@code augment --engine spark} submitted to a Spark installation: the session's masks
 * and the accepted sample ids go to the command through temporary files, and its JSON result becomes the
 * same summary as a local export.
 */
final class SparkExport {

    private SparkExport() {}

    /**
     * Submits the export and waits for it to end.
     *
     * @throws CancellationException when the user cancelled the job
     * @throws IOException when the job failed, with Spark's state, the log folder and the last error lines
     */
    static ExportViewModel.Summary run(Dataset dataset, Map<String, Rle> masks, Path out, AugmentOptions chosen, SparkInstallation installation,
            ProgressListener progress) throws IOException, InterruptedException {
        List<Path> temporary = new ArrayList<>();
        try {
            Optional<Path> masksFile = Optional.empty();
            if (!masks.isEmpty()) {
                masksFile = Optional.of(ExportViewModel.writeMasks(dataset, masks));
                temporary.add(masksFile.get());
            }
            Optional<Path> curatedFile = Optional.empty();
            if (chosen.filter().curatedIds().isPresent()) {
                Path file = Files.createTempFile("backdrop-curated-", ".txt");
                temporary.add(file);
                Files.write(file, chosen.filter().curatedIds().get().stream().sorted().toList());
                curatedFile = Optional.of(file);
            }
            // NOTE: for a COCO dataset the command reads the image folder that the studio opened. This works only when
            // the annotation file lies in that folder, because the studio does not keep the annotation file's path.
            List<String> arguments = CommandArguments.augment(dataset.root(), dataset.format(), out,
                    ExportViewModel.withMasks(chosen, masksFile.orElse(null)), curatedFile, installation.master());
            SparkJobSubmitter.Outcome outcome = new SparkJobSubmitter(installation).run("backdrop augment " + out.getFileName(), arguments, progress);
            return summary(outcome);
        } finally {
            for (Path file : temporary) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Returns the summary of a job that succeeded with a result, and throws for any other end. */
    static ExportViewModel.Summary summary(SparkJobSubmitter.Outcome outcome) throws IOException {
        JsonNode document = outcome.requireResult();
        try {
            AugmentResult result = AugmentDocument.read(document);
            return new ExportViewModel.Summary(result, result.skipped());
        } catch (IllegalArgumentException e) {
            throw new IOException("Export on Spark printed an unreadable result: " + e.getMessage(), e);
        }
    }
}
