package org.backdrop.ui.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backdrop.dataset.AtomicFiles;
import org.backdrop.engine.launch.JobSubmitter;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.engine.launch.SparkJobSubmitter;
import org.backdrop.eval.coco.CocoEvaluation;
import org.backdrop.model.DeviceRequest;
import org.backdrop.model.ModelOptions;
import org.backdrop.ui.cluster.RunOn;
import org.backdrop.ui.task.ProgressTask;

/**
 * The evaluation screen's state: the models or detection results files, the original dataset and its
 * variants, and the results of the last run with the model and variant whose details the charts show.
 * Change it on the JavaFX thread; the run itself happens in the task from {@link #evaluateTask()}.
 */
public final class EvaluationViewModel {

    /** Returns the detection numbers the table can show, named as in {@code CocoSummary.NAMES}. */
    public static final List<String> DETECTION_METRICS = List.of("AP", "AP50", "AP75");

    /** The IoU threshold of the precision-recall curves. */
    public static final double CURVE_IOU = 0.5;

    private final ClassifierFiles.Opener opener;
    private final Function<SparkInstallation, JobSubmitter> submitters;
    private final ObjectProperty<RunOn> runOn = new SimpleObjectProperty<>(RunOn.THIS_COMPUTER);
    private final ObjectProperty<Optional<SparkInstallation>> spark = new SimpleObjectProperty<>(Optional.empty());
    private final ObjectProperty<EvaluationKind> kind = new SimpleObjectProperty<>(EvaluationKind.CLASSIFICATION);
    private final ObservableList<ModelInput> models = FXCollections.observableArrayList();
    private final ObservableList<DetectionsInput> detections = FXCollections.observableArrayList();
    private final ObservableList<VariantInput> variants = FXCollections.observableArrayList();
    private final ObjectProperty<DeviceRequest> device = new SimpleObjectProperty<>(DeviceRequest.AUTO);
    private final StringProperty detectionMetric = new SimpleStringProperty("AP");
    private final ReadOnlyObjectWrapper<EvaluationResults> results = new ReadOnlyObjectWrapper<>();
    private final StringProperty selectedModel = new SimpleStringProperty();
    private final StringProperty selectedVariant = new SimpleStringProperty();
    private final ObservableList<FlippedSample> visibleFlips = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Add models and datasets, then run the evaluation.");

    /** Creates a model that opens classifiers with {@link ClassifierFiles#open}. */
    public EvaluationViewModel() {
        this(ClassifierFiles::open);
    }

    /** Creates a model that opens classifiers with {@code opener} and submits Spark jobs with {@link SparkJobSubmitter}. */
    public EvaluationViewModel(ClassifierFiles.Opener opener) {
        this(opener, SparkJobSubmitter::new);
    }

    /**
     * Creates a model that opens classifiers with {@code opener} and runs classifier evaluation on a Spark
     * installation through the submitter that {@code submitters} returns for it.
     */
    public EvaluationViewModel(ClassifierFiles.Opener opener, Function<SparkInstallation, JobSubmitter> submitters) {
        this.opener = opener;
        this.submitters = submitters;
        selectedModel.addListener((observable, before, after) -> updateFlips());
        selectedVariant.addListener((observable, before, after) -> updateFlips());
        kind.addListener((observable, before, after) -> variants.clear());
    }

    public ObjectProperty<EvaluationKind> kindProperty() {
        return kind;
    }

    /** Returns the classifiers to evaluate, each a row of the table. */
    public ObservableList<ModelInput> models() {
        return models;
    }

    /** Returns the COCO results files to evaluate. */
    public ObservableList<DetectionsInput> detections() {
        return detections;
    }

    /** Returns the original (first) and its variants: dataset folders, or COCO ground truth files for detections. */
    public ObservableList<VariantInput> variants() {
        return variants;
    }

    /**
     * Returns the machine classifiers run on; the Spark cluster needs {@link #sparkProperty()} to hold an
     * installation. Detection results files are always evaluated on this computer: that needs no model.
     */
    public ObjectProperty<RunOn> runOnProperty() {
        return runOn;
    }

    /** Returns the configured Spark installation, empty when classifiers can run on this computer only. */
    public ObjectProperty<Optional<SparkInstallation>> sparkProperty() {
        return spark;
    }

    public ObjectProperty<DeviceRequest> deviceProperty() {
        return device;
    }

