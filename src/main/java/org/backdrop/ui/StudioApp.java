package org.backdrop.ui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.backdrop.ui.task.TaskRunner;

/**
 * The JavaFX application behind Backdrop Studio. The window's size, the theme, the last dataset
 * folder and the recent projects are kept in the user's preferences. The target given on the command
 * line is a dataset folder, or a project when its name ends in {@code .backdrop}.
 *
 * <p>Two system properties, meant for scripted screenshots, act once the dataset given on the
 * command line is open: {@code backdrop.studio.masks=FILE} loads a masks file,
 * {@code backdrop.studio.sample=ID} selects a sample and
 * {@code backdrop.studio.view=browse|review|masks|backgrounds|evaluate|train|export|editor} shows that
 * screen (editor: the mask editor on the selected sample).
 */
public final class StudioApp extends Application {

    private static volatile Path initialTarget;

    private TaskRunner tasks;
    private StudioSession session;

    /** Opens the studio with {@code target} (a dataset or a {@code .backdrop} project; may be null) and blocks until its window closes. */
    public static void open(Path target) {
        initialTarget = target;
        Application.launch(StudioApp.class);
    }

    @Override
    public void start(Stage stage) {
        Preferences preferences = Preferences.userNodeForPackage(StudioApp.class);
        tasks = new TaskRunner();
        session = new StudioSession(tasks);

        Scene scene = new Scene(new Region(), preferences.getDouble("width", 1200), preferences.getDouble("height", 800));
        Theme.Switcher themes = new Theme.Switcher(scene, preferences);
        MainWindow window = new MainWindow(session, preferences, themes);
        scene.setRoot(window.root());

        stage.setTitle("Backdrop Studio");
        stage.setScene(scene);
        stage.setMaximized(preferences.getBoolean("maximized", false));
        stage.setOnCloseRequest(event -> {
            preferences.putBoolean("maximized", stage.isMaximized());
            if (!stage.isMaximized()) {
                preferences.putDouble("width", scene.getWidth());
                preferences.putDouble("height", scene.getHeight());
            }
        });
        stage.show();

        if (initialTarget != null) {
            window.open(initialTarget, dataset -> applyStartupProperties(window));
        }
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (session != null) {
            session.closeProject();
        }
    }

    private static void applyStartupProperties(MainWindow window) {
        String masks = System.getProperty("backdrop.studio.masks");
        if (masks != null) {
            window.loadMasks(Path.of(masks));
        }
        String sample = System.getProperty("backdrop.studio.sample");
        if (sample != null) {
            window.select(sample);
        }
        String view = System.getProperty("backdrop.studio.view");
        if (view == null) {
            return;
        }
        if (view.equals("export")) {
            window.showExport();
            return;
        }
        if (view.equals("editor")) {
            window.show(MainWindow.Screen.REVIEW);
            window.editMask(window.selectedSample());
            return;
        }
        window.show(MainWindow.Screen.valueOf(view.toUpperCase(Locale.ROOT)));
    }
}
