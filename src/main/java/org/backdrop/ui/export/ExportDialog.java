package org.backdrop.ui.export;

import java.io.File;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.converter.LongStringConverter;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.cluster.RunOn;
import org.backdrop.ui.task.ProgressTask;
import org.kordamp.ikonli.javafx.FontIcon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The export dialog: output folder, backgrounds and filters, then the export as a cancellable task
 * with a progress bar, ending with a summary of what was written and skipped.
 */
public final class ExportDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ExportDialog.class);

    private final StudioSession session;
    private final ExportViewModel model;
    private final Stage stage = new Stage();
    private final ProgressBar progress = new ProgressBar(0);
    private final Label state = new Label();
    private final TextArea summary = new TextArea();
    private final Button export = new Button("Export", new FontIcon("mdi2e-export"));
    private final Button cancel = new Button("Cancel");
    private ProgressTask<ExportViewModel.Summary> running;

    public ExportDialog(Window owner, StudioSession session, ExportViewModel model) {
        this.session = session;
        this.model = model;
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Export augmented dataset");

        VBox root = new VBox(10, form(), progressRow(), summary, buttons());
        root.setPadding(new Insets(12));
        root.getStyleClass().add("export-dialog");
        VBox.setVgrow(summary, Priority.ALWAYS);
        summary.setEditable(false);
        summary.setPrefRowCount(8);
        summary.setWrapText(true);
        summary.setId("export-summary");
        Scene scene = new Scene(root, 640, 480);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        stage.setScene(scene);
        stage.setOnCloseRequest(event -> {
            if (running != null) {
                running.cancel();
            }
        });
        updateState();
    }

    /** Shows the dialog without waiting for it to close. */
    public void show() {
        stage.show();
    }

    public Stage stage() {
        return stage;
    }

    private GridPane form() {
        TextField folder = new TextField();
        folder.setEditable(false);
        folder.setPromptText("No folder chosen");
        folder.setId("output-folder");
        model.outputFolderProperty().addListener((observable, before, path) -> {
            folder.setText(path == null ? "" : path.toString());
            updateState();
        });
        Button choose = new Button("Choose…", new FontIcon("mdi2f-folder-open-outline"));
        choose.setOnAction(event -> chooseFolder());
        HBox folderRow = new HBox(6, folder, choose);
        HBox.setHgrow(folder, Priority.ALWAYS);

        TextField backgrounds = new TextField();
        backgrounds.textProperty().bindBidirectional(model.backgroundsProperty());
        backgrounds.textProperty().addListener((observable, before, after) -> updateState());
        backgrounds.setId("export-backgrounds");

        CheckBox reviewed = new CheckBox("Only accepted samples (from the review)");
        reviewed.selectedProperty().bindBidirectional(model.reviewedOnlyProperty());
        reviewed.selectedProperty().addListener((observable, before, after) -> updateState());

        Spinner<Integer> pixels = new Spinner<>(0, 10_000_000, model.minObjectPixelsProperty().get(), 50);
        pixels.setEditable(true);
        pixels.valueProperty().addListener((observable, before, value) -> model.minObjectPixelsProperty().set(value));

        Spinner<Double> feather = new Spinner<>(0.0, 20.0, model.featherProperty().get(), 0.5);
        feather.setEditable(true);
        feather.valueProperty().addListener((observable, before, value) -> model.featherProperty().set(value));

        TextField seed = new TextField();
        TextFormatter<Long> seedFormat = new TextFormatter<>(new LongStringConverter(), model.seedProperty().get());
        seed.setTextFormatter(seedFormat);
        seedFormat.valueProperty().bindBidirectional(model.seedProperty());

        HBox runOnRow = runOnRow();

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label("Output folder"), folderRow);
        grid.addRow(1, new Label("Backgrounds"), backgrounds);
        grid.addRow(2, new Label("Samples"), reviewed);
        grid.addRow(3, new Label("Min. object pixels"), pixels);
        grid.addRow(4, new Label("Feather sigma (px)"), feather);
        grid.addRow(5, new Label("Seed"), seed);
        grid.addRow(6, new Label("Run on"), runOnRow);
        GridPane.setHgrow(folderRow, Priority.ALWAYS);
        return grid;
    }

    /**
     * Returns the choice between this computer and the Spark cluster, which is enabled only when a Spark
     * installation is set up.
     */
    private HBox runOnRow() {
        ChoiceBox<RunOn> runOn = new ChoiceBox<>();
        runOn.setId("export-run-on");
        runOn.getItems().setAll(RunOn.values());
        runOn.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label();
        hint.setId("export-run-on-hint");
        hint.setMinWidth(0);
        Optional<SparkInstallation> installation = model.sparkInstallation();
        if (installation.isEmpty()) {
            model.runOnProperty().set(RunOn.THIS_COMPUTER);
            runOn.setDisable(true);
            hint.setText("Set up Spark in Edit › Spark cluster…");
        } else {
            hint.setText("Master " + installation.get().master());
            hint.setTooltip(new Tooltip("Submitted through " + installation.get().sparkSubmit()));
        }
        runOn.valueProperty().bindBidirectional(model.runOnProperty());
        runOn.valueProperty().addListener((observable, before, after) -> updateState());
        HBox row = new HBox(8, runOn, hint);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox progressRow() {
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        state.setId("export-state");
        HBox row = new HBox(8, progress, state);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private HBox buttons() {
        export.setDefaultButton(true);
        export.setId("export-run");
        export.setOnAction(event -> run());
        cancel.setDisable(true);
        cancel.setOnAction(event -> {
            if (running != null) {
                running.cancel();
            }
        });
        Button close = new Button("Close");
        close.setOnAction(event -> stage.close());
        HBox row = new HBox(8, export, cancel, close);
        row.setAlignment(Pos.CENTER_RIGHT);
        return row;
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Choose the output folder");
        File start = session.dataset() == null ? null : session.dataset().root().toAbsolutePath().getParent().toFile();
        if (start != null && start.isDirectory()) {
            chooser.setInitialDirectory(start);
        }
        File folder = chooser.showDialog(stage);
        if (folder != null) {
            model.outputFolderProperty().set(folder.toPath());
        }
    }

    private void updateState() {
        Optional<String> problem = model.problem();
        export.setDisable(problem.isPresent() || running != null);
        if (running == null) {
            state.setText(problem.orElse("Ready"));
        }
    }

    /** Starts the export; the dialog stays open and shows progress and then the summary. */
    void run() {
        ProgressTask<ExportViewModel.Summary> task = model.exportTask();
        running = task;
        cancel.setDisable(false);
        updateState();
        summary.clear();
        progress.progressProperty().bind(task.progressProperty());
        state.textProperty().bind(task.messageProperty());
        task.setOnSucceeded(event -> {
            ended();
            summary.setText(task.getValue().describe(20));
            state.setText("Finished");
        });
        task.setOnCancelled(event -> {
            ended();
            state.setText("Cancelled; the output folder may hold a partial export, which a new export resumes");
        });
        task.setOnFailed(event -> {
            ended();
            LOG.error("Export failed", task.getException());
            summary.setText("Export failed: " + task.getException().getMessage());
            state.setText("Failed");
        });
        session.tasks().run(task);
    }

    private void ended() {
        running = null;
        progress.progressProperty().unbind();
        state.textProperty().unbind();
        cancel.setDisable(true);
        updateState();
    }
}
