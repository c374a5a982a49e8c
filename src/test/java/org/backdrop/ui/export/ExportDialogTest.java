package org.backdrop.ui.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.cluster.RunOn;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ExportDialogTest {

    /** Holds each test's data; JUnit deletes it after the class, so the tests leave nothing in /tmp. */
    @org.junit.jupiter.api.io.TempDir
    static Path classTemp;

    private Path out;

    @Start
    void start(Stage stage) throws Exception {
        Path temp = Files.createTempDirectory(classTemp, "export-dialog");
        StudioSession session = StudioTestData.session(StudioTestData.write(temp), new TaskRunner());
        StudioTestData.giveMasks(session);
        ExportViewModel model = new ExportViewModel(session);
        model.backgroundsProperty().set("red");
        out = temp.resolve("out");
        model.outputFolderProperty().set(out);
        new ExportDialog(stage, session, model).show();
    }

    @Test
    void runOnClusterDisabledWithoutSpark(FxRobot robot) {
        ChoiceBox<?> runOn = robot.lookup("#export-run-on").queryAs(ChoiceBox.class);

        assertTrue(runOn.isDisabled());
        assertEquals(RunOn.THIS_COMPUTER, runOn.getValue());
    }

    @Test
    void exportEndsWithSummary(FxRobot robot) throws Exception {
        robot.clickOn("#export-run");

        TextArea summary = robot.lookup("#export-summary").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !summary.getText().isEmpty());
        assertTrue(summary.getText().startsWith("Wrote 6 images in 1 variants."), summary.getText());
        assertTrue(Files.isRegularFile(out.resolve("manifest.json")));
    }
}
