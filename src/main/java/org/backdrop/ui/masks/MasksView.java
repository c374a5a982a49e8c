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
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MasksFile;
import org.backdrop.ui.Dialogs;
import org.backdrop.ui.StudioSession;
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
                return value == MasksViewModel.Source.ANNOTATIONS ? "Annotations" : "GrabCut";
            }

            @Override
            public MasksViewModel.Source fromString(String text) {
                return null;
            }
        });
        source.valueProperty().bindBidirectional(model.sourceProperty());

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

        HBox bar = new HBox(8, new Label("Source"), source, compute, cancel, load, save);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));

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

        root.setTop(bar);
        root.setCenter(center);
    }

    public Node root() {
        return root;
    }

    /** Starts computing masks, unless a computation is already running. */
    public void compute() {
        if (session.dataset() == null || running != null) {
            return;
        }
        ProgressTask<MaskPlan> task = model.computeTask();
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
