package org.backdrop.ui.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.backdrop.ProgressListener;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.dataset.Sample;
import org.backdrop.model.DeviceRequest;
import org.backdrop.segment.SegmentationModel;
import org.backdrop.testing.SharedData;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.masks.MasksViewModel;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opens the mask editor on a mask that the selfie segmentation model computed for hopper.jpg and moves the threshold slider. */
@ExtendWith(ApplicationExtension.class)
class MaskEditorThresholdViewTest {

    @TempDir
    static Path temp;

    private StudioSession session;
    private Sample sample;
    private StackPane owner;

    @Start
    void start(Stage stage) throws Exception {
        Path data = temp.resolve("data");
        if (!Files.exists(data)) {
            Files.copy(SharedData.fixture("odd_images/hopper.jpg"), Files.createDirectories(data.resolve("person")).resolve("hopper.jpg"));
        }
        session = StudioTestData.session(data, new TaskRunner());
        sample = session.dataset().samples().get(0);
        MasksViewModel masks = new MasksViewModel(session);
        masks.sourceProperty().set(MasksViewModel.Source.MODEL);
        masks.modelFileProperty().set(SharedData.fixture("models/person_segmentation/selfie_segmentation.onnx"));
        masks.specFileProperty().set(Path.of("src/test/resources/models/selfie_segmentation.spec.json"));
        masks.deviceProperty().set(DeviceRequest.CPU);
        masks.apply(masks.computation().run(ProgressListener.NONE));
        session.segmentationModelProperty().set(new SegmentationModel(masks.modelFileProperty().get(),
                masks.specFileProperty().get(), DeviceRequest.CPU));
        owner = new StackPane();
        stage.setScene(new Scene(owner, 200, 100));
        stage.show();
    }

    @Test
    void sliderThresholdsModelMask(FxRobot robot) throws Exception {
        MaskEditorWindow[] opened = new MaskEditorWindow[1];
        robot.interact(() -> opened[0] = MaskEditorWindow.open(session, owner, sample));
        MaskEditorViewModel model = opened[0].view().model();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.probabilityMaskProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Slider slider = robot.lookup("#editor-threshold").queryAs(Slider.class);
        Label note = robot.lookup("#editor-threshold-note").queryAs(Label.class);
        assertFalse(slider.isDisabled());
        assertTrue(note.getText().startsWith("Probabilities from selfie_segmentation.onnx"), note.getText());
        long atHalf = model.mask().area();

        robot.interact(() -> slider.setValue(1.0));

        // No probability is greater than 1.
        assertEquals(0, model.mask().area());
        robot.interact(model::undo);
        assertEquals(atHalf, model.mask().area());
        robot.interact(() -> {
            model.thresholdProperty().set(0.5);
            opened[0].stage().close();
        });
    }

    @Test
    void sliderDisabledForAnnotationMask(FxRobot robot) throws Exception {
        robot.interact(() -> session.setMasks(Map.of(sample.id(), session.mask(sample).orElseThrow()), Map.of(sample.id(), MaskOrigin.ANNOTATION)));
        MaskEditorWindow[] opened = new MaskEditorWindow[1];
        robot.interact(() -> opened[0] = MaskEditorWindow.open(session, owner, sample));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> opened[0].view().model().loadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();

        Slider slider = robot.lookup("#editor-threshold").queryAs(Slider.class);
        Label note = robot.lookup("#editor-threshold-note").queryAs(Label.class);
        assertTrue(slider.isDisabled());
        assertTrue(note.getText().startsWith("This mask comes from the dataset's annotations"), note.getText());
        robot.interact(() -> opened[0].stage().close());
    }
}
