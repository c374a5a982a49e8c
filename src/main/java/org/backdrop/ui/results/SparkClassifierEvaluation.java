package org.backdrop.ui.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.engine.launch.ClassifierDocument;
import org.backdrop.engine.launch.CommandArguments;
import org.backdrop.engine.launch.JobSubmitter;
import org.backdrop.eval.classification.ClassificationMetrics;
import org.backdrop.eval.classification.Prediction;
import org.backdrop.eval.classification.PredictionTable;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifier evaluation run as {@code eval-cls --engine spark}, one submitted job per model with every
 * dataset, and the command's JSON result turned into the same table and confusion matrices as a local run.
 *
 * <p>Each job writes its results folder ({@code --out}) to a temporary folder on this computer, where the
 * driver runs in client mode. Its {@code predictions.csv} gives the flipped samples, found with the calls
 * of a local run, and the folder is deleted once read. The datasets are read here only when some sample
 * flipped, for the viewer's images.
 */
final class SparkClassifierEvaluation {

    private static final Logger LOG = LoggerFactory.getLogger(SparkClassifierEvaluation.class);

    private final JobSubmitter submitter;
    private final String master;
    private final DeviceRequest device;

    SparkClassifierEvaluation(JobSubmitter submitter, String master, DeviceRequest device) {
        this.submitter = submitter;
        this.master = master;
        this.device = device;
    }

    /**
     * Returns the arguments of the job that evaluates {@code model} on {@code variants}, the original first,
     * and writes its results folder to {@code out}.
     */
    List<String> arguments(ModelInput model, List<VariantInput> variants, Path out) {
        return CommandArguments.evalCls(model.model().toAbsolutePath(), model.spec().toAbsolutePath(),
                variants.stream().map(variant -> variant.path().toAbsolutePath()).toList(), device.toString(), ModelOptions.DEFAULT_BATCH_SIZE,
                Optional.of(out.toAbsolutePath()), master);
    }

    /**
     * Submits a job per model and waits for each; the first variant is the original. A cancelled job ends
     * the run with the results of the models before it.
     *
     * @throws IOException when a job fails or prints a result that does not fit the inputs, or no
     *     temporary folder can be made. The message names the model, Spark's state and the folder with
     *     the job's output.
     */
    EvaluationResults run(List<ModelInput> models, List<VariantInput> variants, ProgressListener progress)
            throws IOException, InterruptedException {
        StagedProgress staged = new StagedProgress(progress, models.size());
        List<CellResult> cells = new ArrayList<>();
        List<FlippedSample> flips = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> classNames = List.of();
        LocalDatasets datasets = new LocalDatasets(variants);
        boolean cancelled = false;
        for (int m = 0; m < models.size(); m++) {
            if (progress.isCancelled()) {
                cancelled = true;
                break;
            }
            ModelInput model = models.get(m);
            staged.start(m, model.name() + " on Spark");
            Path resultsFolder = Files.createTempDirectory("backdrop-eval-cls-");
            try {
                JsonNode result;
                try {
                    result = submitter.run("backdrop eval-cls " + model.name(), arguments(model, variants, resultsFolder), staged).requireResult();
                } catch (CancellationException e) {
                    cancelled = true;
                    break;
                } catch (IOException e) {
                    throw new IOException(model.name() + ": " + e.getMessage(), e);
                }
                ClassifierDocument document = read(model, result, variants.size());
                for (int v = 0; v < variants.size(); v++) {
                    ClassifierDocument.DatasetResult dataset = document.datasets().get(v);
                    String variant = variants.get(v).name();
                    cells.add(new CellResult(model.name(), variant, dataset.report(), null));
                    for (InvalidSample sample : dataset.skipped()) {
                        skipped.add(model.name() + " on " + variant + ": " + sample.file() + ": " + sample.reason());
                    }
                }
                if (classNames.isEmpty()) {
                    classNames = document.datasets().get(0).classNames();
                }
                flips.addAll(flips(model, variants, document, resultsFolder.resolve(PredictionTable.FILE_NAME), datasets, staged, skipped));
            } finally {
                deleteFolder(resultsFolder);
            }
        }
        return new EvaluationResults(EvaluationKind.CLASSIFICATION, models.stream().map(ModelInput::name).toList(),
                variants.stream().map(VariantInput::name).toList(), cells, classNames, flips, skipped, cancelled);
    }

