package org.backdrop.ui.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.backdrop.engine.launch.SparkInstallation;
import org.backdrop.image.ImageDecoder;
import org.backdrop.image.RgbImage;
import org.backdrop.model.DeviceRequest;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.cluster.RunOn;
import org.backdrop.ui.image.NodeSnapshots;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EvaluationViewTest {

    /** Holds each test's data; JUnit deletes it after the class, so the tests leave nothing in /tmp. */
    @org.junit.jupiter.api.io.TempDir
    static Path classTemp;

    private static Path temp;
    private EvaluationViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        temp = Files.createTempDirectory(classTemp, "evaluation-view");
        model = new EvaluationViewModel();
        model.deviceProperty().set(DeviceRequest.CPU);
        model.addModel(CatShipData.model(), CatShipData.spec());
        model.addVariant(CatShipData.write(temp.resolve("original"), false));
        model.addVariant(CatShipData.write(temp.resolve("swapped"), true));
        EvaluationView view = new EvaluationView(new StudioSession(new TaskRunner()), model);
        stage.setScene(new Scene((Parent) view.root(), 1100, 700));
        stage.sizeToScene();
        stage.show();
    }

    @AfterAll
    static void deleteTemp() throws Exception {
        if (temp != null) {
            try (var paths = Files.walk(temp)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void runOnChoiceFollowsSparkInstallation(FxRobot robot) {
        ChoiceBox<?> runOn = robot.lookup("#evaluation-run-on").queryAs(ChoiceBox.class);
        assertTrue(runOn.isDisabled(), "without a Spark installation only this computer can run the classifiers");

        SparkInstallation installation = new SparkInstallation(Path.of("/opt/spark"), "local[2]", Optional.empty(), List.of());
        robot.interact(() -> {
            model.sparkProperty().set(Optional.of(installation));
            model.runOnProperty().set(RunOn.SPARK_CLUSTER);
        });
        assertFalse(runOn.isDisabled());
        assertEquals(RunOn.SPARK_CLUSTER, runOn.getValue());

        robot.interact(() -> model.sparkProperty().set(Optional.empty()));
        assertEquals(RunOn.THIS_COMPUTER, model.runOnProperty().get(), "removing the installation falls back to this computer");

        robot.interact(() -> model.kindProperty().set(EvaluationKind.DETECTION));
        assertFalse(runOn.getParent().isVisible(), "results files are evaluated here: they need no model");
    }

    @Test
    void evaluationShowsTableAndCharts(FxRobot robot) throws Exception {
        robot.clickOn("#run-evaluation");

        TableView<?> table = robot.lookup("#results-table").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        BarChart<?, ?> bars = robot.lookup("#results-bar-chart").queryAs(BarChart.class);
        assertEquals(3, table.getColumns().size());
        assertEquals(1, bars.getData().size());
        assertEquals(2, bars.getData().get(0).getData().size());
        assertEquals("swapped", model.selectedVariantProperty().get());

        robot.interact(() -> robot.lookup("#results-tabs").queryAs(TabPane.class).getSelectionModel().select(4));
        ListView<?> flips = robot.lookup("#flips-list").queryAs(ListView.class);
        assertEquals(model.visibleFlips().size(), flips.getItems().size());
        assertTrue(flips.getItems().size() > 0, "the swapped variant flips some samples");

        Path png = temp.resolve("bars.png");
        robot.interact(() -> {
            try {
                NodeSnapshots.writePng(bars, png);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        RgbImage written = ImageDecoder.decode(png);
        assertEquals(Math.ceil(bars.getWidth()), written.width(), 1.0);
    }
}
