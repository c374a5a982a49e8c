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
 * The JavaFX application behind Backdrop Studio. The window's size, the theme and the last dataset
 * folder are kept in the user's preferences.
 *
 * <p>Two system properties, meant for scripted screenshots, act once the dataset given on the
 * command line is open: {@code backdrop.studio.masks=FILE} loads a masks file,
 * {@code backdrop.studio.sample=ID} selects a sample and
 * {@code backdrop.studio.view=browse|review|masks|backgrounds|evaluate|train|export} shows that screen.
 */
public final class StudioApp extends Application {

    private static volatile Path initialTarget;

    private TaskRunner tasks;

    /** Opens the studio and blocks until its window closes; {@code target} may be null. */
    public static void open(Path target) {
        initialTarget = target;
        Application.launch(StudioApp.class);
    }

    @Override
    public void start(Stage stage) {
        Preferences preferences = Preferences.userNodeForPackage(StudioApp.class);
        tasks = new TaskRunner();
        StudioSession session = new StudioSession(tasks);

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
        window.show(MainWindow.Screen.valueOf(view.toUpperCase(Locale.ROOT)));
    }
}
