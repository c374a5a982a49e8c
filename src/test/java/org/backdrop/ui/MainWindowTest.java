package org.backdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuBar;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    @TempDir
    Path temp;

    private final Preferences preferences = Preferences.userRoot().node("backdrop-test-" + UUID.randomUUID());
    private MainWindow window;

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(new Region(), 900, 600);
        window = new MainWindow(new StudioSession(new TaskRunner()), preferences, new Theme.Switcher(scene, preferences));
        scene.setRoot(window.root());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void removePreferences() throws BackingStoreException {
        preferences.removeNode();
    }

    @Test
    void menuBarStartsWithFile(FxRobot robot) {
        MenuBar menuBar = robot.lookup(".menu-bar").queryAs(MenuBar.class);

        assertEquals("File", menuBar.getMenus().get(0).getText());
        assertEquals("Edit", menuBar.getMenus().get(1).getText());
        assertEquals("View", menuBar.getMenus().get(2).getText());
        assertEquals("Help", menuBar.getMenus().get(3).getText());
    }

    @Test
    void openedDatasetShowsTabsAndCounts(FxRobot robot) throws Exception {
        Path data = StudioTestData.write(temp);

        robot.interact(() -> window.open(data));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".tab-pane").tryQuery().isPresent());

        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Browse", tabs.getTabs().get(0).getText());
        String line = robot.lookup("#dataset-line").queryAs(Label.class).getText();
        assertTrue(line.contains("6 samples"), line);
        assertTrue(line.contains("2 classes"), line);
        assertEquals(temp.toAbsolutePath().normalize().toString(), preferences.get("lastFolder", ""));
    }

    @Test
    void evaluateOpensWithoutDataset(FxRobot robot) throws Exception {
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.DIGIT5).release(javafx.scene.input.KeyCode.DIGIT5,
                javafx.scene.input.KeyCode.CONTROL);
        // Under load the tab can change a few pulses after the key is released.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#run-evaluation").tryQuery().isPresent());

        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals("Evaluate", tabs.getSelectionModel().getSelectedItem().getText());
        assertTrue(robot.lookup("#run-evaluation").tryQuery().isPresent());
    }

    @Test
    void missingFolderShowsError(FxRobot robot) throws Exception {
        robot.interact(() -> window.open(temp.resolve("missing")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());

        assertTrue(robot.lookup(".dialog-pane .header-panel .label").queryAs(Label.class).getText().contains("could not be opened"));
    }

    @Test
    void statusBarShowsCpuWithoutGpu(FxRobot robot) throws Exception {
        assumeFalse(Files.exists(Path.of("/proc/driver/nvidia")), "this machine has an NVIDIA driver, so the device may be a GPU");
        Label device = robot.lookup("#device").queryAs(Label.class);

        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !device.getText().contains("checking"));

        assertEquals("Device: CPU", device.getText());
    }
}
