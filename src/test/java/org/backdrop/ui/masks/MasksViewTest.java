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

    /** Holds each test's data; JUnit deletes it after the class, so the tests leave nothing in /tmp. */
    @org.junit.jupiter.api.io.TempDir
    static Path classTemp;

    private MasksViewModel model;
    private StudioSession session;

    @Start
    void start(Stage stage) throws Exception {
        Path data = StudioTestData.write(Files.createTempDirectory(classTemp, "masks-view"));
        session = StudioTestData.session(data, new TaskRunner());
        model = new MasksViewModel(session);
        MasksView view = new MasksView(session, model);
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

    @Test
    void modelComputeRunsInBackground(FxRobot robot) throws Exception {
        robot.interact(() -> {
            model.sourceProperty().set(MasksViewModel.Source.MODEL);
            model.modelFileProperty().set(Path.of("src/test/resources/models/tiny_deeplab/tiny_deeplab.onnx"));
            model.deviceProperty().set(org.backdrop.model.DeviceRequest.CPU);
        });

        robot.clickOn("#compute-masks");

        // The model's class 15 is 10 * (R - G - B) > 5 on channels normalised to [-1, 1] (see
        // src/test/python/tiny_deeplab.py): black scores 10 and is foreground, white scores -10 and is not.
        // So each 16x16 black image with a white 4x4 square gets a mask of 256 - 16 = 240 pixels.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> robot.lookup("#masks-summary").queryAs(Label.class).getText().contains("from onnx"));
        assertEquals("6 masks from onnx; no mask for 0 of 6 samples", robot.lookup("#masks-summary").queryAs(Label.class).getText());
        for (org.backdrop.mask.Rle mask : session.masksProperty().get().values()) {
            assertEquals(240, mask.area());
        }
    }
}
