package org.backdrop.ui.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MasksViewTest {

    @Start
    void start(Stage stage) throws Exception {
        Path data = StudioTestData.write(Files.createTempDirectory("masks-view"));
        StudioSession session = StudioTestData.session(data, new TaskRunner());
        MasksView view = new MasksView(session, new MasksViewModel(session));
        stage.setScene(new Scene((Parent) view.root(), 800, 400));
        stage.show();
    }

    @Test
    void modelSourceShowsModelChoices(FxRobot robot) {
        robot.interact(() -> robot.lookup("#mask-source").queryAs(javafx.scene.control.ChoiceBox.class).setValue(MasksViewModel.Source.MODEL));

        org.junit.jupiter.api.Assertions.assertTrue(robot.lookup("#model-file").queryAs(Label.class).isVisible());
        assertEquals("no model chosen", robot.lookup("#model-file").queryAs(Label.class).getText());
        robot.interact(() -> robot.lookup("#mask-source").queryAs(javafx.scene.control.ChoiceBox.class).setValue(MasksViewModel.Source.ANNOTATIONS));
    }

    @Test
    void computeReportsSkippedSamples(FxRobot robot) throws Exception {
        robot.clickOn("#compute-masks");

        // Class folders carry no annotation masks, so every sample is skipped with a reason.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#masks-summary").queryAs(Label.class).getText().startsWith("0 masks"));
        assertEquals("0 masks from annotations; no mask for 6 of 6 samples", robot.lookup("#masks-summary").queryAs(Label.class).getText());
    }
}
