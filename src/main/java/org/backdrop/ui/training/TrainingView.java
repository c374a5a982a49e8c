package org.backdrop.ui.training;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.converter.DoubleStringConverter;
import org.backdrop.train.Architecture;
import org.backdrop.train.LearningRateSchedule;
import org.backdrop.train.TrainingResult;
import org.backdrop.ui.Dialogs;
import org.backdrop.ui.controls.RemovableCell;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.image.NodeSnapshots;
import org.backdrop.ui.task.ProgressTask;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training screen: the training mix, test sets and settings on the left, a cancellable run, and
 * live loss and accuracy curves on the right, with earlier runs overlaid for comparison.
 */
public final class TrainingView {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingView.class);

    private final StudioSession session;
    private final TrainingViewModel model;
    private final BorderPane root = new BorderPane();
    private final LineChart<Number, Number> loss = chart("Training loss", "Loss (nats)");
    private final LineChart<Number, Number> accuracy = chart("Accuracy", "Accuracy (%)");
    private final Button train = new Button("Train", new FontIcon("mdi2p-play"));
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label();
    private ProgressTask<TrainingResult> running;
    /** Object views of the model's integer settings, held here because bidirectional bindings are weak. */
    private final javafx.beans.property.ObjectProperty<Integer> epochsValue;
    private final javafx.beans.property.ObjectProperty<Integer> batchValue;
    private final javafx.beans.property.ObjectProperty<Integer> seedValue;

    public TrainingView(StudioSession session, TrainingViewModel model) {
        this.session = session;
        this.model = model;
        this.epochsValue = model.epochsProperty().asObject();
        this.batchValue = model.batchSizeProperty().asObject();
        this.seedValue = model.seedProperty().asObject();
        loss.setId("loss-chart");
        accuracy.setId("accuracy-chart");

        train.setId("start-training");
        train.setOnAction(event -> train());
        cancel.setId("cancel-training");
        cancel.setDisable(true);
        cancel.setOnAction(event -> {
            if (running != null) {
                running.cancel();
            }
        });
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progressText.setWrapText(true);

        model.runs().addListener((ListChangeListener<RunCurves>) change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(run -> run.epochs().addListener((ListChangeListener<Object>) epochs -> redraw()));
            }
            redraw();
        });

        ScrollPane settings = new ScrollPane(settings());
        settings.setFitToWidth(true);
        settings.setPrefViewportWidth(340);
        settings.setMinWidth(280);
        SplitPane charts = new SplitPane(withExport(loss, "loss.png"), withExport(accuracy, "accuracy.png"));
        charts.setOrientation(javafx.geometry.Orientation.VERTICAL);
        root.setLeft(withActions(settings));
        root.setCenter(charts);
        root.getStyleClass().add("training-view");
    }

    public Node root() {
        return root;
    }

    /** Starts a run with the current settings; a missing or invalid setting shows in a dialog. */
    public void train() {
        ProgressTask<TrainingResult> task;
        try {
            task = model.trainTask();
        } catch (IllegalStateException | IllegalArgumentException e) {
            Dialogs.showError(root, "Training cannot start", e);
            return;
        }
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        progressText.textProperty().bind(task.messageProperty());
        progress.setVisible(true);
        train.setDisable(true);
        cancel.setDisable(false);
        task.setOnSucceeded(event -> {
            finish();
            model.apply(task.getValue());
        });
        task.setOnFailed(event -> {
            finish();
            LOG.error("Training failed", task.getException());
            model.failed(task.getException());
            Dialogs.showError(root, "Training failed", task.getException());
        });
        task.setOnCancelled(event -> {
            finish();
            model.cancelled();
        });
        session.tasks().run(task);
    }

    private void finish() {
        running = null;
        progress.progressProperty().unbind();
        progressText.textProperty().unbind();
        progressText.textProperty().bind(model.summaryProperty());
        progress.setVisible(false);
        train.setDisable(false);
        cancel.setDisable(true);
    }

    private void redraw() {
        fill(loss, model.lossSeries(), 1);
        fill(accuracy, model.accuracySeries(), 100);
    }

    private static void fill(LineChart<Number, Number> chart, List<CurveSeries> lines, double scale) {
        chart.getData().clear();
        int lastEpoch = lines.stream().flatMap(line -> line.epochs().stream()).mapToInt(Integer::intValue).max().orElse(1);
        NumberAxis epochs = (NumberAxis) chart.getXAxis();
        epochs.setUpperBound(Math.max(2, lastEpoch));
        epochs.setTickUnit(Math.max(1, Math.ceil(lastEpoch / 10.0)));
        for (CurveSeries line : lines) {
            XYChart.Series<Number, Number> series = new XYChart.Series<>();
            series.setName(line.name());
            for (int i = 0; i < line.epochs().size(); i++) {
                series.getData().add(new XYChart.Data<>(line.epochs().get(i), scale * line.values().get(i)));
            }
            chart.getData().add(series);
        }
    }

    private Node settings() {
        ListView<TrainingInput> sources = new ListView<>(model.sources());
        sources.setId("training-sources");
        sources.setPrefHeight(110);
        sources.setCellFactory(view -> new RemovableCell<>(input -> input.path().getFileName() + "  × " + input.weight(),
                input -> model.sources().remove(input)));
        TextField weight = new TextField("1.0");
        weight.setPrefColumnCount(4);
        weight.setTextFormatter(new TextFormatter<>(new DoubleStringConverter(), 1.0));
        weight.setTooltip(new Tooltip("How many times the dataset's samples are drawn per epoch"));
        Button addSource = new Button("Add dataset…", new FontIcon("mdi2f-folder-plus-outline"));
        addSource.setId("add-training-dataset");
        addSource.setOnAction(event -> chooseFolder("Choose a training dataset").ifPresent(folder -> {
            try {
                model.addSource(folder, Double.parseDouble(weight.getText()));
            } catch (IllegalArgumentException e) {
                Dialogs.showError(root, "Invalid weight", e);
            }
        }));
        HBox sourceRow = new HBox(6, addSource, new Label("weight"), weight);
        sourceRow.setAlignment(Pos.CENTER_LEFT);

        ListView<Path> tests = new ListView<>(model.tests());
        tests.setId("test-sets");
        tests.setPrefHeight(90);
        tests.setCellFactory(view -> new RemovableCell<>(path -> path.getFileName().toString(), path -> model.tests().remove(path)));
        Button addTest = new Button("Add test set…", new FontIcon("mdi2f-folder-plus-outline"));
        addTest.setId("add-test-set");
        addTest.setOnAction(event -> chooseFolder("Choose a test set").ifPresent(model.tests()::add));

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        ChoiceBox<Architecture> architecture = new ChoiceBox<>();
        architecture.getItems().addAll(Architecture.values());
        architecture.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Architecture value) {
                return value == null ? "" : value.cliName();
            }

            @Override
            public Architecture fromString(String text) {
                return Architecture.fromCliName(text);
            }
        });
        architecture.valueProperty().bindBidirectional(model.architectureProperty());
        ChoiceBox<LearningRateSchedule.Kind> schedule = new ChoiceBox<>();
        schedule.getItems().addAll(LearningRateSchedule.Kind.values());
        schedule.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(LearningRateSchedule.Kind value) {
                return value == null ? "" : value.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public LearningRateSchedule.Kind fromString(String text) {
                return LearningRateSchedule.Kind.fromCliName(text);
            }
        });
        schedule.valueProperty().bindBidirectional(model.scheduleProperty());
        Spinner<Integer> epochs = integerSpinner(1, 10_000, epochsValue, "epochs");
        Spinner<Integer> batch = integerSpinner(1, 65_536, batchValue, "batch-size");
        TextField learningRate = new TextField();
        learningRate.setId("learning-rate");
        TextFormatter<Double> rateFormat = new TextFormatter<>(new DoubleStringConverter(), model.learningRateProperty().get());
        learningRate.setTextFormatter(rateFormat);
        rateFormat.valueProperty().addListener((observable, before, after) -> model.learningRateProperty().set(after == null ? 0 : after));
        model.learningRateProperty().addListener((observable, before, after) -> rateFormat.setValue(after.doubleValue()));
        Spinner<Integer> seed = integerSpinner(0, Integer.MAX_VALUE, seedValue, "seed");
        CheckBox augment = new CheckBox("Random crop and flip");
        augment.selectedProperty().bindBidirectional(model.augmentProperty());
        CheckBox resume = new CheckBox("Resume from the last checkpoint");
        resume.selectedProperty().bindBidirectional(model.resumeProperty());
        Label transferFile = new Label();
        transferFile.setId("transfer-file");
        transferFile.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.transferFromProperty().get() == null ? "No file" : model.transferFromProperty().get().getFileName().toString(),
                model.transferFromProperty()));
        Button chooseTransfer = new Button("TorchScript file…", new FontIcon("mdi2f-file-outline"));
        chooseTransfer.setTooltip(new Tooltip("The classifier to fine-tune; it must export set_head(weight, bias)"));
        chooseTransfer.setOnAction(event -> chooseTorchScript().ifPresent(model.transferFromProperty()::set));
        Spinner<Integer> freeze = new Spinner<>(0, 10_000, model.freezeEpochsProperty().get());
        freeze.setId("freeze-epochs");
        freeze.setEditable(true);
        freeze.valueProperty().addListener((observable, before, after) -> model.freezeEpochsProperty().set(after));
        javafx.scene.layout.HBox transferRow = new javafx.scene.layout.HBox(6, chooseTransfer, transferFile);
        transferRow.visibleProperty().bind(model.architectureProperty().isEqualTo(Architecture.TORCHSCRIPT));
        transferRow.managedProperty().bind(transferRow.visibleProperty());
        freeze.visibleProperty().bind(transferRow.visibleProperty());
        freeze.managedProperty().bind(transferRow.visibleProperty());
        Label freezeLabel = new Label("Frozen epochs");
        freezeLabel.visibleProperty().bind(transferRow.visibleProperty());
        freezeLabel.managedProperty().bind(transferRow.visibleProperty());
        form.addRow(0, new Label("Model"), architecture);
        form.add(transferRow, 1, 1);
        form.addRow(2, freezeLabel, freeze);
        form.addRow(3, new Label("Epochs"), epochs);
        form.addRow(4, new Label("Batch"), batch);
        form.addRow(5, new Label("Learning rate"), learningRate);
        form.addRow(6, new Label("Schedule"), schedule);
        form.addRow(7, new Label("Seed"), seed);
        form.add(augment, 0, 8, 2, 1);

        Label out = new Label();
        out.setId("run-folder");
        out.setWrapText(true);
        out.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> model.outProperty().get() == null ? "No output folder" : model.outProperty().get().toString(), model.outProperty()));
        Button chooseOut = new Button("Output folder…", new FontIcon("mdi2f-folder-outline"));
        chooseOut.setOnAction(event -> chooseFolder("Choose the run folder").ifPresent(model.outProperty()::set));

        Button compare = new Button("Compare with run…", new FontIcon("mdi2c-chart-line"));
        compare.setId("compare-run");
        compare.setTooltip(new Tooltip("Overlay the curves of an earlier run folder (its metrics.jsonl)"));
        compare.setOnAction(event -> chooseFolder("Choose an earlier run folder").ifPresent(this::loadRun));

        progressText.textProperty().bind(model.summaryProperty());
        VBox box = new VBox(8, heading("Training datasets"), sources, sourceRow, heading("Test sets"), tests, addTest, heading("Settings"), form,
                heading("Run folder"), out, chooseOut, resume, heading("Compare"), compare);
        box.setPadding(new Insets(10));
        return box;
    }

    /** Puts the Train and Cancel buttons with the progress below the scrolling settings, so they stay in view. */
    private Node withActions(ScrollPane settings) {
        HBox buttons = new HBox(8, train, cancel);
        VBox actions = new VBox(6, buttons, progress, progressText);
        actions.setPadding(new Insets(8, 10, 10, 10));
        BorderPane left = new BorderPane(settings);
        left.setBottom(actions);
        left.setPrefWidth(360);
        return left;
    }

    private void loadRun(Path folder) {
        try {
            model.loadRun(folder);
        } catch (IOException e) {
            LOG.warn("Cannot read the run in {}: {}", folder, e.getMessage());
            Dialogs.showError(root, "The run could not be read", e);
        }
    }

    private java.util.Optional<Path> chooseTorchScript() {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Choose a TorchScript classifier to fine-tune");
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("TorchScript", "*.pt", "*.pth", "*.torchscript"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        return file == null ? java.util.Optional.empty() : java.util.Optional.of(file.toPath());
    }

    private java.util.Optional<Path> chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File folder = chooser.showDialog(root.getScene().getWindow());
        return folder == null ? java.util.Optional.empty() : java.util.Optional.of(folder.toPath());
    }

    private Node withExport(LineChart<Number, Number> chart, String name) {
        Button export = new Button("Export PNG…", new FontIcon("mdi2c-content-save-outline"));
        export.setOnAction(event -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setInitialFileName(name);
            chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("PNG image", "*.png"));
            File file = chooser.showSaveDialog(root.getScene().getWindow());
            if (file == null) {
                return;
            }
            try {
                NodeSnapshots.writePng(chart, file.toPath());
            } catch (IOException e) {
                LOG.error("Writing {} failed", file, e);
                Dialogs.showError(root, "The chart could not be written", e);
            }
        });
        HBox bar = new HBox(export);
        bar.setAlignment(Pos.CENTER_RIGHT);
        bar.setPadding(new Insets(2, 8, 2, 8));
        BorderPane pane = new BorderPane(chart);
        pane.setBottom(bar);
        return pane;
    }

    private static LineChart<Number, Number> chart(String title, String yLabel) {
        NumberAxis epochs = new NumberAxis();
        epochs.setLabel("Epoch");
        epochs.setAutoRanging(false);
        epochs.setLowerBound(1);
        epochs.setUpperBound(2);
        epochs.setTickUnit(1);
        epochs.setMinorTickVisible(false);
        NumberAxis values = new NumberAxis();
        values.setLabel(yLabel);
        LineChart<Number, Number> chart = new LineChart<>(epochs, values);
        chart.setTitle(title);
        chart.setAnimated(false);
        return chart;
    }

    private static Spinner<Integer> integerSpinner(int min, int max, javafx.beans.property.ObjectProperty<Integer> value, String id) {
        Spinner<Integer> spinner = new Spinner<>(min, max, value.get());
        spinner.getValueFactory().valueProperty().bindBidirectional(value);
        spinner.setEditable(true);
        spinner.setPrefWidth(110);
        spinner.setId(id);
        return spinner;
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
