package org.backdrop.ui.training;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.DatasetException;
import org.backdrop.dataset.DatasetReaders;
import org.backdrop.dataset.ReadOptions;
import org.backdrop.ProgressListener;
import org.backdrop.train.Architecture;
import org.backdrop.train.ClassifierTrainer;
import org.backdrop.train.EpochMetrics;
import org.backdrop.train.LearningRateSchedule;
import org.backdrop.train.RunMetrics;
import org.backdrop.train.TestSet;
import org.backdrop.train.TrainingException;
import org.backdrop.train.TrainingOptions;
import org.backdrop.train.TrainingResult;
import org.backdrop.train.TrainingSource;
import org.backdrop.ui.task.ProgressTask;

/**
 * The training screen's state: the training mix with weights, the test sets, the settings of
 * {@code backdrop train}, and the runs whose curves the charts show. Training goes through
 * {@link ClassifierTrainer#train} with the same momentum, weight decay and augmentation defaults as
 * the command. Change it on the JavaFX thread.
 */
public final class TrainingViewModel {

    /** SGD momentum, as {@code backdrop train} uses by default. */
    static final float MOMENTUM = 0.9f;

    /** L2 weight decay, as {@code backdrop train} uses by default. */
    static final float WEIGHT_DECAY = 1e-4f;

    private final Executor fxThread;
    private final ObservableList<TrainingInput> sources = FXCollections.observableArrayList();
    private final ObservableList<Path> tests = FXCollections.observableArrayList();
    private final ObjectProperty<Architecture> architecture = new SimpleObjectProperty<>(Architecture.RESNET20);
    private final ObjectProperty<LearningRateSchedule.Kind> schedule = new SimpleObjectProperty<>(LearningRateSchedule.Kind.STEP);
    private final IntegerProperty epochs = new SimpleIntegerProperty(30);
    private final IntegerProperty batchSize = new SimpleIntegerProperty(128);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(0.1);
    private final IntegerProperty seed = new SimpleIntegerProperty(0);
    private final BooleanProperty augment = new SimpleBooleanProperty(true);
    private final BooleanProperty resume = new SimpleBooleanProperty(false);
    private final ObjectProperty<Path> out = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> transferFrom = new SimpleObjectProperty<>();
    private final IntegerProperty freezeEpochs = new SimpleIntegerProperty(0);
    private final ObservableList<RunCurves> runs = FXCollections.observableArrayList();
    private Path lastRunFolder;
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("Add training datasets and an output folder, then train.");

    /** Creates a model that delivers epochs to the charts on the JavaFX thread. */
    public TrainingViewModel() {
        this(Platform::runLater);
    }

    /** Creates a model that delivers epochs through {@code fxThread}, such as a direct executor in tests. */
    public TrainingViewModel(Executor fxThread) {
        this.fxThread = fxThread;
    }

    /** Returns the training mix: dataset folders with weights. */
    public ObservableList<TrainingInput> sources() {
        return sources;
    }

    /** Returns the dataset folders measured after every epoch, such as the original test set and its variants. */
    public ObservableList<Path> tests() {
        return tests;
    }

    public ObjectProperty<Architecture> architectureProperty() {
        return architecture;
    }

