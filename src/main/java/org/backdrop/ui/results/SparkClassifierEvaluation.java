package org.backdrop.ui.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.engine.launch.ClassifierDocument;
import org.backdrop.engine.launch.CommandArguments;
import org.backdrop.engine.launch.JobSubmitter;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;

/**
 * Classifier evaluation run as {@code eval-cls --engine spark}, one submitted job per model with every
 * dataset, and the command's JSON result turned into the same table and confusion matrices as a local run.
 *
 * <p>The flipped samples are not listed: the command reports their ids, but not the class each sample was
 * predicted as, which the viewer shows. {@link EvaluationResults#flipsNote()} of the results states this.
 */
final class SparkClassifierEvaluation {

    /** The reason a run on Spark lists no flipped samples, shown in place of the list. */
    static final String FLIPS_NOTE = "Flipped samples are listed only for runs on this computer: eval-cls on Spark reports their ids, "
            + "not the class each one was predicted as.";

    private final JobSubmitter submitter;
    private final String master;
    private final DeviceRequest device;

    SparkClassifierEvaluation(JobSubmitter submitter, String master, DeviceRequest device) {
        this.submitter = submitter;
        this.master = master;
        this.device = device;
    }

    /** Returns the arguments of the job that evaluates {@code model} on {@code variants}, the original first. */
    List<String> arguments(ModelInput model, List<VariantInput> variants) {
        return CommandArguments.evalCls(model.model().toAbsolutePath(), model.spec().toAbsolutePath(),
                variants.stream().map(variant -> variant.path().toAbsolutePath()).toList(), device.toString(), ModelOptions.DEFAULT_BATCH_SIZE,
                master);
    }

    /**
     * Submits a job per model and waits for each; the first variant is the original. A cancelled job ends
     * the run with the results of the models before it.
     *
     * @throws IOException when a job fails or prints a result that does not fit the inputs. The message
     *     names the model, Spark's state and the folder with the job's output.
     */
    EvaluationResults run(List<ModelInput> models, List<VariantInput> variants, ProgressListener progress)
            throws IOException, InterruptedException {
        StagedProgress staged = new StagedProgress(progress, models.size());
        List<CellResult> cells = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<String> classNames = List.of();
        boolean cancelled = false;
        for (int m = 0; m < models.size(); m++) {
            if (progress.isCancelled()) {
                cancelled = true;
                break;
            }
            ModelInput model = models.get(m);
            staged.start(m, model.name() + " on Spark");
            JsonNode result;
            try {
                result = submitter.run("backdrop eval-cls " + model.name(), arguments(model, variants), staged).requireResult();
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
        }
        return new EvaluationResults(EvaluationKind.CLASSIFICATION, models.stream().map(ModelInput::name).toList(),
                variants.stream().map(VariantInput::name).toList(), cells, classNames, List.of(), skipped, cancelled, FLIPS_NOTE);
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
}
