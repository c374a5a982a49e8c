package org.backdrop.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.backdrop.curate.ReviewState;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ReviewViewTest {

    /** Holds each test's data; JUnit deletes it after the class, so the tests leave nothing in /tmp. */
    @org.junit.jupiter.api.io.TempDir
    static Path classTemp;

    private StudioSession session;

    @Start
    void start(Stage stage) throws Exception {
        Path data = StudioTestData.write(Files.createTempDirectory(classTemp, "review-view"));
        session = StudioTestData.session(data, new TaskRunner());
        StudioTestData.giveMasks(session);
        ReviewViewModel model = new ReviewViewModel(session);
        model.setSamples(session.dataset().samples(), 0);
        ReviewView view = new ReviewView(session, model);
        stage.setScene(new Scene((Parent) view.root(), 800, 500));
        stage.show();
        view.focus();
    }

    @Test
    void keysDecideAndUndo(FxRobot robot) throws Exception {
        String first = session.dataset().samples().get(0).id();
        String second = session.dataset().samples().get(1).id();

        robot.type(KeyCode.A);
        robot.type(KeyCode.R);
        assertEquals(ReviewStatus.ACCEPTED, session.review().status(first));
        assertEquals(ReviewStatus.REJECTED, session.review().status(second));
        assertEquals("Sample 3 of 6 · 2 of 6 reviewed", robot.lookup("#review-progress").queryAs(Label.class).getText());

        robot.type(KeyCode.Z);
        assertEquals(ReviewStatus.UNREVIEWED, session.review().status(second));
        assertEquals("Sample 2 of 6 · 1 of 6 reviewed", robot.lookup("#review-progress").queryAs(Label.class).getText());

        ReviewState saved = ReviewState.open(ReviewState.fileFor(session.dataset().root()));
        assertEquals(ReviewStatus.ACCEPTED, saved.status(first));
    }
}
