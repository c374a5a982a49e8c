package org.backdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new MainWindow(Path.of("datasets/voc")).root(), 800, 600));
        stage.show();
    }

    @Test
    void showsMenuBarAndLoadedDataset(FxRobot robot) {
        MenuBar menuBar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        assertEquals("File", menuBar.getMenus().get(0).getText());

        boolean namesDataset = robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(label -> label.getText().contains("datasets" + java.io.File.separator + "voc"));
        assertTrue(namesDataset, "the welcome view names the dataset given on the command line");
    }
}
