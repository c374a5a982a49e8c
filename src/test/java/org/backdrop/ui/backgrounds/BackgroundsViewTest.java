package org.backdrop.ui.backgrounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.FlowPane;
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
class BackgroundsViewTest {

    /** Holds each test's data; JUnit deletes it after the class, so the tests leave nothing in /tmp. */
    @org.junit.jupiter.api.io.TempDir
    static Path classTemp;

    private BackgroundsViewModel model;

    @org.junit.jupiter.api.io.TempDir
    Path temp;

    @Start
    void start(Stage stage) throws Exception {
        Path data = StudioTestData.write(Files.createTempDirectory(classTemp, "backgrounds-view"));
        StudioSession session = StudioTestData.session(data, new TaskRunner());
        StudioTestData.giveMasks(session);
        model = new BackgroundsViewModel(session);
        BackgroundsView view = new BackgroundsView(session, model);
        stage.setScene(new Scene((Parent) view.root(), 900, 600));
        stage.show();
    }

    @Test
    void tickingMethodAddsTile(FxRobot robot) throws Exception {
        FlowPane tiles = robot.lookup("#preview-tiles").queryAs(FlowPane.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tiles.getChildren().size() == 3);

        ListCell<?> blue = robot.lookup(".list-cell").<ListCell<?>>match(cell -> "blue".equals(((ListCell<?>) cell).getText())).query();
        robot.clickOn(robot.from(blue).lookup(".check-box").queryAs(CheckBox.class));
        Label message = robot.lookup("#preview-message").queryAs(Label.class);
        // The tiles and the message change in separate updates on the JavaFX thread, so wait for both.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tiles.getChildren().size() == 4 && message.getText().endsWith("with 4 backgrounds"));

        assertEquals(4, tiles.getChildren().size());
        assertTrue(message.getText().endsWith("with 4 backgrounds"), message.getText());
    }

    @Test
    void meanShowsImage(FxRobot robot) throws Exception {
        javafx.scene.control.TabPane side = robot.lookup("#background-options").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> side.getSelectionModel().select(3));
        robot.clickOn("#compute-mean");

        javafx.scene.image.ImageView mean = robot.lookup("#mean-image").queryAs(javafx.scene.image.ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> mean.getImage() != null);
        String summary = robot.lookup("#mean-summary").queryAs(Label.class).getText();
        org.junit.jupiter.api.Assertions.assertEquals("Mean background on a 16 × 16 grid", summary);
    }

    @Test
    void presetsWithoutProjectShowHint(FxRobot robot) {
        javafx.scene.control.TabPane side = robot.lookup("#background-options").queryAs(javafx.scene.control.TabPane.class);
        robot.interact(() -> side.getSelectionModel().select(1));

        Label hint = robot.lookup("#preset-hint").queryAs(Label.class);
        assertTrue(hint.isVisible());
        assertTrue(hint.getText().startsWith("Presets are saved in a project"), hint.getText());
        assertTrue(robot.lookup("#save-preset").query().isDisabled());
    }

    @Test
    void sceneFolderShowsThumbnailsAndTile(FxRobot robot) throws Exception {
        Path scenes = Files.createDirectories(temp.resolve("scenes"));
        org.backdrop.image.ImageEncoder.writePng(new org.backdrop.image.RgbImage(4, 4, new byte[48]), scenes.resolve("lake.png"));
        org.backdrop.image.ImageEncoder.writePng(new org.backdrop.image.RgbImage(4, 4, new byte[48]), scenes.resolve("forest.png"));
        FlowPane tiles = robot.lookup("#preview-tiles").queryAs(FlowPane.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tiles.getChildren().size() == 3);

        robot.interact(() -> model.sceneFolderProperty().set(scenes));

        FlowPane thumbnails = robot.lookup("#scene-thumbnails").queryAs(FlowPane.class);
        org.junit.jupiter.api.Assertions.assertEquals(2, thumbnails.getChildren().size());
        Label message = robot.lookup("#preview-message").queryAs(Label.class);
        // The tiles and the message change in separate updates on the JavaFX thread, so wait for both.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> tiles.getChildren().size() == 4 && message.getText().endsWith("with 4 backgrounds"));

        assertEquals(4, tiles.getChildren().size());
        assertTrue(message.getText().endsWith("with 4 backgrounds"), message.getText());
        javafx.scene.layout.VBox scenesTile = (javafx.scene.layout.VBox) tiles.getChildren().get(3);
        assertTrue(scenesTile.getChildren().get(0) instanceof javafx.scene.image.ImageView, "the scenes tile shows an error");
        org.junit.jupiter.api.Assertions.assertEquals("scenes", ((Label) scenesTile.getChildren().get(1)).getText());
    }

    @Test
    void checklistFollowsModel(FxRobot robot) {
        robot.interact(() -> model.chosen().setAll("blue"));

        ListCell<?> blue = robot.lookup(".list-cell").<ListCell<?>>match(cell -> "blue".equals(((ListCell<?>) cell).getText())).query();
        ListCell<?> red = robot.lookup(".list-cell").<ListCell<?>>match(cell -> "red".equals(((ListCell<?>) cell).getText())).query();
        assertTrue(robot.from(blue).lookup(".check-box").queryAs(CheckBox.class).isSelected());
        org.junit.jupiter.api.Assertions.assertFalse(robot.from(red).lookup(".check-box").queryAs(CheckBox.class).isSelected());
    }

    @Test
    void solidColourRowsShowSwatch(FxRobot robot) {
        ListCell<?> red = robot.lookup(".list-cell").<ListCell<?>>match(cell -> "red".equals(((ListCell<?>) cell).getText())).query();
        ListCell<?> noise = robot.lookup(".list-cell").<ListCell<?>>match(cell -> "noise-uniform".equals(((ListCell<?>) cell).getText())).query();

        javafx.scene.shape.Rectangle swatch = robot.from(red).lookup((javafx.scene.Node node) -> node instanceof javafx.scene.shape.Rectangle).query();
        org.junit.jupiter.api.Assertions.assertEquals(javafx.scene.paint.Color.RED, swatch.getFill());
        javafx.scene.shape.Rectangle blank = robot.from(noise).lookup((javafx.scene.Node node) -> node instanceof javafx.scene.shape.Rectangle).query();
        org.junit.jupiter.api.Assertions.assertEquals(javafx.scene.paint.Color.TRANSPARENT, blank.getFill());
    }
}
