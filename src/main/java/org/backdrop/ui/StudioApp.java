package org.backdrop.ui;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The JavaFX application behind Backdrop Studio. */
public final class StudioApp extends Application {

    private static volatile Path initialTarget;

    /** Opens the studio and blocks until its window closes; {@code target} may be null. */
    public static void open(Path target) {
        initialTarget = target;
        Application.launch(StudioApp.class);
    }

    @Override
    public void start(Stage stage) {
        MainWindow window = new MainWindow(initialTarget);
        Scene scene = new Scene(window.root(), 1100, 720);
        stage.setTitle("Backdrop Studio");
        stage.setScene(scene);
        stage.show();
    }
}
