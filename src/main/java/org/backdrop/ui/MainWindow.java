package org.backdrop.ui;

import java.nio.file.Path;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.application.Platform;

/** The studio's main window: menu bar, the welcome view in the centre and a status bar. */
final class MainWindow {

    private final BorderPane root = new BorderPane();

    MainWindow(Path initialTarget) {
        root.setTop(menuBar());
        root.setCenter(welcome(initialTarget));
        root.setBottom(statusBar());
    }

    BorderPane root() {
        return root;
    }

    private static MenuBar menuBar() {
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(event -> Platform.exit());
        return new MenuBar(new Menu("File", null, quit), new Menu("Help"));
    }

    private static VBox welcome(Path initialTarget) {
        Label title = new Label("Backdrop Studio");
        title.setStyle("-fx-font-size: 24px; -fx-font-weight: bold;");
        String hint = initialTarget == null
                ? "Open a dataset from the command line: backdrop studio DATASET"
                : "Dataset: " + initialTarget.toAbsolutePath();
        VBox box = new VBox(12, title, new Label(hint));
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private static HBox statusBar() {
        HBox bar = new HBox(new Label("Ready"));
        bar.setPadding(new Insets(4, 8, 4, 8));
        bar.setStyle("-fx-border-color: #c8c8c8 transparent transparent transparent;");
        return bar;
    }
}
