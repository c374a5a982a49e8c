package org.backdrop.ui.masks;

import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.backdrop.dataset.InvalidSample;
import org.backdrop.model.DeviceRequest;
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MasksFile;
import org.backdrop.ui.Dialogs;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.cluster.RunOn;
import org.backdrop.ui.cluster.RunOnChoice;
import org.backdrop.ui.task.ProgressTask;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The masks screen: compute masks in the background, load or save a masks file, see what was skipped. */
public final class MasksView {

    private static final Logger LOG = LoggerFactory.getLogger(MasksView.class);

    private final StudioSession session;
    private final MasksViewModel model;
    private final BorderPane root = new BorderPane();
    private final Button compute = new Button("Compute masks", new FontIcon("mdi2p-play"));
    private final Button cancel = new Button("Cancel", new FontIcon("mdi2s-stop"));
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private ProgressTask<MaskPlan> running;

    public MasksView(StudioSession session, MasksViewModel model) {
        this.session = session;
        this.model = model;

        ChoiceBox<MasksViewModel.Source> source = new ChoiceBox<>();
        source.getItems().setAll(MasksViewModel.Source.values());
        source.setConverter(new StringConverter<>() {
            @Override
            public String toString(MasksViewModel.Source value) {
                if (value == null) {
                    return "";
                }
                return switch (value) {
                    case ANNOTATIONS -> "Annotations";
                    case GRABCUT -> "GrabCut";
                    case MODEL -> "ONNX model";
                };
            }

            @Override
            public MasksViewModel.Source fromString(String text) {
                return null;
            }
        });
        source.valueProperty().bindBidirectional(model.sourceProperty());
        source.setId("mask-source");

        ChoiceBox<MasksViewModel.Scope> scope = new ChoiceBox<>();
        scope.getItems().setAll(MasksViewModel.Scope.values());
        scope.setConverter(new StringConverter<>() {
            @Override
            public String toString(MasksViewModel.Scope value) {
                return value == null ? "" : value.label();
            }

            @Override
            public MasksViewModel.Scope fromString(String text) {
                return null;
            }
        });
        scope.valueProperty().bindBidirectional(model.scopeProperty());
        scope.setId("mask-scope");

        compute.setId("compute-masks");
        compute.setOnAction(event -> compute());
        compute.disableProperty().bind(session.datasetProperty().isNull().or(busy));
        cancel.disableProperty().bind(busy.not());
        cancel.setOnAction(event -> {
            if (running != null) {
                running.cancel();
            }
        });
        Button load = new Button("Load masks file…", new FontIcon("mdi2f-folder-open-outline"));
        load.setOnAction(event -> load());
        Button save = new Button("Save masks file…", new FontIcon("mdi2c-content-save-outline"));
        save.setOnAction(event -> save());
        save.disableProperty().bind(Bindings.createBooleanBinding(() -> session.masksProperty().get().isEmpty(), session.masksProperty()));
        Node[] needDataset = {load, source};
        for (Node node : needDataset) {
            node.disableProperty().bind(session.datasetProperty().isNull());
        }

        ChoiceBox<RunOn> runOn = runOnChoice();
        HBox bar = new HBox(8, new Label("Source"), source, new Label("for"), scope, new Label("on"), runOn, compute, cancel, load, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        HBox modelBar = modelBar();
        VBox top = new VBox(bar, modelBar);

        Label summary = new Label();
        summary.textProperty().bind(model.summaryProperty());
        summary.setId("masks-summary");
        summary.getStyleClass().add("summary");
        Label hint = new Label("Masks show as a tinted overlay in Browse and Review. Samples without a mask:");
        ListView<InvalidSample> skipped = new ListView<>(model.skipped());
        skipped.setCellFactory(view -> new ListCell<>() {
            @Override
            protected void updateItem(InvalidSample sample, boolean empty) {
                super.updateItem(sample, empty);
                setText(empty || sample == null ? null : sample.file() + ": " + sample.reason());
            }
        });
        skipped.setPlaceholder(new Label("None"));
        VBox center = new VBox(8, summary, hint, skipped);
        center.setPadding(new Insets(8));
        VBox.setVgrow(skipped, Priority.ALWAYS);

        root.setTop(top);
        root.setCenter(center);
    }

    public Node root() {
        return root;
    }

    /** The model file, spec and device, shown while the source is an ONNX model. */
    private HBox modelBar() {
        Label modelName = new Label();
        modelName.setId("model-file");
        modelName.textProperty().bind(Bindings.createStringBinding(() -> model.modelFileProperty().get() == null ? "no model chosen"
                : model.modelFileProperty().get().getFileName().toString(), model.modelFileProperty()));
        Label specName = new Label();
        specName.textProperty().bind(Bindings.createStringBinding(() -> model.specFileProperty().get() == null ? "the spec beside the model"
                : model.specFileProperty().get().getFileName().toString(), model.specFileProperty()));
        Button chooseModel = new Button("Model…", new FontIcon("mdi2b-brain"));
        chooseModel.setOnAction(event -> choose("Choose an ONNX segmentation model", "ONNX model", "*.onnx", model.modelFileProperty()));
        Button chooseSpec = new Button("Spec…", new FontIcon("mdi2f-file-document-outline"));
        chooseSpec.setOnAction(event -> choose("Choose the model's spec", "Model spec (JSON)", "*.json", model.specFileProperty()));
        ChoiceBox<DeviceRequest> device = new ChoiceBox<>();
        device.getItems().setAll(DeviceRequest.values());
        device.valueProperty().bindBidirectional(model.deviceProperty());
        HBox bar = new HBox(8, chooseModel, modelName, chooseSpec, specName, new Label("Device"), device);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 8, 6, 8));
        bar.visibleProperty().bind(model.sourceProperty().isEqualTo(MasksViewModel.Source.MODEL));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }

    private void choose(String title, String kind, String pattern, javafx.beans.property.ObjectProperty<Path> target) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(kind, pattern));
        if (target.get() != null && target.get().toAbsolutePath().getParent() != null) {
            chooser.setInitialDirectory(target.get().toAbsolutePath().getParent().toFile());
        }
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            target.set(file.toPath());
        }
    }

    /** Returns the choice between this computer and the Spark cluster, enabled while a Spark installation is set up. */
    private ChoiceBox<RunOn> runOnChoice() {
        return RunOnChoice.create("mask-run-on", model.runOnProperty(), model.sparkProperty(),
                "Spark cluster runs 'masks --engine spark' through the installation set in Edit › Spark cluster…");
    }

    /** Starts computing masks, unless a computation is already running. */
    public void compute() {
        if (session.dataset() == null || running != null) {
            return;
        }
        ProgressTask<MaskPlan> task;
        try {
            task = model.computeTask();
        } catch (IllegalStateException e) {
            Dialogs.showError(root, "Nothing to compute", e);
            return;
        }
        running = task;
        busy.set(true);
        task.setOnSucceeded(event -> {
            finished();
            model.apply(task.getValue());
        });
        task.setOnCancelled(event -> finished());
        task.setOnFailed(event -> {
            finished();
            LOG.error("Computing masks failed", task.getException());
            Dialogs.showError(root, "Computing masks failed", task.getException());
        });
        session.tasks().run(task);
    }

    private void finished() {
        running = null;
        busy.set(false);
    }

    private void load() {
        FileChooser chooser = chooser("Load masks file");
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            load(file.toPath());
        }
    }

    /** Loads a masks file; errors show in a dialog. */
    public void load(Path file) {
        ProgressTask<Map<String, MasksFile.Entry>> task = model.readTask(file);
        task.setOnSucceeded(event -> model.apply(file, task.getValue()));
        task.setOnFailed(event -> {
            LOG.error("Reading masks file {} failed", file, task.getException());
            Dialogs.showError(root, "The masks file could not be read", task.getException());
        });
        session.tasks().run(task);
    }

    private void save() {
        FileChooser chooser = chooser("Save masks file");
        chooser.setInitialFileName("masks.json");
        File file = chooser.showSaveDialog(root.getScene().getWindow());
        if (file == null) {
            return;
        }
        ProgressTask<Integer> task = model.saveTask(file.toPath());
        task.setOnSucceeded(event -> LOG.info("Wrote {} masks to {}", task.getValue(), file));
        task.setOnFailed(event -> {
            LOG.error("Writing masks file {} failed", file, task.getException());
            Dialogs.showError(root, "The masks file could not be written", task.getException());
        });
        session.tasks().run(task);
    }

    private FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Masks file (JSON)", "*.json"));
        File folder = session.dataset().root().toAbsolutePath().getParent().toFile();
        if (folder.isDirectory()) {
            chooser.setInitialDirectory(folder);
        }
        return chooser;
    }
}
