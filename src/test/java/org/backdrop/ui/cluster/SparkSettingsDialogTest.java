package org.backdrop.ui.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.backdrop.engine.launch.SparkInstallation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SparkSettingsDialogTest {

    @TempDir
    static Path classTemp;

    private final Preferences preferences = Preferences.userRoot().node("backdrop-test-" + UUID.randomUUID());
    private SparkSettings settings;

    @Start
    void start(Stage stage) {
        settings = new SparkSettings(preferences);
        new SparkSettingsDialog(stage, settings).show();
    }

    @AfterEach
    void removePreferences() throws BackingStoreException {
        preferences.removeNode();
    }

    @Test
    void validSettingsAreSaved(FxRobot robot) throws Exception {
        Path home = Files.createDirectories(classTemp.resolve("spark-" + UUID.randomUUID()).resolve("bin")).getParent();
        Files.writeString(home.resolve("bin/spark-submit"), "#!/bin/sh\n");
        Button save = robot.lookup("#spark-save").queryButton();
        Label problems = robot.lookup("#spark-problems").queryAs(Label.class);
        assertTrue(save.isDisabled(), "nothing to save before a Spark folder is set");
        assertTrue(problems.getText().contains("No Spark installation folder"), problems.getText());

        robot.interact(() -> {
            robot.lookup("#spark-home").queryAs(TextField.class).setText(home.toString());
            robot.lookup("#spark-conf").queryAs(TextArea.class).setText("spark.executor.memory=2g");
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(save.isDisabled(), problems.getText());
        robot.clickOn("#spark-save");
        WaitForAsyncUtils.waitForFxEvents();

        SparkInstallation expected = new SparkInstallation(home, "local[2]", Optional.empty(), List.of("spark.executor.memory=2g"));
        assertEquals(Optional.of(expected), new SparkSettings(preferences).configured());
    }
}
