package org.backdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class StatusBarTest {

    private StatusBar bar;

    @Start
    void start(Stage stage) {
        bar = new StatusBar(new TaskRunner(), () -> new ComputeDevice.Description("NVIDIA H200", "Models run on cuda:0"));
        stage.setScene(new Scene((Parent) bar.root(), 800, 40));
        stage.show();
    }

    @Test
    void showsProbedGpuName(FxRobot robot) throws Exception {
        Label device = robot.lookup("#device").queryAs(Label.class);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> device.getText().equals("Device: NVIDIA H200"));

        assertEquals("Models run on cuda:0", device.getTooltip().getText());
    }
}
