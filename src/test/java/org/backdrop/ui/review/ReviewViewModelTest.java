package org.backdrop.ui.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.backdrop.curate.ReviewState;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Sample;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewViewModelTest {

    @TempDir
    Path temp;

    private StudioSession session;
    private ReviewViewModel model;
    private List<Sample> samples;

    @BeforeEach
    void openDataset() throws Exception {
        session = StudioTestData.session(StudioTestData.write(temp));
        samples = session.dataset().samples();
        model = new ReviewViewModel(session);
        model.setSamples(samples, 0);
    }

    @Test
    void acceptMovesToNext() throws Exception {
        model.accept();

        assertEquals(ReviewStatus.ACCEPTED, session.review().status(samples.get(0).id()));
        assertEquals(samples.get(1), model.currentProperty().get());
    }

    @Test
    void undoReturnsToSample() throws Exception {
        model.accept();
        model.reject();

        assertTrue(model.undo());

        assertEquals(samples.get(1), model.currentProperty().get());
        assertEquals(ReviewStatus.UNREVIEWED, session.review().status(samples.get(1).id()));
        assertEquals(ReviewStatus.ACCEPTED, session.review().status(samples.get(0).id()));
    }

    @Test
    void progressCountsReviewed() throws Exception {
        model.accept();
        model.reject();

        assertEquals("Sample 3 of 6 · 2 of 6 reviewed", model.progressProperty().get());
    }

    @Test
    void previousStopsAtFirst() {
        model.previous();

        assertEquals(0, model.positionProperty().get());
    }

    @Test
    void lastDecisionStaysOnLast() throws Exception {
        model.setSamples(samples, 5);

        model.accept();

        assertEquals(5, model.positionProperty().get());
    }

    @Test
    void decisionIsSavedBesideDataset() throws Exception {
        model.accept();

        ReviewState reopened = ReviewState.open(ReviewState.fileFor(session.dataset().root()));
        assertEquals(ReviewStatus.ACCEPTED, reopened.status(samples.get(0).id()));
    }

    @Test
    void statusNamesClass() {
        assertTrue(model.statusProperty().get().contains("cat"), model.statusProperty().get());
        assertTrue(model.statusProperty().get().endsWith("unreviewed · no mask"), model.statusProperty().get());
    }

    @Test
    void loadedMasksClearNoMaskNote() {
        StudioTestData.giveMasks(session);

        assertTrue(model.statusProperty().get().endsWith("unreviewed"), model.statusProperty().get());
    }

    @Test
    void emptyListHasNoCurrent() throws Exception {
        model.setSamples(List.of(), 0);

        model.accept();

        assertEquals(null, model.currentProperty().get());
        assertFalse(model.undo());
    }
}
