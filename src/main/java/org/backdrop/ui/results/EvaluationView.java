package org.backdrop.ui.results;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.backdrop.model.DeviceRequest;
import org.backdrop.ui.Dialogs;
import org.backdrop.ui.cluster.RunOn;
import org.backdrop.ui.cluster.RunOnChoice;
import org.backdrop.ui.controls.RemovableCell;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.task.ProgressTask;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evaluation screen: inputs on the left (classifiers or results files, the original and its
 * variants), the run as a cancellable task, and the results on the right in {@link ResultsPane}.
 */
public final class EvaluationView {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationView.class);

    private final StudioSession session;
    private final EvaluationViewModel model;
    private final BorderPane root = new BorderPane();
    private final ResultsPane results;
    private final Button run = new Button("Evaluate", new FontIcon("mdi2p-play"));
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label state = new Label();
    private ProgressTask<EvaluationResults> running;

    public EvaluationView(StudioSession session, EvaluationViewModel model) {
        this.session = session;
        this.model = model;
        this.results = new ResultsPane(model);

        run.setId("run-evaluation");
        run.setDefaultButton(true);
        run.setOnAction(event -> evaluate());
        cancel.setId("cancel-evaluation");
        cancel.setOnAction(event -> {
            if (running != null) {
                running.cancel();
            }
        });
        cancel.setDisable(true);
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        state.setId("evaluation-state");
        state.setWrapText(true);
        state.textProperty().bind(model.summaryProperty());

        ScrollPane inputs = new ScrollPane(inputs());
        inputs.setFitToWidth(true);
        inputs.setPrefViewportWidth(330);
        inputs.setMinWidth(260);
        HBox buttons = new HBox(8, run, cancel);
        VBox actions = new VBox(6, buttons, progress, state);
        actions.setPadding(new Insets(8, 10, 10, 10));
        BorderPane left = new BorderPane(inputs);
        left.setBottom(actions);
        left.setPrefWidth(350);
        root.setLeft(left);
        root.setCenter(results.root());
        root.getStyleClass().add("evaluation-view");
    }

    public Node root() {
        return root;
    }

    /** Starts the evaluation of the current inputs; a missing input shows in a dialog. */
    public void evaluate() {
        ProgressTask<EvaluationResults> task;
        try {
            task = model.evaluateTask();
        } catch (IllegalStateException e) {
            Dialogs.showError(root, "Nothing to evaluate yet", e);
            return;
        }
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        progress.setVisible(true);
        run.setDisable(true);
        cancel.setDisable(false);
        // While it runs, the line under the buttons shows the task's message: Spark's state and the command's progress on a cluster.
        state.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(event -> {
            finish();
            model.apply(task.getValue());
        });
        task.setOnFailed(event -> {
            finish();
            LOG.error("Evaluation failed", task.getException());
            Dialogs.showError(root, "The evaluation failed", task.getException());
        });
        task.setOnCancelled(event -> finish());
        session.tasks().run(task);
    }

    private void finish() {
        running = null;
        progress.progressProperty().unbind();
        progress.setVisible(false);
        state.textProperty().bind(model.summaryProperty());
        run.setDisable(false);
        cancel.setDisable(true);
    }

    private Node inputs() {
        ChoiceBox<EvaluationKind> kind = new ChoiceBox<>();
        kind.getItems().addAll(EvaluationKind.values());
        kind.setConverter(converter(value -> value == EvaluationKind.CLASSIFICATION ? "Classifiers" : "Detection results files"));
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setId("evaluation-kind");

        VBox classifiers = section("Classifiers", modelList(), button("Add model…", "mdi2p-plus", this::chooseModel, "add-model"));
        VBox detections = section("Results files (COCO JSON)", detectionList(),
                button("Add results file…", "mdi2p-plus", this::chooseDetections, "add-detections"));
        classifiers.visibleProperty().bind(model.kindProperty().isEqualTo(EvaluationKind.CLASSIFICATION));
        classifiers.managedProperty().bind(classifiers.visibleProperty());
        detections.visibleProperty().bind(classifiers.visibleProperty().not());
        detections.managedProperty().bind(detections.visibleProperty());

        Label datasetsHint = new Label();
        datasetsHint.setWrapText(true);
        datasetsHint.getStyleClass().add("hint");
        datasetsHint.textProperty().bind(Bindings.when(model.kindProperty().isEqualTo(EvaluationKind.CLASSIFICATION))
                .then("The first is the original; the others are its variants, paired by sample id.")
                .otherwise("COCO instances JSON of the original first; a variant's own file is used for results named after it."));
        VBox datasets = section("Datasets", variantList(), datasetsHint,
                button("Add dataset…", "mdi2f-folder-plus-outline", this::chooseVariant, "add-dataset"));

        ChoiceBox<DeviceRequest> device = new ChoiceBox<>();
        device.getItems().addAll(DeviceRequest.values());
        device.valueProperty().bindBidirectional(model.deviceProperty());
        device.setTooltip(new Tooltip("Where classifiers run: auto uses CUDA when ONNX Runtime can, else the CPU"));
        HBox deviceRow = new HBox(6, new Label("Device"), device);
        deviceRow.setAlignment(Pos.CENTER_LEFT);

        HBox runOnRow = new HBox(6, new Label("Run on"), runOnChoice());
        runOnRow.setAlignment(Pos.CENTER_LEFT);
        runOnRow.visibleProperty().bind(classifiers.visibleProperty());
        runOnRow.managedProperty().bind(runOnRow.visibleProperty());

        VBox box = new VBox(10, new HBox(6, new Label("Evaluate"), kind), classifiers, detections, datasets, deviceRow, runOnRow);
        box.setPadding(new Insets(10));
        return box;
    }

    /** Returns the choice between this computer and the Spark cluster, enabled while a Spark installation is set up. */
    private ChoiceBox<RunOn> runOnChoice() {
        return RunOnChoice.create("evaluation-run-on", model.runOnProperty(), model.sparkProperty(),
                "Spark cluster runs 'eval-cls --engine spark' per model through the installation set in Edit › Spark cluster…;"
                + " the device applies to its executors");
    }

    private ListView<ModelInput> modelList() {
        ListView<ModelInput> list = new ListView<>(model.models());
        list.setId("model-list");
        list.setPrefHeight(110);
        list.setCellFactory(view -> new RemovableCell<>(input -> input.name() + "  (spec " + input.spec().getFileName() + ")",
                input -> model.models().remove(input)));
        return list;
    }

    private ListView<DetectionsInput> detectionList() {
        ListView<DetectionsInput> list = new ListView<>(model.detections());
        list.setId("detections-list");
        list.setPrefHeight(110);
        list.setCellFactory(view -> new RemovableCell<>(input -> input.detector() + " on " + input.variant() + ": " + input.file().getFileName(),
                input -> model.detections().remove(input)));
        return list;
    }

    private ListView<VariantInput> variantList() {
        ListView<VariantInput> list = new ListView<>(model.variants());
        list.setId("dataset-list");
        list.setPrefHeight(130);
        list.setCellFactory(view -> new RemovableCell<>(input -> (model.variants().indexOf(input) == 0 ? "Original: " : "Variant: ") + input.name(),
                input -> model.variants().remove(input)));
        model.variants().addListener((ListChangeListener<VariantInput>) change -> list.refresh());
        return list;
    }

    private void chooseModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a classifier");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Classifiers", "*.onnx", "*.pt"),
                new FileChooser.ExtensionFilter("All files", "*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        Path spec = ClassifierFiles.specBeside(file.toPath());
        if (spec == null) {
            FileChooser specChooser = new FileChooser();
            specChooser.setTitle("Choose the model spec of " + file.getName());
            specChooser.setInitialDirectory(file.getParentFile());
            specChooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Model specs", "*.json"));
            File specFile = specChooser.showOpenDialog(root.getScene().getWindow());
            if (specFile == null) {
                return;
            }
            spec = specFile.toPath();
        }
        model.addModel(file.toPath(), spec);
    }

    private void chooseVariant() {
        if (model.kindProperty().get() == EvaluationKind.DETECTION) {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose COCO ground truth (instances JSON)");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("COCO JSON", "*.json"));
            File file = chooser.showOpenDialog(root.getScene().getWindow());
            if (file != null) {
                model.addVariant(file.toPath());
            }
            return;
        }
        javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
        chooser.setTitle(model.variants().isEmpty() ? "Choose the original dataset" : "Choose a variant dataset");
        File folder = chooser.showDialog(root.getScene().getWindow());
        if (folder != null) {
            model.addVariant(folder.toPath());
        }
    }

    private void chooseDetections() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a COCO results file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("COCO results JSON", "*.json"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        askDetectorAndVariant(file.toPath()).ifPresent(names -> model.addDetections(file.toPath(), names.get(0), names.get(1)));
    }

    /** Asks which detector made the results file and on which variant, with guesses from its path. */
    private Optional<List<String>> askDetectorAndVariant(Path file) {
        Dialog<List<String>> dialog = new Dialog<>();
        dialog.initOwner(root.getScene().getWindow());
        dialog.setTitle("Results file");
        dialog.setHeaderText(file.getFileName().toString());
        Path parent = file.toAbsolutePath().getParent();
        TextField detector = new TextField(parent == null || parent.getFileName() == null ? "detector" : parent.getFileName().toString());
        ComboBox<String> variant = new ComboBox<>();
        variant.setEditable(true);
        model.variants().forEach(input -> variant.getItems().add(input.name()));
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "");
        variant.setValue(variant.getItems().contains(stem) || variant.getItems().isEmpty() ? stem : variant.getItems().get(0));
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Detector"), detector);
        form.addRow(1, new Label("Variant"), variant);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? List.of(detector.getText().trim(), variant.getEditor().getText().trim()) : null);
        return dialog.showAndWait().filter(names -> !names.get(0).isEmpty() && !names.get(1).isEmpty());
    }

    private static VBox section(String title, Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox box = new VBox(4, heading);
        box.getChildren().addAll(content);
        return box;
    }

    private static Button button(String text, String icon, Runnable action, String id) {
        Button button = new Button(text, new FontIcon(icon));
        button.setOnAction(event -> action.run());
        button.setId(id);
        return button;
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : text.apply(value);
            }

            @Override
            public T fromString(String string) {
                return null;
            }
        };
    }
}
