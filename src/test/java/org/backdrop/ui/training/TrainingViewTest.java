package org.backdrop.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.backdrop.train.TrainingData;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TrainingViewTest {

    /** Holds each test's data; JUnit deletes it after the class, so the tests leave nothing in /tmp. */
    @org.junit.jupiter.api.io.TempDir
    static Path classTemp;

    private static Path temp;
    private TrainingViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        temp = Files.createTempDirectory(classTemp, "training-view");
        Path data = temp.resolve("data");
        TrainingData.generated(data, 8);
        model = new TrainingViewModel();
        model.addSource(data, 1.0);
        model.tests().add(data);
        model.outProperty().set(temp.resolve("run"));
        model.epochsProperty().set(1);
        model.batchSizeProperty().set(4);
        model.learningRateProperty().set(0.05);
        TrainingView view = new TrainingView(new StudioSession(new TaskRunner()), model);
        stage.setScene(new Scene((Parent) view.root(), 1100, 750));
        stage.sizeToScene();
        stage.show();
    }

    @AfterAll
    static void deleteTemp() throws Exception {
        if (temp != null) {
            try (var paths = Files.walk(temp)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void oneEpochDrawsCurvePoints(FxRobot robot) throws Exception {
        robot.clickOn("#start-training");

        LineChart<?, ?> loss = robot.lookup("#loss-chart").queryAs(LineChart.class);
        LineChart<?, ?> accuracy = robot.lookup("#accuracy-chart").queryAs(LineChart.class);
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> model.summaryProperty().get().startsWith("Training failed")
                || loss.getData().size() == 1 && loss.getData().get(0).getData().size() == 1);
        assertFalse(model.summaryProperty().get().startsWith("Training failed"), model.summaryProperty().get());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> model.summaryProperty().get().startsWith("Trained"));

        assertEquals("run · train loss", loss.getData().get(0).getName());
        assertEquals(2, accuracy.getData().size());
        assertEquals("run · test data", accuracy.getData().get(1).getName());
        assertTrue(Files.isRegularFile(temp.resolve("run/metrics.jsonl")));
        assertTrue(model.summaryProperty().get().contains("1 epochs"), model.summaryProperty().get());
    }
}
