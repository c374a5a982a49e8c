package org.backdrop.ui;

import java.nio.file.Path;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.backdrop.dataset.Dataset;
import org.backdrop.ui.task.TaskRunner;

/**
 * The studio's main window on a stage, for benchmarks and screenshot scripts outside this package.
 * Preferences go to a throwaway node that {@link #close()} removes. Call everything on the JavaFX thread.
 */
public final class StudioHarness implements AutoCloseable {

    private final Preferences preferences = Preferences.userRoot().node("backdrop-harness-" + UUID.randomUUID());
    private final TaskRunner tasks = new TaskRunner();
    private final MainWindow window;
    private final Scene scene;
    private final Theme.Switcher themes;
    private final StudioSession session = new StudioSession(tasks);

    /** Shows the main window on {@code stage} at {@code width} × {@code height} pixels. */
    public StudioHarness(Stage stage, double width, double height) {
        scene = new Scene(new Region(), width, height);
        themes = new Theme.Switcher(scene, preferences);
        window = new MainWindow(session, preferences, themes);
        scene.setRoot(window.root());
        stage.setScene(scene);
        stage.show();
    }

    public Scene scene() {
        return scene;
    }

    /** Opens the dataset at {@code path} in the background, then runs {@code afterOpen} on the JavaFX thread. */
    public void open(Path path, Consumer<Dataset> afterOpen) {
        window.open(path, afterOpen);
    }

    /** Creates the project {@code file} for the dataset at {@code dataset} in the background, then runs {@code afterOpen}. */
    public void createProject(Path dataset, Path file, Consumer<Dataset> afterOpen) {
        window.createProject(dataset, file, afterOpen);
    }

    /** Switches to the dark theme, or back to the light one. */
    public void darkTheme(boolean dark) {
        themes.apply(dark ? Theme.DARK : Theme.LIGHT);
    }

    /** Opens the mask editor on sample {@code index} of the open dataset, as Edit › Edit mask does. */
    public org.backdrop.ui.editor.MaskEditorWindow editMask(int index) {
        return window.editMask(session.dataset().samples().get(index));
    }

    /** Shows the screen named as {@code backdrop.studio.view} names it, such as {@code evaluate}. */
    public void show(String screen) {
        window.show(MainWindow.Screen.valueOf(screen.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The review screen's state. */
    public org.backdrop.ui.review.ReviewViewModel review() {
        return window.reviewModel();
    }

    /** Opens the export dialog, as File › Export… does, and returns it. */
    public org.backdrop.ui.export.ExportDialog showExport() {
        return window.showExport();
    }

    /** The masks screen's state. */
    public org.backdrop.ui.masks.MasksViewModel masks() {
        return window.masksModel();
    }

    /** The backgrounds screen's state. */
    public org.backdrop.ui.backgrounds.BackgroundsViewModel backgrounds() {
        return window.backgroundsModel();
    }

    /** The evaluation screen's state. */
    public org.backdrop.ui.results.EvaluationViewModel evaluation() {
        return window.evaluationModel();
    }

    /** The training screen's state. */
    public org.backdrop.ui.training.TrainingViewModel training() {
        return window.trainingModel();
    }

    @Override
    public void close() throws BackingStoreException {
        tasks.close();
        preferences.removeNode();
    }
}
