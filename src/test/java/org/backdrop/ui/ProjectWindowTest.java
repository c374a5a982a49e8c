package org.backdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The studio's project round trip: review in a project, close the window, open the project again. */
@ExtendWith(ApplicationExtension.class)
class ProjectWindowTest {

    @TempDir
    Path temp;

    private final Preferences preferences = Preferences.userRoot().node("backdrop-test-" + UUID.randomUUID());
    private Scene scene;
    private StudioSession session;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        scene = new Scene(new Region(), 900, 600);
        newWindow();
        stage.setScene(scene);
        stage.show();
    }

    /** Replaces the window with a fresh one, as restarting the studio does; the preferences stay. */
    private void newWindow() {
        session = new StudioSession(new TaskRunner());
        window = new MainWindow(session, preferences, new Theme.Switcher(scene, preferences));
        scene.setRoot(window.root());
    }

    @AfterEach
    void cleanUp(FxRobot robot) throws BackingStoreException {
        robot.interact(() -> session.closeProject());
        preferences.removeNode();
    }

    @Test
    void reviewedProjectReopensWithDecisionsAndMasks(FxRobot robot) throws Exception {
        Path data = StudioTestData.write(temp);
        Path project = temp.resolve("pets.backdrop");
        robot.interact(() -> window.createProject(data, project, dataset -> {}));
        waitForProject();
        List<Sample> samples = session.dataset().samples();
        robot.interact(() -> session.setMasks(squareMasks(samples), grabCut(samples)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.store().orElseThrow().currentMasks().size() == samples.size());

        robot.interact(() -> window.show(MainWindow.Screen.REVIEW));
        WaitForAsyncUtils.waitForFxEvents();
        robot.type(KeyCode.A);
        robot.type(KeyCode.R);
        robot.type(KeyCode.A);
        assertEquals(ReviewStatus.ACCEPTED, session.review().status(samples.get(2).id()));

        robot.interact(() -> {
            session.closeProject();
            newWindow();
        });
        Hyperlink recent = robot.lookup("#recent-projects .hyperlink").queryAs(Hyperlink.class);
        assertTrue(recent.getText().startsWith("pets.backdrop"), recent.getText());
        robot.clickOn(recent);
        waitForProject();

        assertEquals(ReviewStatus.ACCEPTED, session.review().status(samples.get(0).id()));
        assertEquals(ReviewStatus.REJECTED, session.review().status(samples.get(1).id()));
        assertEquals(ReviewStatus.ACCEPTED, session.review().status(samples.get(2).id()));
        assertEquals(ReviewStatus.UNREVIEWED, session.review().status(samples.get(3).id()));
        assertEquals(samples.size(), session.masksProperty().get().size());
        assertEquals(StudioTestData.squareMask(), session.masksProperty().get().get(samples.get(0).id()));
        assertEquals(MaskOrigin.GRABCUT, session.maskOrigin(samples.get(0).id()).orElseThrow());
        robot.interact(() -> window.show(MainWindow.Screen.BROWSE));
        String counts = robot.lookup(".counts").queryAs(Label.class).getText();
        assertTrue(counts.contains("3 unreviewed · 2 accepted · 1 rejected"), counts);
    }

    @Test
    void datasetSavedAsProjectKeepsDecisions(FxRobot robot) throws Exception {
        Path data = StudioTestData.write(temp);
        robot.interact(() -> window.open(data));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> session.dataset() != null);
        String first = session.dataset().samples().get(0).id();
        robot.interact(() -> {
            try {
                session.review().decide(first, ReviewStatus.REJECTED);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Path project = temp.resolve("saved.backdrop");

        robot.interact(() -> window.saveProjectAs(project, dataset -> {}));
        waitForProject();
        robot.interact(() -> {
            session.closeProject();
            newWindow();
            window.open(project);
        });
        waitForProject();

        assertEquals(ReviewStatus.REJECTED, session.review().status(first));
        assertEquals(project.toAbsolutePath().normalize(), session.store().orElseThrow().file());
        assertEquals(List.of(project.toAbsolutePath().normalize()), window.recentProjects());
    }

    @Test
    void invalidProjectShowsError(FxRobot robot) throws Exception {
        Path notProject = Files.writeString(temp.resolve("notes.backdrop"), "plain text, not a project; ".repeat(10));

        robot.interact(() -> window.open(notProject));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".dialog-pane").tryQuery().isPresent());

        String content = robot.lookup(".dialog-pane .label").queryAllAs(Label.class).stream().map(Label::getText)
                .reduce("", (all, text) -> all + "\n" + text);
        assertTrue(content.contains("not a Backdrop project"), content);
        assertTrue(session.store().isEmpty());
    }

    private void waitForProject() throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> session.store().isPresent() && session.dataset() != null);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Map<String, Rle> squareMasks(List<Sample> samples) {
        Map<String, Rle> masks = new HashMap<>();
        samples.forEach(sample -> masks.put(sample.id(), StudioTestData.squareMask()));
        return masks;
    }

    private static Map<String, MaskOrigin> grabCut(List<Sample> samples) {
        Map<String, MaskOrigin> origins = new HashMap<>();
        samples.forEach(sample -> origins.put(sample.id(), MaskOrigin.GRABCUT));
        return origins;
    }
}