    /** Returns which of {@link #DETECTION_METRICS} the table and bar chart show for detections. */
    public StringProperty detectionMetricProperty() {
        return detectionMetric;
    }

    /** Returns the results of the last run; null before the first. */
    public ReadOnlyObjectProperty<EvaluationResults> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    /** Returns the model whose confusion matrix, curves and flipped samples show. */
    public StringProperty selectedModelProperty() {
        return selectedModel;
    }

    /** Returns the variant whose confusion matrix, curves and flipped samples show. */
    public StringProperty selectedVariantProperty() {
        return selectedVariant;
    }

    /** Returns the samples that the selected model gets right on the original and wrong on the selected variant. */
    public ObservableList<FlippedSample> visibleFlips() {
        return visibleFlips;
    }

    /** Returns a line about the last run, or what to do before the first. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Returns whether the inputs are complete enough to run. */
    public BooleanBinding readyProperty() {
        return Bindings.createBooleanBinding(() -> kind.get() == EvaluationKind.CLASSIFICATION
                ? !models.isEmpty() && !variants.isEmpty()
                : !detections.isEmpty() && !variants.isEmpty(), kind, models, detections, variants);
    }

    /** Adds a classifier with its spec file. */
    public void addModel(Path model, Path spec) {
        models.add(new ModelInput(model, spec));
    }

    /**
     * Adds a dataset named after its folder or file; the first one added is the original. A name that is
     * already taken gets a number.
     */
    public void addVariant(Path path) {
        VariantInput input = VariantInput.of(path);
        String name = input.name();
        for (int n = 2; nameTaken(name); n++) {
            name = input.name() + " (" + n + ")";
        }
        variants.add(new VariantInput(name, path));
    }

    /** Adds a results file of {@code detector} on the variant named {@code variant}. */
    public void addDetections(Path file, String detector, String variant) {
        detections.add(new DetectionsInput(detector, variant, file));
    }

    /**
     * Returns a task that evaluates the current inputs. Run it with the session's task runner and pass
     * its value to {@link #apply}.
     *
     * @throws IllegalStateException if models, results files or datasets are missing, or the Spark cluster
     *     is chosen without an installation; the message names what to do
     */
    public ProgressTask<EvaluationResults> evaluateTask() {
        ProgressTask.Work<EvaluationResults> work = evaluation();
        String inputs = kind.get() == EvaluationKind.CLASSIFICATION
                ? models.size() + " model(s) on " + variants.size() + " dataset(s)" + (runOn.get() == RunOn.SPARK_CLUSTER ? " on Spark" : "")
                : detections.size() + " results file(s)";
        return new ProgressTask<>("Evaluating " + inputs, work);
    }

    /**
     * Returns the work of {@link #evaluateTask()}, with the inputs taken now, to run on any thread.
     *
     * @throws IllegalStateException as {@link #evaluateTask()}
     */
    public ProgressTask.Work<EvaluationResults> evaluation() {
        List<VariantInput> chosenVariants = List.copyOf(variants);
        if (kind.get() == EvaluationKind.CLASSIFICATION) {
            List<ModelInput> chosenModels = List.copyOf(models);
            if (chosenModels.isEmpty() || chosenVariants.isEmpty()) {
                throw new IllegalStateException("Add at least one classifier and the original dataset before running.");
            }
            if (runOn.get() == RunOn.SPARK_CLUSTER) {
                SparkInstallation installation = spark.get().orElseThrow(() -> new IllegalStateException(
                        "No Spark installation is set up; set one in Edit › Spark cluster…, or run on this computer."));
                SparkClassifierEvaluation evaluation = new SparkClassifierEvaluation(submitters.apply(installation), installation.master(),
                        device.get());
                return progress -> evaluation.run(chosenModels, chosenVariants, progress);
            }
            ClassifierEvaluation evaluation = new ClassifierEvaluation(opener, ModelOptions.defaults().withDevice(device.get()));
            return progress -> evaluation.run(chosenModels, chosenVariants, progress);
        }
        List<DetectionsInput> chosenDetections = List.copyOf(detections);
        if (chosenDetections.isEmpty() || chosenVariants.isEmpty()) {
            throw new IllegalStateException("Add at least one results file and the original's ground truth before running.");
        }
        return progress -> DetectionEvaluation.run(chosenDetections, chosenVariants, progress);
    }