    public ObjectProperty<LearningRateSchedule.Kind> scheduleProperty() {
        return schedule;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty batchSizeProperty() {
        return batchSize;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public IntegerProperty seedProperty() {
        return seed;
    }

    /** Returns whether training images get the random padded crop and horizontal flip. */
    public BooleanProperty augmentProperty() {
        return augment;
    }

    /** Returns whether to continue from the output folder's last checkpoint. */
    public BooleanProperty resumeProperty() {
        return resume;
    }

    /** Returns the run folder; null until chosen. */
    public ObjectProperty<Path> outProperty() {
        return out;
    }

    /** Returns the runs in the charts: earlier runs loaded for comparison and those started here. */
    public ObservableList<RunCurves> runs() {
        return runs;
    }

    /** Returns a line about the last run, or what to do before the first. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Adds a training dataset drawn {@code weight} times per epoch. */
    public void addSource(Path path, double weight) {
        sources.add(new TrainingInput(path, weight));
    }

    /**
     * Returns the options of a run with the current settings.
     *
     * @throws IllegalStateException if no training dataset or output folder is chosen
     * @throws IllegalArgumentException if a setting is out of range; the message names it
     */
    public TrainingOptions options() {
        if (sources.isEmpty()) {
            throw new IllegalStateException("Add at least one training dataset.");
        }
        if (out.get() == null) {
            throw new IllegalStateException("Choose an output folder for the run.");
        }
        boolean fineTune = architecture.get() == Architecture.TORCHSCRIPT;
        if (fineTune && transferFrom.get() == null) {
            throw new IllegalStateException("Choose the TorchScript file to fine-tune.");
        }
        return new TrainingOptions(architecture.get(), epochs.get(), batchSize.get(), (float) learningRate.get(), schedule.get(), MOMENTUM,
                WEIGHT_DECAY, seed.get(), augment.get(), out.get(), resume.get(), fineTune ? transferFrom.get() : null,
                fineTune ? freezeEpochs.get() : 0);
    }

    /** Returns the TorchScript classifier to fine-tune when the model is {@link Architecture#TORCHSCRIPT}; null until chosen. */
    public ObjectProperty<Path> transferFromProperty() {
        return transferFrom;
    }

    /** Returns the number of first epochs that train only the new head when fine-tuning a TorchScript model. */
    public IntegerProperty freezeEpochsProperty() {
        return freezeEpochs;
    }

    /**
     * Returns a task that reads the datasets and trains with the current settings. Its epochs appear in a
     * new live run of {@link #runs()} as they finish. Run it with the session's task runner and pass its
     * value to {@link #apply}.
     *
     * @throws IllegalStateException or IllegalArgumentException as {@link #options()}
     */
    public ProgressTask<TrainingResult> trainTask() {
        TrainingOptions options = options();
        List<TrainingInput> chosenSources = List.copyOf(sources);
        List<Path> chosenTests = List.copyOf(tests);
        RunCurves live = new RunCurves(runName(options.out()), options.out(), true);
        lastRunFolder = options.out();
        if (options.resume()) {
            loadEarlierEpochs(live);
        }
        runs.add(live);
        return new ProgressTask<>("Training " + options.architecture().cliName() + " in " + live.name(), progress -> {
            List<TrainingSource> training = new ArrayList<>();
            for (TrainingInput input : chosenSources) {
                training.add(new TrainingSource(input.path().toString(), read(input.path(), progress), TrainingSource.Share.weight(input.weight())));
            }
            List<TestSet> testSets = new ArrayList<>();
            for (Path test : chosenTests) {
                testSets.add(new TestSet(test.toString(), read(test, progress)));
            }
            return ClassifierTrainer.train(training, testSets, options, progress, metrics -> fxThread.execute(() -> live.epochs().add(metrics)));
        });
    }

    /** Shows how {@code result} ended in the summary line. */
    public void apply(TrainingResult result) {
        String ending = result.cancelled()
                ? "cancelled after " + result.completedEpochs() + " epochs; the last checkpoint stays in " + result.out()
                : result.completedEpochs() + " epochs; model spec " + result.model().map(Path::toString).orElse("none");
        summary.set("Trained on " + result.device() + ": " + ending
                + result.lastEpoch().map(last -> String.format(java.util.Locale.ROOT, "; final loss %.4f, train accuracy %.2f%%",
                        last.trainLoss(), 100 * last.trainAccuracy())).orElse(""));
    }

    /** Shows that the run was cancelled: the trainer stops after the current batch and keeps the last checkpoint. */
    public void cancelled() {
        summary.set("Training cancelled; the checkpoint of the last finished epoch stays in " + lastRunFolder
                + ". Tick \"Resume from the last checkpoint\" to continue.");
    }

    /** Shows that the run failed with {@code error}. */
    public void failed(Throwable error) {
        summary.set("Training failed: " + error.getMessage());
    }

    /**
     * Adds the run in {@code folder} to the charts, read from its {@code metrics.jsonl}.
     *
     * @throws IOException if the file is missing or damaged; the message names it
     */
    public RunCurves loadRun(Path folder) throws IOException {
        List<EpochMetrics> read = RunMetrics.read(folder);
        RunCurves run = new RunCurves(runName(folder), folder, false);
        run.epochs().setAll(read);
        runs.add(run);
        return run;
    }

    /** Returns a loss line per run: the mean training loss of each epoch. */
    public List<CurveSeries> lossSeries() {
        List<CurveSeries> series = new ArrayList<>();
        for (RunCurves run : runs) {
            series.add(line(run.name() + " · train loss", run.epochs(), EpochMetrics::trainLoss));
        }
        return series;
    }

    /** Returns accuracy lines per run: training accuracy, then each test set in the order the run measured them. */
    public List<CurveSeries> accuracySeries() {
        List<CurveSeries> series = new ArrayList<>();
        for (RunCurves run : runs) {
            series.add(line(run.name() + " · train", run.epochs(), EpochMetrics::trainAccuracy));
            Set<String> testNames = new LinkedHashSet<>();
            run.epochs().forEach(epoch -> testNames.addAll(epoch.testAccuracy().keySet()));
            for (String test : testNames) {
                series.add(line(run.name() + " · test " + shortName(test), run.epochs(), epoch -> epoch.testAccuracy().getOrDefault(test, Double.NaN)));
            }
        }
        return series;
    }

    private void loadEarlierEpochs(RunCurves live) {
        try {
            live.epochs().setAll(RunMetrics.read(live.folder()));
        } catch (IOException e) {
            // A run folder without metrics has nothing to show yet; the trainer reports a missing checkpoint.
            live.epochs().clear();
        }
    }

    private static Dataset read(Path path, ProgressListener progress) throws TrainingException {
        try {
            return DatasetReaders.detect(path).read(path, ReadOptions.defaults(), progress);
        } catch (DatasetException e) {
            throw new TrainingException(path + ": cannot be read as a dataset: " + e.getMessage(), e);
        }
    }

    private static CurveSeries line(String name, List<EpochMetrics> epochs, java.util.function.ToDoubleFunction<EpochMetrics> value) {
        List<Integer> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (EpochMetrics epoch : epochs) {
            double v = value.applyAsDouble(epoch);
            if (!Double.isNaN(v)) {
                x.add(epoch.epoch());
                y.add(v);
            }
        }
        return new CurveSeries(name, x, y);
    }

    private static String runName(Path folder) {
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return name == null ? folder.toString() : name.toString();
    }

    /** Returns the last element of a test set's path as written in the metrics, which may come from another system. */
    private static String shortName(String test) {
        String trimmed = test.replaceAll("[/\\\\]+$", "");
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return slash < 0 || slash == trimmed.length() - 1 ? test : trimmed.substring(slash + 1);
    }
}