    /**
     * Returns the samples that flip between the original and each variant for {@code model}, from the
     * job's predictions file. What keeps a variant's flips from being listed goes to {@code skipped}.
     */
    private static List<FlippedSample> flips(ModelInput model, List<VariantInput> variants, ClassifierDocument document, Path predictionsFile,
            LocalDatasets datasets, ProgressListener progress, List<String> skipped) {
        if (variants.size() < 2) {
            return List.of();
        }
        PredictionTable table;
        try {
            table = PredictionTable.read(predictionsFile);
        } catch (NoSuchFileException e) {
            skipped.add(model.name() + ": no flipped samples: eval-cls on Spark wrote no " + PredictionTable.FILE_NAME
                    + "; a job jar older than the studio writes none, so rebuild backdrop-spark-job.jar");
            return List.of();
        } catch (IOException e) {
            skipped.add(model.name() + ": no flipped samples: " + e.getMessage());
            return List.of();
        }
        // The command names the model by its file name and each dataset as its result does.
        List<Prediction> original = table.predictions(model.name(), document.datasets().get(0).name());
        List<String> classNames = document.datasets().get(0).classNames();
        List<FlippedSample> flipped = new ArrayList<>();
        for (int v = 1; v < variants.size(); v++) {
            String variant = variants.get(v).name();
            List<Prediction> predictions = table.predictions(model.name(), document.datasets().get(v).name());
            if (original.isEmpty() || predictions.isEmpty()) {
                skipped.add(model.name() + " on " + variant + ": no flipped samples: " + predictionsFile.getFileName() + " of the job lists no "
                        + "prediction for " + (original.isEmpty() ? document.datasets().get(0).name() : document.datasets().get(v).name()));
                continue;
            }
            if (!anyFlip(original, predictions)) {
                continue;
            }
            Optional<List<Dataset>> read = datasets.read(progress, model.name() + " on " + variant, skipped);
            if (read.isEmpty()) {
                continue;
            }
            for (FlippedSample sample : ClassifierEvaluation.flips(model.name(), variant, original, predictions, read.get().get(0),
                    read.get().get(v), classNames, skipped)) {
                if (sample.originalSample() == null || sample.variantSample() == null) {
                    skipped.add(model.name() + " on " + variant + ": flipped sample not shown: it is not in the dataset as read on this computer");
                } else {
                    flipped.add(sample);
                }
            }
        }
        return flipped;
    }

    /**
     * Returns whether some sample is right in {@code original} and wrong in {@code variant}. It also returns
     * true when the two cannot be paired, so that the caller reports why.
     */
    private static boolean anyFlip(List<Prediction> original, List<Prediction> variant) {
        try {
            return !ClassificationMetrics.compare(original, variant).flips().isEmpty();
        } catch (IllegalArgumentException e) {
            // ClassifierEvaluation.flips adds the reason to the skipped lines.
            return true;
        }
    }

    /** Reads the command's result, which lists the inputs in the order they were given. */
    private static ClassifierDocument read(ModelInput model, JsonNode result, int inputs) throws IOException {
        ClassifierDocument document;
        try {
            document = ClassifierDocument.read(result);
        } catch (IllegalArgumentException e) {
            throw new IOException(model.name() + ": eval-cls on Spark printed a result that cannot be read: " + e.getMessage(), e);
        }
        if (document.datasets().size() != inputs) {
            throw new IOException(model.name() + ": eval-cls on Spark reported " + document.datasets().size() + " datasets for " + inputs + " inputs");
        }
        return document;
    }

    /** Deletes a job's results folder and its files. A file that cannot be deleted is logged and left. */
    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete the eval-cls results folder {}: {}", folder, e.getMessage());
        }
    }

    /** The datasets, read on this computer the first time a flipped sample needs their images. */
    private static final class LocalDatasets {
        private final List<VariantInput> variants;
        private List<Dataset> datasets;
        private boolean failed;

        LocalDatasets(List<VariantInput> variants) {
            this.variants = variants;
        }

        /** Returns the datasets in input order, or empty (with a line in {@code skipped}) when one cannot be read. */
        Optional<List<Dataset>> read(ProgressListener progress, String context, List<String> skipped) {
            if (datasets == null && !failed) {
                List<Dataset> read = new ArrayList<>();
                try {
                    for (VariantInput variant : variants) {
                        read.add(ClassifierEvaluation.read(variant, progress));
                    }
                    datasets = read;
                } catch (EvaluationException e) {
                    failed = true;
                    skipped.add(context + ": flipped samples not shown: " + e.getMessage());
                }
            }
            return Optional.ofNullable(datasets);
        }
    }
}
