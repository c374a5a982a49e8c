package org.backdrop.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import org.backdrop.curate.MaskOrigin;
import org.backdrop.curate.ReviewStatus;
import org.backdrop.dataset.Dataset;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.store.ProjectStore;
import org.backdrop.store.StoredMask;
import org.backdrop.ui.task.TaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudioSessionTest {

    @TempDir
    Path temp;

    private StudioSession session;
    private ProjectStore store;
    private List<Sample> samples;

    @BeforeAll
    static void startToolkit() {
        // Saving masks runs a JavaFX Task, which posts its progress to the JavaFX thread.
        try {
            Platform.startup(() -> {});
        } catch (IllegalStateException alreadyStarted) {
            // Another test in this JVM started it.
        }
    }

    @BeforeEach
    void openProject() throws Exception {
        Dataset dataset = StudioTestData.read(StudioTestData.write(temp));
        samples = dataset.samples();
        store = ProjectStore.create(temp.resolve("p.backdrop"));
        session = new StudioSession(new TaskRunner(Runnable::run));
        session.openProject(dataset, store, store.reviewState(), Map.of(), Map.of());
    }

    @AfterEach
    void closeProject() {
        session.closeProject();
    }

    @Test
    void decisionsReachStore() throws IOException {
        session.review().decide(samples.get(1).id(), ReviewStatus.REJECTED);

        assertEquals(Map.of(samples.get(1).id(), ReviewStatus.REJECTED), store.reviewStatuses());
    }

    @Test
    void computedMasksReachStore() throws IOException {
        Map<String, Rle> masks = new HashMap<>();
        Map<String, MaskOrigin> origins = new HashMap<>();
        for (Sample sample : samples) {
            masks.put(sample.id(), StudioTestData.squareMask());
            origins.put(sample.id(), MaskOrigin.ANNOTATION);
        }

        session.setMasks(masks, origins);

        Map<String, StoredMask> stored = store.currentMasks();
        assertEquals(samples.size(), stored.size());
        assertEquals(StudioTestData.OBJECT_PIXELS, stored.get(samples.get(0).id()).mask().area());
        assertEquals(MaskOrigin.ANNOTATION, stored.get(samples.get(0).id()).origin());
    }

    @Test
    void editedMaskKeepsOriginalInStore() throws IOException {
        String id = samples.get(0).id();
        session.setMasks(Map.of(id, StudioTestData.squareMask()), Map.of(id, MaskOrigin.GRABCUT));
        Rle edited = Rle.fromRowMajor(new byte[StudioTestData.SIDE * StudioTestData.SIDE], StudioTestData.SIDE, StudioTestData.SIDE);

        session.updateMask(id, edited, MaskOrigin.EDITED);

        assertEquals(edited, session.masksProperty().get().get(id));
        assertEquals(MaskOrigin.EDITED, session.maskOrigin(id).orElseThrow());
        assertEquals(StudioTestData.squareMask(), store.originalMask(id).orElseThrow().mask());
        assertEquals(2, store.maskHistory(id).size());
    }

    @Test
    void editorSaveReachesStore() throws IOException {
        Sample sample = samples.get(0);
        session.setMasks(Map.of(sample.id(), StudioTestData.squareMask()), Map.of(sample.id(), MaskOrigin.GRABCUT));
        Rle edited = Rle.fromRowMajor(new byte[StudioTestData.SIDE * StudioTestData.SIDE], StudioTestData.SIDE, StudioTestData.SIDE);

        session.saveEditedMask(sample, edited);

        assertTrue(session.hasEditedMask(sample));
        assertEquals(MaskOrigin.EDITED, store.currentMask(sample.id()).orElseThrow().origin());
        assertEquals(StudioTestData.squareMask(), session.originalMask(sample).orElseThrow());
    }

    @Test
    void revertRestoresStoredOriginal() throws IOException {
        Sample sample = samples.get(0);
        session.setMasks(Map.of(sample.id(), StudioTestData.squareMask()), Map.of(sample.id(), MaskOrigin.GRABCUT));
        session.saveEditedMask(sample, Rle.fromRowMajor(new byte[StudioTestData.SIDE * StudioTestData.SIDE], StudioTestData.SIDE,
                StudioTestData.SIDE));

        session.revertToOriginal(sample);

        assertFalse(session.hasEditedMask(sample));
        assertEquals(StudioTestData.squareMask(), session.masksProperty().get().get(sample.id()));
        assertEquals(MaskOrigin.GRABCUT, session.maskOrigin(sample.id()).orElseThrow());
        StoredMask current = store.currentMask(sample.id()).orElseThrow();
        assertEquals(MaskOrigin.GRABCUT, current.origin());
        assertEquals(StudioTestData.squareMask(), current.mask());
        assertEquals(3, store.maskHistory(sample.id()).size());
    }

    @Test
    void originalComesFromEarlierSession() throws IOException {
        Sample sample = samples.get(0);
        session.setMasks(Map.of(sample.id(), StudioTestData.squareMask()), Map.of(sample.id(), MaskOrigin.GRABCUT));
        Rle edited = Rle.fromRowMajor(new byte[StudioTestData.SIDE * StudioTestData.SIDE], StudioTestData.SIDE, StudioTestData.SIDE);
        session.saveEditedMask(sample, edited);
        StudioSession reopened = new StudioSession(new TaskRunner(Runnable::run));
        reopened.openProject(session.dataset(), store, store.reviewState(), Map.of(sample.id(), edited), Map.of(sample.id(), MaskOrigin.EDITED));

        assertTrue(reopened.hasEditedMask(sample));
        assertEquals(StudioTestData.squareMask(), reopened.originalMask(sample).orElseThrow());
    }

    @Test
    void storeIsClosedWithProject() {
        session.closeProject();

        assertTrue(session.store().isEmpty());
        assertThrows(IOException.class, () -> store.reviewStatuses());
    }
}
