package org.backdrop.ui.browse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Category;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrowseViewModelTest {

    @TempDir
    Path temp;

    private StudioSession session;
    private BrowseViewModel model;

    @BeforeEach
    void openDataset() throws Exception {
        session = StudioTestData.session(StudioTestData.write(temp));
        model = new BrowseViewModel(session);
    }

    @Test
    void showsEverySampleUnfiltered() {
        assertEquals(6, model.visibleSamples().size());
    }

    @Test
    void classFilterKeepsClass() {
        Category dog = model.classes().stream().filter(c -> c.name().equals("dog")).findFirst().orElseThrow();

        model.classFilterProperty().set(dog);

        assertEquals(3, model.visibleSamples().size());
        model.visibleSamples().forEach(sample -> assertEquals(dog.id(), sample.labels().get(0)));
    }

    @Test
    void idTextIgnoresCase() {
        model.idTextProperty().set("CAT1");

        assertEquals(1, model.visibleSamples().size());
    }

    @Test
    void statusFilterFollowsDecisions() throws Exception {
        session.review().decide(session.dataset().samples().get(0).id(), ReviewStatus.ACCEPTED);

        model.statusFilterProperty().set(ReviewStatus.ACCEPTED);

        assertEquals(1, model.visibleSamples().size());
    }

    @Test
    void pixelThresholdDropsSmallAndMissing() {
        String first = session.dataset().samples().get(0).id();
        StudioTestData.giveMasks(session, first);

        model.minObjectPixelsProperty().set(StudioTestData.OBJECT_PIXELS);
        assertEquals(5, model.visibleSamples().size());

        model.minObjectPixelsProperty().set(StudioTestData.OBJECT_PIXELS + 1);
        assertEquals(0, model.visibleSamples().size());
    }

    @Test
    void summaryCountsStatuses() throws Exception {
        session.review().decide(session.dataset().samples().get(0).id(), ReviewStatus.REJECTED);
        model.idTextProperty().set("dog");

        assertEquals("3 of 6 shown · 5 unreviewed · 0 accepted · 1 rejected · 0 edited", model.summaryProperty().get());
    }
}
