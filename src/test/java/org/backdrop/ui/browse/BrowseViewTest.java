package org.backdrop.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.backdrop.dataset.Sample;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.controlsfx.control.GridCell;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class BrowseViewTest {

    /** Holds each test's data; JUnit deletes it after the class, so the tests leave nothing in /tmp. */
    @org.junit.jupiter.api.io.TempDir
    static Path classTemp;

    private final AtomicReference<Sample> opened = new AtomicReference<>();
    private StudioSession session;

    @Start
    void start(Stage stage) throws Exception {
        Path data = StudioTestData.write(Files.createTempDirectory(classTemp, "browse-view"));
        session = StudioTestData.session(data, new TaskRunner());
        BrowseView view = new BrowseView(session, new BrowseViewModel(session));
        view.setOnOpen(opened::set);
        stage.setScene(new Scene((Parent) view.root(), 900, 500));
        stage.show();
    }

    @Test
    void filterAndOpenSample(FxRobot robot) throws Exception {
        String dog = session.dataset().samples().get(4).id();
        assertEquals("6 of 6 shown · 6 unreviewed · 0 accepted · 0 rejected · 0 edited",
                robot.lookup(".counts").queryAs(Label.class).getText());

        robot.clickOn("#id-filter").write("dog");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("3 of 6 shown · 6 unreviewed · 0 accepted · 0 rejected · 0 edited",
                robot.lookup(".counts").queryAs(Label.class).getText());

        robot.doubleClickOn(dog);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> opened.get() != null);
        assertEquals(dog, opened.get().id());
    }

    @Test
    void thumbnailsShowSharpOverlay(FxRobot robot) throws Exception {
        // The 16 x 16 test images are enlarged 7 times to fit 112 pixels, so the white object square
        // (4 to 7) covers thumbnail pixels 28 to 55. The overlay mixes 45 % of (0, 200, 255) into white:
        // 255 * 0.55 = 140.25, plus 0, 90 and 114.75, gives (140, 230, 255).
        robot.interact(() -> StudioTestData.giveMasks(session));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> firstThumbnailPixel(robot, 28, 28) == 0xFF8CE6FF);
        assertEquals(0xFF8CE6FF, firstThumbnailPixel(robot, 55, 55));
        assertEquals(0xFF000000, firstThumbnailPixel(robot, 27, 28));
        assertEquals(0xFF000000, firstThumbnailPixel(robot, 56, 55));

        robot.clickOn("Mask overlay");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> firstThumbnailPixel(robot, 28, 28) == 0xFFFFFFFF);
        assertEquals(0xFFFFFFFF, firstThumbnailPixel(robot, 55, 55));
        assertEquals(0xFF000000, firstThumbnailPixel(robot, 56, 55));
    }

    /** Reads a pixel of the first sample's thumbnail as ARGB, or 0 while that thumbnail is not shown. */
    private int firstThumbnailPixel(FxRobot robot, int x, int y) {
        Sample first = session.dataset().samples().get(0);
        return robot.lookup(".sample-cell").queryAllAs(GridCell.class).stream()
                .filter(cell -> cell.getItem() == first)
                .map(cell -> ((ImageView) cell.getGraphic()).getImage())
                .filter(image -> image != null)
                .mapToInt((Image image) -> image.getPixelReader().getArgb(x, y))
                .findFirst().orElse(0);
    }
}
