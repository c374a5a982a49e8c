package org.backdrop.ui.masks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.backdrop.ProgressListener;
import org.backdrop.dataset.Sample;
import org.backdrop.mask.Rle;
import org.backdrop.segment.MaskPlan;
import org.backdrop.segment.MasksFile;
import org.backdrop.ui.StudioSession;
import org.backdrop.ui.StudioTestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasksViewModelTest {

    @TempDir
    Path temp;

    private StudioSession session;
    private MasksViewModel model;

    @BeforeEach
    void openDataset() throws Exception {
        session = StudioTestData.session(StudioTestData.write(temp));
        model = new MasksViewModel(session);
    }

    @Test
    void savedMasksLoadBack() throws Exception {
        String first = session.dataset().samples().get(0).id();
        StudioTestData.giveMasks(session, first);
        Path file = temp.resolve("masks.json");

        assertEquals(5, model.save(file));
        session.masksProperty().set(java.util.Map.of());
        model.load(file);

        assertEquals(5, session.masksProperty().get().size());
        assertEquals(StudioTestData.OBJECT_PIXELS, session.masksProperty().get().values().iterator().next().area());
        assertEquals(1, model.skipped().size());
        assertEquals("5 masks from masks.json; no mask for 1 of 6 samples", model.summaryProperty().get());
    }

    @Test
    void editedMaskSavesAsEdited() throws Exception {
        StudioTestData.giveMasks(session);
        Sample edited = session.dataset().samples().get(2);
        session.saveEditedMask(edited, new Rle(16, 16, new int[] {0, 256}));
        Path file = temp.resolve("masks.json");

        model.save(file);

        Map<String, MasksFile.Entry> read = MasksFile.read(file);
        assertEquals("edited", read.get(edited.id()).source());
        assertEquals(256, read.get(edited.id()).mask().area());
        assertEquals("annotations", read.get(session.dataset().samples().get(0).id()).source());
    }

    @Test
    void annotationsOfFoldersGiveNoMasks() throws Exception {
        MaskPlan plan = MaskPlan.compute(session.dataset(), MasksViewModel.Source.ANNOTATIONS.open(), session.images(),
                org.backdrop.segment.MaskFilter.none(), java.util.concurrent.Executors.newSingleThreadExecutor(), ProgressListener.NONE);

        model.apply(plan);

        assertEquals(0, session.masksProperty().get().size());
        assertEquals(6, model.skipped().size());
    }
}