    /** Shows {@code evaluated}: selects its first model and last variant and updates the summary. */
    public void apply(EvaluationResults evaluated) {
        // The selection comes first, so views that redraw when the results change find it in place.
        selectedModel.set(evaluated.models().isEmpty() ? null : evaluated.models().get(0));
        selectedVariant.set(evaluated.variants().isEmpty() ? null : evaluated.variants().get(evaluated.variants().size() - 1));
        results.set(evaluated);
        updateFlips();
        long flips = evaluated.flips().size();
        summary.set(evaluated.cells().size() + " results" + (evaluated.cancelled() ? " (cancelled before the end)" : "")
                + (evaluated.kind() == EvaluationKind.CLASSIFICATION ? "; " + flips + " flipped samples" : "")
                + (evaluated.skipped().isEmpty() ? "" : "; " + evaluated.skipped().size() + " skipped"));
    }

    /** Returns the name of the number the table shows: accuracy or one of {@link #DETECTION_METRICS}. */
    public String metricName() {
        EvaluationResults current = results.get();
        boolean detection = current == null ? kind.get() == EvaluationKind.DETECTION : current.kind() == EvaluationKind.DETECTION;
        return detection ? detectionMetric.get() : "Accuracy";
    }

    /**
     * Returns the number the table shows for {@code model} on {@code variant}, from 0 to 1: accuracy, or
     * the chosen COCO number. NaN when there is no result, and -1 where COCO has no counted object.
     */
    public double value(String model, String variant) {
        EvaluationResults current = results.get();
        if (current == null) {
            return Double.NaN;
        }
        Optional<CellResult> cell = current.cell(model, variant);
        if (cell.isEmpty()) {
            return Double.NaN;
        }
        if (cell.get().classification() != null) {
            return cell.get().classification().accuracy();
        }
        return cell.get().detection().summary().stat(detectionMetric.get());
    }

    /** Returns the selected model's confusion matrix on the selected variant, {@code [true][predicted]}, or empty. */
    public Optional<long[][]> selectedConfusion() {
        return selectedCell().filter(cell -> cell.classification() != null).map(cell -> cell.classification().confusion().toArray());
    }

    /**
     * Returns the precision-recall curve at IoU {@value #CURVE_IOU} of {@code model} on {@code variant},
     * averaged over categories, as {@code [recall thresholds, precision]}; empty without a detection result.
     */
    public Optional<double[][]> precisionRecall(String model, String variant) {
        EvaluationResults current = results.get();
        if (current == null) {
            return Optional.empty();
        }
        return current.cell(model, variant).filter(cell -> cell.detection() != null).map(cell -> {
            CocoEvaluation evaluation = cell.detection();
            return new double[][] {evaluation.params().recallThresholds(), evaluation.precisionRecallCurve(CURVE_IOU, -1)};
        });
    }

    /** Returns the table as CSV: a header of {@code model} and the variant names, then a row per model with numbers from 0 to 1. */
    public String tableCsv() {
        EvaluationResults current = results.get();
        if (current == null) {
            return "";
        }
        StringBuilder csv = new StringBuilder(csvField("model"));
        current.variants().forEach(variant -> csv.append(',').append(csvField(variant)));
        csv.append('\n');
        for (String model : current.models()) {
            csv.append(csvField(model));
            for (String variant : current.variants()) {
                double value = value(model, variant);
                csv.append(',').append(Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.6f", value));
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Writes {@link #tableCsv()} to {@code file}, replacing it whole or not at all. */
    public void writeTableCsv(Path file) throws IOException {
        AtomicFiles.write(file, tableCsv().getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the class names of the confusion matrix, or an empty list. */
    public List<String> classNames() {
        EvaluationResults current = results.get();
        return current == null ? List.of() : current.classNames();
    }

    private Optional<CellResult> selectedCell() {
        EvaluationResults current = results.get();
        if (current == null || selectedModel.get() == null || selectedVariant.get() == null) {
            return Optional.empty();
        }
        return current.cell(selectedModel.get(), selectedVariant.get());
    }

    private void updateFlips() {
        EvaluationResults current = results.get();
        List<FlippedSample> matching = new ArrayList<>();
        if (current != null) {
            for (FlippedSample flip : current.flips()) {
                if (flip.model().equals(selectedModel.get()) && flip.variant().equals(selectedVariant.get())) {
                    matching.add(flip);
                }
            }
        }
        visibleFlips.setAll(matching);
    }

    private boolean nameTaken(String name) {
        return variants.stream().anyMatch(variant -> variant.name().equals(name));
    }

    private static String csvField(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
